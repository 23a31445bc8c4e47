#include <gtest/gtest.h>

#include "redline/geo/Geometry.hpp"

using namespace redline;

TEST(Geometry, SquareWithHoleAreaIsShellMinusHole)
{
    // 100 m square with a 20 m square hole: 10000 - 400 = 9600 m², whatever the ring orientation.
    const Ring shell{{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}};
    const Ring hole{{10, 10}, {10, 30}, {30, 30}, {30, 10}, {10, 10}};
    const Geometry g = Geometry::polygon(shell, {hole});
    EXPECT_DOUBLE_EQ(g.planarArea(), 9600.0);
    EXPECT_EQ(g.vertexCount(), 10u);
    EXPECT_DOUBLE_EQ(g.envelope().width(), 100.0);
}

TEST(Geometry, LineLengthIsSumOfSegments)
{
    // 3-4-5 triangle legs: 5 + 5 = 10.
    const Geometry g = Geometry::lineString({{0, 0}, {3, 4}, {6, 0}});
    EXPECT_DOUBLE_EQ(g.planarLength(), 10.0);
    EXPECT_DOUBLE_EQ(g.planarArea(), 0.0);
    EXPECT_EQ(g.dimension(), Dimension::Line);
}

TEST(Geometry, PointHasNoAreaAndADegenerateEnvelope)
{
    const Geometry g = Geometry::point(5, 7);
    EXPECT_EQ(g.dimension(), Dimension::Point);
    EXPECT_DOUBLE_EQ(g.envelope().minX, 5);
    EXPECT_DOUBLE_EQ(g.envelope().maxY, 7);
}
