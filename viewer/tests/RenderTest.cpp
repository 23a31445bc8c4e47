// Rendering a known small store puts the expected colours at known pixels.
// Expected colours are alpha blends computed by hand from the symbology's RGBA values:
// out = under * (1 - a) + fill * a, with a = alpha / 255, starting from a white background.
#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

#include "TestStore.hpp"
#include "render/LayerCache.hpp"
#include "render/MapRenderer.hpp"
#include "render/Symbology.hpp"

using namespace redline;

namespace
{

RenderRequest tinyRequest()
{
    RenderRequest req;
    // 10 m per pixel, 400 x 200 px centred on (2000, 1000): pixel (px, py) shows map
    // (px * 10, 2000 - py * 10) relative to the origin.
    req.view = MapTransform({test::kX0 + 2000, test::kY0 + 1000}, 10, QSizeF(400, 200), 96);
    req.labels = false;
    const auto store = test::makeTinyStore(); // keep it alive: the layers belong to it
    for (const ZoneLayer& z : store->layers())
    {
        RenderLayer l;
        l.name = z.name;
        l.kind = z.kind;
        l.cache = std::make_shared<const LayerCache>(z.layer);
        l.style = styleForKind(z.kind, z.name);
        req.layers.push_back(l);
    }
    return req;
}

QImage render(const RenderRequest& req)
{
    QImage img(400, 200, QImage::Format_ARGB32);
    img.fill(Qt::black);
    QPainter p(&img);
    MapRenderer::render(req, p);
    return img;
}

void expectColor(const QImage& img, int x, int y, int r, int g, int b)
{
    const QColor c = img.pixelColor(x, y);
    EXPECT_NEAR(c.red(), r, 3) << "pixel " << x << "," << y;
    EXPECT_NEAR(c.green(), g, 3) << "pixel " << x << "," << y;
    EXPECT_NEAR(c.blue(), b, 3) << "pixel " << x << "," << y;
}

} // namespace

TEST(MapRenderer, ColoursAtKnownPixels)
{
    const QImage img = render(tinyRequest());
    // Map (500, 200): control unit A only. Priority green (76,175,80,110) over white:
    // 255*(1-110/255) + v*110/255 -> (177.8, 220.5, 179.5).
    expectColor(img, 50, 180, 178, 220, 179);
    // Map (1000, 1000): water zone level I (13,71,161,200) over the unit A colour:
    // under*(55/255) + v*(200/255) -> (48.6, 103.3, 165.0).
    expectColor(img, 100, 100, 49, 103, 165);
    // Map (3000, 1000): inside the red line's hole, so only key unit B (255,87,34,110):
    // -> (255, 182.5, 159.7).
    expectColor(img, 300, 100, 255, 183, 160);
    // Map (2700, 1000): red line water_conservation (255,96,96,150) over unit B:
    // under*(105/255) + v*(150/255) -> (255, 131.6, 122.2).
    expectColor(img, 270, 100, 255, 132, 122);
}

TEST(MapRenderer, HiddenLayerIsNotDrawnAndOrderMatters)
{
    RenderRequest req = tinyRequest();
    for (RenderLayer& l : req.layers)
        if (l.kind == "water_protection_zones")
            l.visible = false;
    expectColor(render(req), 100, 100, 178, 220, 179);

    // Water zone drawn first, control units above it: unit A's translucent green over the blue.
    req = tinyRequest();
    std::swap(req.layers[0], req.layers[1]);
    // Blue over white: 255*(55/255) + v*(200/255) -> (65.2, 110.7, 181.3); then green at 110/255:
    // -> (69.9, 138.4, 137.6).
    expectColor(render(req), 100, 100, 70, 138, 138);
}

TEST(MapRenderer, OpacityScalesTheLayer)
{
    RenderRequest req = tinyRequest();
    for (RenderLayer& l : req.layers)
        if (l.kind != "control_units")
            l.visible = false;
    for (RenderLayer& l : req.layers)
        if (l.kind == "control_units")
            l.opacity = 0.5;
    // Effective alpha 110/255 * 0.5 = 0.2157: 255*(1-a) + 76a -> 216.4; 175 -> 237.7; 80 -> 217.3.
    expectColor(render(req), 50, 180, 216, 238, 217);
}

TEST(LayerCache, SimplifiedLevelsKeepShapeAndDropTinyPolygons)
{
    // A 1000 m square with a vertex every metre along each side.
    Ring ring;
    for (int i = 0; i < 1000; ++i)
        ring.push_back({static_cast<double>(i), 0});
    for (int i = 0; i < 1000; ++i)
        ring.push_back({1000, static_cast<double>(i)});
    for (int i = 1000; i > 0; --i)
        ring.push_back({static_cast<double>(i), 1000});
    for (int i = 1000; i >= 0; --i)
        ring.push_back({0, static_cast<double>(i)});
    const Geometry square = Geometry::polygon(ring);
    const auto simplified = simplifyParts(square.parts(), Dimension::Area, 64);
    ASSERT_EQ(simplified.size(), 1U);
    const Ring& s = simplified[0][0];
    // About 4000 m of outline at one vertex per 64 m: 63 vertices give or take the corners.
    EXPECT_LT(s.size(), 80U);
    EXPECT_GT(s.size(), 50U);
    EXPECT_EQ(s.front(), s.back());
    // A 10 m square vanishes at a 64 m tolerance.
    const Geometry tiny = Geometry::polygon({{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}});
    EXPECT_TRUE(simplifyParts(tiny.parts(), Dimension::Area, 64).empty());
}

TEST(LayerCache, LabelAnchorIsInsideAConcavePolygon)
{
    // A U shape: its bounding-box centre (5, 5) lies in the notch; the anchor must not.
    const Geometry u = Geometry::polygon(
        {{0, 0}, {10, 0}, {10, 10}, {7, 10}, {7, 3}, {3, 3}, {3, 10}, {0, 10}, {0, 0}});
    const Point a = labelAnchorOf(u);
    const bool inLeftArm = a.x > 0 && a.x < 3;
    const bool inRightArm = a.x > 7 && a.x < 10;
    EXPECT_TRUE(inLeftArm || inRightArm) << a.x << "," << a.y;
}

TEST(MapTransform, RoundTripAndZoomAboutAnchor)
{
    const MapTransform t({0, 0}, 1, QSizeF(100, 100), 96);
    EXPECT_DOUBLE_EQ(t.toPixel(0, 0).x(), 50);
    EXPECT_DOUBLE_EQ(t.toPixel(10, 10).y(), 40); // y grows downwards on the surface
    // Zoom x2 about pixel (0,0), which shows map (-50, 50): that point must stay there, so the
    // centre moves halfway to it: (-25, 25).
    const MapTransform z = t.zoomedAt(2, QPointF(0, 0));
    EXPECT_DOUBLE_EQ(z.metresPerPixel(), 0.5);
    EXPECT_DOUBLE_EQ(z.center().x, -25);
    EXPECT_DOUBLE_EQ(z.center().y, 25);
    // 1 px = 1 m at 96 dpi: 1 m of ground per 0.2646 mm of screen -> 1:3779.5.
    EXPECT_NEAR(t.scaleDenominator(), 96 / 0.0254, 1e-9);
}
