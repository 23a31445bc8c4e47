// Vertex editing and snapping on a hand-made 10 × 10 square; expected values by hand.

#include "redline/edit/VertexEdit.hpp"

#include <gtest/gtest.h>

#include "redline/edit/EditErrors.hpp"

namespace redline
{
namespace
{

Geometry unitSquare()
{
    return Geometry::polygon({{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}});
}

TEST(VertexEdit, MoveKeepsRingClosed)
{
    const Geometry g = moveVertex(unitSquare(), {0, 0, 0}, {-5, 0});
    const Ring& r = g.parts()[0][0];
    EXPECT_EQ(r.front(), (Point{-5, 0}));
    EXPECT_EQ(r.back(), (Point{-5, 0}));
    // Trapezoid (-5,0) (10,0) (10,10) (0,10): (15 + 10) / 2 × 10 = 125.
    EXPECT_DOUBLE_EQ(g.planarArea(), 125);
}

TEST(VertexEdit, InsertAndDelete)
{
    // A notch vertex at (5, 5) on the bottom edge removes the triangle (0,0)(10,0)(5,5): 25.
    const Geometry notched = insertVertex(unitSquare(), {0, 0, 0}, {5, 5});
    EXPECT_EQ(notched.parts()[0][0].size(), 6u);
    EXPECT_DOUBLE_EQ(notched.planarArea(), 75);
    const Geometry back = deleteVertex(notched, {0, 0, 1});
    EXPECT_EQ(back.parts(), unitSquare().parts());
    // Deleting the first vertex re-closes the ring on the next one: triangle of area 50.
    const Geometry tri = deleteVertex(unitSquare(), {0, 0, 0});
    EXPECT_EQ(tri.parts()[0][0].front(), tri.parts()[0][0].back());
    EXPECT_DOUBLE_EQ(tri.planarArea(), 50);
    EXPECT_THROW((void)deleteVertex(tri, {0, 0, 1}), EditError);
    EXPECT_THROW((void)moveVertex(tri, {0, 1, 0}, {0, 0}), EditError);
}

TEST(VertexEdit, NearestVertexAndSnapping)
{
    const Geometry g = unitSquare();
    EXPECT_EQ(nearestVertex(g, {9.5, 9.8}, 1.0), (VertexRef{0, 0, 2}));
    EXPECT_FALSE(nearestVertex(g, {5, 5}, 1.0));
    const std::vector<const Geometry*> layers = {&g};
    // Vertex within 1 m wins.
    auto s = snapPoint({10.3, 0.4}, 1.0, layers);
    ASSERT_TRUE(s);
    EXPECT_TRUE(s->onVertex);
    EXPECT_EQ(s->point, (Point{10, 0}));
    // Otherwise the foot of the perpendicular on the nearest edge: (10.4, 5) -> (10, 5), 0.4 m.
    s = snapPoint({10.4, 5}, 1.0, layers);
    ASSERT_TRUE(s);
    EXPECT_FALSE(s->onVertex);
    EXPECT_DOUBLE_EQ(s->point.x, 10);
    EXPECT_DOUBLE_EQ(s->point.y, 5);
    EXPECT_NEAR(s->distance, 0.4, 1e-12);
    EXPECT_FALSE(snapPoint({20, 20}, 1.0, layers));
}

} // namespace
} // namespace redline
