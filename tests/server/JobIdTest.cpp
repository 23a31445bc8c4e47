#include <chrono>
#include <set>

#include <gtest/gtest.h>

#include "jobs/JobStore.hpp"

using namespace redline::service;

namespace
{

long long nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

// A job id is 32 lowercase hex digits: the creation time in milliseconds (so new ids sort after
// older ones and land at the end of the indexes), then 80 random bits (so no two are alike).
TEST(JobId, TimeFirstThenRandom)
{
    const long long before = nowMs();
    std::vector<std::string> ids;
    for (int i = 0; i < 2000; ++i)
        ids.push_back(newJobId());
    const long long after = nowMs();
    std::set<std::string> distinct;
    std::set<std::string> tails;
    for (std::size_t i = 0; i < ids.size(); ++i)
    {
        const auto& id = ids[i];
        ASSERT_EQ(id.size(), 32u);
        EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
        const long long ms = std::stoll(id.substr(0, 12), nullptr, 16);
        EXPECT_GE(ms, before);
        EXPECT_LE(ms, after);
        if (i > 0)
        {
            EXPECT_LE(ids[i - 1].substr(0, 12), id.substr(0, 12));
        }
        distinct.insert(id);
        tails.insert(id.substr(12));
    }
    EXPECT_EQ(distinct.size(), ids.size());
    EXPECT_EQ(tails.size(), ids.size());
}
