// GB/T 4754-2017 code handling and the RULEBOOK §6.1 class table.
#include "redline/rules/IndustryCode.hpp"

#include <gtest/gtest.h>

namespace redline
{
namespace
{

TEST(IndustryCode, NormalisesCaseBlanksAndMissingSectionLetter)
{
    EXPECT_EQ(normalizeIndustryCode("c3360"), "C3360");
    EXPECT_EQ(normalizeIndustryCode(" C 3360 "), "C3360");
    EXPECT_EQ(normalizeIndustryCode("3360"), "C3360"); // division 33 is in section C (13–43)
    EXPECT_EQ(normalizeIndustryCode("0311"), "A0311"); // division 03: section A
    EXPECT_EQ(normalizeIndustryCode("4610"), "D4610"); // division 46: section D
    EXPECT_EQ(normalizeIndustryCode("6210"), "H6210"); // division 62: section H
    EXPECT_EQ(normalizeIndustryCode("C"), "C");
    EXPECT_FALSE(normalizeIndustryCode(""));
    EXPECT_FALSE(normalizeIndustryCode("3"));
    EXPECT_FALSE(normalizeIndustryCode("C33601"));
    EXPECT_FALSE(normalizeIndustryCode("电镀"));
    EXPECT_FALSE(normalizeIndustryCode("9812")); // no division 98
}

struct ClassRow
{
    const char* code;
    int expected; // 0: not in the table
};

class ZjClass : public ::testing::TestWithParam<ClassRow>
{
};

TEST_P(ZjClass, FromRulebookTable)
{
    const auto cls = inferZjIndustrialClass(GetParam().code);
    EXPECT_EQ(cls.value_or(0), GetParam().expected) << GetParam().code;
}

// code | class per RULEBOOK §6.1 ("1–2" rows read as 2)
INSTANTIATE_TEST_SUITE_P(
    Table, ZjClass,
    ::testing::Values(ClassRow{"C3360", 3}, ClassRow{"C2211", 3}, ClassRow{"C2212", 3},
                      ClassRow{"C2221", 3}, ClassRow{"C2223", 3}, ClassRow{"C1910", 3},
                      ClassRow{"C1713", 3}, ClassRow{"C2925", 3}, ClassRow{"C2614", 3},
                      ClassRow{"C2710", 3}, ClassRow{"C1951", 2}, ClassRow{"C1959", 2},
                      ClassRow{"C2929", 2}, ClassRow{"C3441", 2}, ClassRow{"C3443", 2},
                      ClassRow{"C2231", 2}, ClassRow{"C1810", 2}, ClassRow{"C2450", 2},
                      ClassRow{"C3442", 0}, ClassRow{"C2928", 0}, ClassRow{"C22", 0},
                      ClassRow{"A0311", 0}));

TEST(IndustryCode, ImpliedProjectType)
{
    EXPECT_EQ(inferProjectType("C3360"), "industrial");
    EXPECT_EQ(inferProjectType("A0311"), "livestock_farm");
    EXPECT_EQ(inferProjectType("A0321"), "livestock_farm");
    EXPECT_FALSE(inferProjectType("A0330"));
    EXPECT_EQ(inferProjectType("B0610"), "mining");
    EXPECT_EQ(inferProjectType("H6210"), "catering");
    EXPECT_FALSE(inferProjectType("E4810"));
}

TEST(IndustryCode, RangeIsInclusiveOnPrefixes)
{
    EXPECT_TRUE(industryCodeInRange("C2611", "C26", "C27"));
    EXPECT_TRUE(industryCodeInRange("C2799", "C26", "C27"));
    EXPECT_FALSE(industryCodeInRange("C2810", "C26", "C27"));
    EXPECT_FALSE(industryCodeInRange("C2599", "C26", "C27"));
}

} // namespace
} // namespace redline
