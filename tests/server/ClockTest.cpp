#include "util/Clock.hpp"

#include <chrono>
#include <ctime>
#include <regex>

#include <gtest/gtest.h>

using namespace redline::service;

namespace
{

// Milliseconds since 1970 of an RFC 3339 UTC time with milliseconds, read back with strptime and
// timegm (glibc), not with the code under test.
std::int64_t parseMillis(const std::string& text)
{
    std::tm tm{};
    const char* rest = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
    EXPECT_NE(rest, nullptr) << text;
    if (!rest)
        return -1;
    return static_cast<std::int64_t>(timegm(&tm)) * 1000 + std::stoi(std::string(rest + 1, 3));
}

std::int64_t clockMillis()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

// Calls within the same second reuse that second's text; every answer must still be the time
// between the clock readings around it, milliseconds included, across several seconds.
TEST(Clock, NowIsTheCurrentTimeToTheMillisecond)
{
    const std::regex shape(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$)");
    const auto end = clockMillis() + 2500;
    int calls = 0;
    while (clockMillis() < end)
    {
        const auto before = clockMillis();
        const std::string now = nowRfc3339();
        const auto after = clockMillis();
        ASSERT_TRUE(std::regex_match(now, shape)) << now;
        const auto ms = parseMillis(now);
        ASSERT_GE(ms, before) << now;
        ASSERT_LE(ms, after) << now;
        ++calls;
    }
    EXPECT_GT(calls, 100);
}

TEST(Clock, UnixSecondsAsRfc3339)
{
    EXPECT_EQ(rfc3339FromUnix(0), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(rfc3339FromUnix(1796083262), "2026-12-01T00:01:02.000Z");
}
