#include <gtest/gtest.h>

#include "http/Multipart.hpp"
#include "http/Target.hpp"
#include "util/JsonDepth.hpp"

using namespace redline::service;

// Request targets as a client may send them; each row: target, path segments, or malformed.
TEST(Target, SplitsAndDecodes)
{
    auto t = Target::parse("/collections/%E7%BA%A2%E7%BA%BF/items?limit=5&bbox=1%2C2%2C3%2C4");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->segments, (std::vector<std::string>{"collections", "红线", "items"}));
    EXPECT_EQ(*t->param("limit"), "5");
    EXPECT_EQ(*t->param("bbox"), "1,2,3,4");
    EXPECT_EQ(t->param("offset"), nullptr);
    EXPECT_TRUE(Target::parse("/")->segments.empty());
    EXPECT_EQ(Target::parse("//jobs/")->segments, std::vector<std::string>{"jobs"});
}

TEST(Target, RefusesWhatCouldConfuseRouting)
{
    EXPECT_FALSE(Target::parse("jobs"));                   // not origin-form
    EXPECT_FALSE(Target::parse("/jobs/a%2Fb"));            // an encoded '/' inside a segment
    EXPECT_FALSE(Target::parse("/jobs/%00"));              // NUL
    EXPECT_FALSE(Target::parse("/jobs/%G1"));              // bad escape
    EXPECT_FALSE(Target::parse("/jobs/%4"));               // truncated escape
    EXPECT_FALSE(Target::parse("/items?limit=1&limit=2")); // repeated parameter
}

TEST(Multipart, ReadsFieldsAndFiles)
{
    const std::string body = "--XyZ\r\nContent-Disposition: form-data; name=\"buffer\"\r\n\r\n"
                             "200\r\n--XyZ\r\nContent-Disposition: form-data; name=\"sites\"; "
                             "filename=\"申报.txt\"\r\nContent-Type: text/plain\r\n\r\nline1\r\n"
                             "line2\r\n--XyZ--\r\n";
    const auto boundary = multipartBoundary("multipart/form-data; boundary=XyZ");
    ASSERT_TRUE(boundary);
    const auto parts = parseMultipart(body, *boundary);
    ASSERT_TRUE(parts);
    ASSERT_EQ(parts->size(), 2u);
    EXPECT_EQ((*parts)[0].name, "buffer");
    EXPECT_EQ((*parts)[0].data, "200");
    EXPECT_EQ((*parts)[1].filename, "申报.txt");
    EXPECT_EQ((*parts)[1].contentType, "text/plain");
    EXPECT_EQ((*parts)[1].data, "line1\r\nline2");
}

TEST(Multipart, MalformedBodiesAreRefused)
{
    EXPECT_FALSE(multipartBoundary("application/json"));
    EXPECT_FALSE(multipartBoundary("multipart/form-data"));
    EXPECT_FALSE(parseMultipart("no delimiter at all", "XyZ"));
    EXPECT_FALSE(parseMultipart("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx",
                                "XyZ"));                                            // never closed
    EXPECT_FALSE(parseMultipart("--XyZ\r\nX-Other: 1\r\n\r\nx\r\n--XyZ--", "XyZ")); // no name
    std::string many;
    for (int i = 0; i < 40; ++i)
        many += "--B\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n";
    EXPECT_FALSE(parseMultipart(many + "--B--\r\n", "B")); // more parts than allowed
}

TEST(JsonDepth, CountsOnlyStructureOutsideStrings)
{
    EXPECT_TRUE(jsonDepthWithin(R"({"a": [[1], {"b": "[[[[[[[["}]})", 3));
    EXPECT_FALSE(jsonDepthWithin(R"({"a": [[1], {"b": [[]]}]})", 3));
    EXPECT_TRUE(jsonDepthWithin(R"({"a": "\"[[[["})", 1));
}
