// Pixel paths of the renderer (issue 13 item 5: the x30 full-extent redraw): holes stay empty and
// overlapping polygons of one symbol are filled once, nearly straight runs are drawn as one
// segment without moving a vertex by more than a pixel, dashes are cut where the pattern says,
// and a layer's cached pixel path is the path drawn, moved to the view. Every expected value is
// worked out by hand from the coordinates.

#include "render/GeometryPainter.hpp"

#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <memory>

#include <gtest/gtest.h>

#include "render/LayerCache.hpp"

using namespace redline;

namespace
{

// 1 m per pixel, map (0, 0) at pixel (0, 100): pixel x = map x, pixel y = 100 - map y.
MapTransform unitView()
{
    return MapTransform({50, 50}, 1.0, QSizeF(100, 100));
}

Ring square(double x0, double y0, double side, bool clockwise)
{
    Ring r{{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}};
    if (clockwise)
        std::reverse(r.begin(), r.end());
    return r;
}

TEST(GeometryPainter, HoleStaysEmptyWhateverTheRingOrientation)
{
    // Shell [10,60]², hole [30,40]², both stored clockwise: the hole must still be empty.
    const Part part{square(10, 10, 50, true), square(30, 30, 10, true)};
    const QPainterPath path = toPixelPath({part}, Dimension::Area, unitView(), 0.0);
    EXPECT_EQ(path.fillRule(), Qt::WindingFill);
    EXPECT_TRUE(path.contains(QPointF(15, 85)));  // map (15, 15): in the shell
    EXPECT_FALSE(path.contains(QPointF(35, 65))); // map (35, 35): in the hole
}

TEST(GeometryPainter, OverlappingPolygonsInOnePathAreFilledOnce)
{
    // Two squares [0,20]² and [10,30]² (one clockwise) appended to one path: their overlap
    // [10,20]² is inside (an odd-even fill would leave it empty).
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    appendPixelPath(path, {Part{square(0, 0, 20, false)}}, Dimension::Area, unitView(), 0.0);
    appendPixelPath(path, {Part{square(10, 10, 20, true)}}, Dimension::Area, unitView(), 0.0);
    EXPECT_TRUE(path.contains(QPointF(15, 85))); // map (15, 15): both squares
    EXPECT_TRUE(path.contains(QPointF(5, 95)));  // map (5, 5): the first only
    EXPECT_TRUE(path.contains(QPointF(25, 75))); // map (25, 25): the second only
}

TEST(GeometryPainter, StraightRunIsOneSegment)
{
    // 101 collinear vertices 1 m apart along y = 50 at 1 px per metre and a 1 px step: one
    // segment from the first to the last vertex.
    Ring line;
    for (int i = 0; i <= 100; ++i)
        line.push_back({static_cast<double>(i), 50});
    const QPainterPath path = toPixelPath({Part{line}}, Dimension::Line, unitView(), 1.0);
    ASSERT_EQ(path.elementCount(), 2);
    EXPECT_DOUBLE_EQ(path.elementAt(0).x, 0);
    EXPECT_DOUBLE_EQ(path.elementAt(1).x, 100); // a line keeps its last vertex
    EXPECT_DOUBLE_EQ(path.elementAt(1).y, 50);
}

// Distance from p to the polyline of a path's elements.
double distanceToPath(const QPointF& p, const QPainterPath& path)
{
    double best = 1e300;
    for (int i = 1; i < path.elementCount(); ++i)
    {
        const QPointF a(path.elementAt(i - 1).x, path.elementAt(i - 1).y);
        const QPointF b(path.elementAt(i).x, path.elementAt(i).y);
        const QPointF ab = b - a;
        const double len2 = ab.x() * ab.x() + ab.y() * ab.y();
        const double t =
            len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
        const QPointF q = a + t * ab - p;
        best = std::min(best, std::hypot(q.x(), q.y()));
    }
    return best;
}

TEST(GeometryPainter, WavyLineLosesVerticesButNoneMovesMoreThanOneAndAHalfSteps)
{
    // A sine wave of amplitude 10 px and wavelength 80 px sampled every 0.3 px with a 0.2 px
    // zigzag: with a 1 px step every input vertex stays within 1.5 px (the radial step plus
    // twice the 0.25 px strip) of what is drawn, with far fewer segments.
    Ring line;
    for (int i = 0; i <= 1000; ++i)
    {
        const double x = 0.3 * i;
        line.push_back({x, 50 + 10 * std::sin(x * 2 * M_PI / 80) + (i % 2 == 0 ? 0.2 : -0.2)});
    }
    const MapTransform view = unitView();
    const QPainterPath path = toPixelPath({Part{line}}, Dimension::Line, view, 1.0);
    EXPECT_LT(path.elementCount(), 200);
    for (const Point& p : line)
        EXPECT_LE(distanceToPath(view.toPixel(p.x, p.y), path), 1.5) << p.x;
}

TEST(GeometryPainter, CornerIsKept)
{
    // An L: (0,0) → (50,0) → (50,50), 1 m steps; the corner lies 35 px off the line from the
    // start to the end, so it must be drawn.
    Ring line;
    for (int i = 0; i <= 50; ++i)
        line.push_back({static_cast<double>(i), 0});
    for (int i = 1; i <= 50; ++i)
        line.push_back({50, static_cast<double>(i)});
    const QPainterPath path = toPixelPath({Part{line}}, Dimension::Line, unitView(), 1.0);
    ASSERT_EQ(path.elementCount(), 3);
    EXPECT_DOUBLE_EQ(path.elementAt(1).x, 50);
    EXPECT_DOUBLE_EQ(path.elementAt(1).y, 100); // map y 0
}

TEST(GeometryPainter, DashesFollowThePatternAcrossVertices)
{
    // A polyline (0,0) → (10,0) → (10,10), pattern 4 on 2 off: dashes cover [0,4], [6,10] and,
    // continuing round the corner, [12,16] and [18,20] of its length.
    QPainterPath path;
    path.moveTo(0, 0);
    path.lineTo(10, 0);
    path.lineTo(10, 10);
    const QPainterPath dashes = dashesOf(path, {4, 2});
    ASSERT_EQ(dashes.elementCount(), 8);
    const double expected[][2] = {{0, 0},  {4, 0},  {6, 0},  {10, 0},
                                  {10, 2}, {10, 6}, {10, 8}, {10, 10}};
    for (int i = 0; i < 8; ++i)
    {
        EXPECT_NEAR(dashes.elementAt(i).x, expected[i][0], 1e-12) << i;
        EXPECT_NEAR(dashes.elementAt(i).y, expected[i][1], 1e-12) << i;
        EXPECT_EQ(dashes.elementAt(i).isMoveTo(), i % 2 == 0) << i;
    }
}

TEST(LayerCache, PixelPathIsTheDrawnPathMovedToTheView)
{
    auto layer = std::make_shared<Layer>();
    Feature f;
    f.geometry = Geometry::polygon(square(1000, 2000, 300, false));
    layer->features.push_back(f);
    const LayerCache cache(layer);
    const MapTransform view({1100, 2100}, 2.0, QSizeF(400, 300));
    for (int pass = 0; pass < 2; ++pass) // built, then kept
    {
        QPainterPath cached = cache.pixelPath(0, 0, view.metresPerPixel(), 1.0);
        cached.translate(cache.pixelOrigin(view));
        const QPainterPath direct = toPixelPath(f.geometry, view, 1.0);
        ASSERT_EQ(cached.elementCount(), direct.elementCount());
        for (int i = 0; i < direct.elementCount(); ++i)
        {
            EXPECT_NEAR(cached.elementAt(i).x, direct.elementAt(i).x, 1e-9);
            EXPECT_NEAR(cached.elementAt(i).y, direct.elementAt(i).y, 1e-9);
        }
        // Map (1000, 2000) is 50 px left of and 50 px below the centre: pixel (150, 200).
        EXPECT_NEAR(cached.elementAt(0).x, 150, 1e-9);
        EXPECT_NEAR(cached.elementAt(0).y, 200, 1e-9);
    }
}

} // namespace
