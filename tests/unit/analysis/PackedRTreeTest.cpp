// The packed Hilbert R-tree of the screening index (issue 13): every query returns exactly the
// items a brute-force scan of the boxes finds, for double and for outward-rounded float boxes.

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "analysis/PackedRTree.hpp"

using namespace redline;
using namespace redline::detail;

namespace
{

std::vector<BoxD> randomBoxes(std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    auto u = [&rng] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
    std::vector<BoxD> boxes;
    for (std::size_t i = 0; i < n; ++i)
    {
        const double x = 500000 + 60000 * u(), y = 3090000 + 60000 * u();
        const double w = 2000 * u() * u(), h = 2000 * u() * u();
        boxes.push_back({x, y, x + w, y + h});
    }
    return boxes;
}

template <typename Coord>
void expectSameAsBruteForce(std::size_t n)
{
    const std::vector<BoxD> items = randomBoxes(n, n + 1);
    std::vector<Box<Coord>> boxes(packedTreeSize(n));
    std::vector<std::uint32_t> index(packedTreeSize(n));
    buildPackedTree<Coord>(items, boxes, index);
    const PackedTreeView<Coord> tree(boxes.data(), index.data(), static_cast<std::uint32_t>(n));
    for (const BoxD& q : randomBoxes(200, 99))
    {
        const Envelope e{q.minX, q.minY, q.maxX, q.maxY};
        std::vector<std::uint32_t> found;
        tree.query(e, [&](std::uint32_t i, const auto&) { found.push_back(i); });
        std::sort(found.begin(), found.end());
        std::vector<std::uint32_t> expected;
        for (std::uint32_t i = 0; i < n; ++i)
            if (e.intersects({items[i].minX, items[i].minY, items[i].maxX, items[i].maxY}))
                expected.push_back(i);
        if constexpr (std::is_same_v<Coord, double>)
        {
            EXPECT_EQ(found, expected);
        }
        else
        {
            // Float boxes are rounded outwards: everything expected is found, and a few more.
            EXPECT_TRUE(std::includes(found.begin(), found.end(), expected.begin(), expected.end()));
            EXPECT_LE(found.size(), expected.size() + 3);
        }
    }
}

} // namespace

TEST(PackedRTree, SizesFollowTheLevels)
{
    EXPECT_EQ(packedTreeSize(0), 0u);
    EXPECT_EQ(packedTreeSize(1), 2u);   // a leaf and the root
    EXPECT_EQ(packedTreeSize(16), 17u);
    EXPECT_EQ(packedTreeSize(17), 20u); // 17 + 2 + 1
    EXPECT_EQ(packedTreeSize(256), 256u + 16 + 1);
}

TEST(PackedRTree, QueriesMatchABruteForceScan)
{
    for (std::size_t n : {1u, 2u, 15u, 16u, 17u, 300u, 5000u})
    {
        SCOPED_TRACE(n);
        expectSameAsBruteForce<double>(n);
        expectSameAsBruteForce<float>(n);
    }
}

TEST(PackedRTree, FloatBoxesEncloseTheirDoubleBoxes)
{
    for (const BoxD& b : randomBoxes(1000, 5))
    {
        const BoxF f = outwardFloatBox(b);
        EXPECT_LE(f.minX, b.minX);
        EXPECT_LE(f.minY, b.minY);
        EXPECT_GE(f.maxX, b.maxX);
        EXPECT_GE(f.maxY, b.maxY);
    }
}
