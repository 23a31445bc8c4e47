// Rectangle clipping for drawing: parts inside the box, figures by hand.
#include "redline/geo/EnvelopeClipper.hpp"

#include <gtest/gtest.h>

using namespace redline;

TEST(EnvelopeClipper, CutsPolygonsAndLinesToTheBox)
{
    EnvelopeClipper clip({5, 0, 15, 10});
    // [0,10]^2 with a hole [2,4]^2: the part in x >= 5 is 5 x 10 = 50 (the hole lies outside).
    const Geometry square = Geometry::polygon({{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}},
                                              {{{2, 2}, {4, 2}, {4, 4}, {2, 4}, {2, 2}}});
    EXPECT_NEAR(clip.clip(square).planarArea(), 50, 1e-9);
    // A line from x = 0 to x = 20 at y = 5 keeps x in [5,15]: 10 long.
    EXPECT_NEAR(clip.clip(Geometry::lineString({{0, 5}, {20, 5}})).planarLength(), 10, 1e-9);
    // Outside, or only touching the box edge: nothing.
    EXPECT_TRUE(clip.clip(Geometry::polygon({{20, 0}, {30, 0}, {30, 5}, {20, 0}})).isEmpty());
    EXPECT_TRUE(clip.clip(Geometry::polygon({{0, 0}, {5, 0}, {5, 5}, {0, 5}, {0, 0}})).isEmpty());
    // Inside: returned as it is.
    const Geometry inner = Geometry::polygon({{6, 1}, {7, 1}, {7, 2}, {6, 1}});
    EXPECT_EQ(clip.clip(inner).parts(), inner.parts());
}

TEST(EnvelopeClipper, ToleranceDropsDetailBelowIt)
{
    // A 1000 m line with a 0.1 m zig-zag every metre: at a 1 m tolerance only its ends remain.
    Ring zigzag;
    for (int i = 0; i <= 1000; ++i)
        zigzag.push_back({static_cast<double>(i), (i % 2) * 0.1});
    EnvelopeClipper clip({-10, -10, 2000, 10}, 1.0);
    const Geometry g = clip.clip(Geometry::lineString(zigzag));
    ASSERT_EQ(g.parts().size(), 1u);
    EXPECT_EQ(g.parts()[0][0].size(), 2u);
}
