// The envelope index of zoning QA and statistics (issue 13): every query returns, in ascending
// order, exactly the positions a brute-force scan finds; empty envelopes are never found.

#include "analysis/EnvelopeIndex.hpp"

#include <random>

#include <gtest/gtest.h>

using namespace redline;

namespace
{

std::vector<Envelope> randomEnvelopes(std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    auto u = [&rng] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
    std::vector<Envelope> out;
    for (std::size_t i = 0; i < n; ++i)
    {
        const double x = 500000 + 60000 * u(), y = 3090000 + 60000 * u();
        const double w = 3000 * u() * u(), h = 3000 * u() * u();
        out.push_back({x, y, x + w, y + h});
    }
    return out;
}

TEST(EnvelopeIndex, QueriesMatchABruteForceScanAndSkipEmptyEnvelopes)
{
    std::vector<Envelope> envelopes = randomEnvelopes(5000, 7);
    for (std::size_t i = 0; i < envelopes.size(); i += 7)
        envelopes[i] = Envelope{}; // features without geometry
    const detail::EnvelopeIndex index(envelopes);
    for (const Envelope& q : randomEnvelopes(300, 99))
    {
        std::vector<std::size_t> expected;
        for (std::size_t i = 0; i < envelopes.size(); ++i)
            if (!envelopes[i].isEmpty() && q.intersects(envelopes[i]))
                expected.push_back(i);
        EXPECT_EQ(index.query(q), expected);
    }
    EXPECT_TRUE(index.query(Envelope{}).empty());
}

TEST(EnvelopeIndex, TouchingBoundariesAreFound)
{
    const std::vector<Envelope> envelopes{{0, 0, 10, 10}, {10, 0, 20, 10}, {30, 30, 40, 40}};
    const detail::EnvelopeIndex index(envelopes);
    EXPECT_EQ(index.query({10, 10, 15, 15}), (std::vector<std::size_t>{0, 1}));
    EXPECT_EQ(index.query({20.5, 20, 29.5, 29}), std::vector<std::size_t>{});
    EXPECT_TRUE(detail::EnvelopeIndex(std::vector<Envelope>{}).query({0, 0, 1, 1}).empty());
}

} // namespace
