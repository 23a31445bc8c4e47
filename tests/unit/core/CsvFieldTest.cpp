#include <gtest/gtest.h>

#include "redline/core/CsvField.hpp"

using redline::csvField;

// RFC 4180, section 2, rules 6 and 7, written out by hand.
TEST(CsvField, PlainTextStaysAsItIs)
{
    EXPECT_EQ(csvField("D12"), "D12");
    EXPECT_EQ(csvField("永嘉县 岩头镇"), "永嘉县 岩头镇");
    EXPECT_EQ(csvField(""), "");
}

TEST(CsvField, CommasQuotesAndLineBreaksAreQuoted)
{
    EXPECT_EQ(csvField("a,b"), "\"a,b\"");
    EXPECT_EQ(csvField("say \"no\""), "\"say \"\"no\"\"\"");
    EXPECT_EQ(csvField("line 1\nline 2"), "\"line 1\nline 2\"");
    EXPECT_EQ(csvField("cr\r"), "\"cr\r\"");
}
