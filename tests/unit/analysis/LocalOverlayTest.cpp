// The local overlay (issue 13): overlaps measured from the zone edges near the site, and the GEOS
// fallback on the zone clipped to the site's neighbourhood, on hand-made zones whose every
// expected figure is computed by hand. Each case runs twice: measured from the edges alone
// (overlapGeometry = false) and with the overlap geometry built by GEOS on the local clip.

#include <gtest/gtest.h>

#include "redline/analysis/Screening.hpp"
#include "redline/geo/EllipsoidalArea.hpp"

using namespace redline;

namespace
{

constexpr double kX0 = 560000, kY0 = 3120000;

Point at(double x, double y)
{
    return {kX0 + x, kY0 + y};
}

Ring square(double x1, double y1, double x2, double y2)
{
    return {at(x1, y1), at(x2, y1), at(x2, y2), at(x1, y2), at(x1, y1)};
}

// The square [x1,x2]×[y1,y2] with every side cut into n segments, clockwise when `clockwise`.
Ring denseSquare(double x1, double y1, double x2, double y2, int n, bool clockwise)
{
    Ring r;
    const Point corners[] = {at(x1, y1), at(x2, y1), at(x2, y2), at(x1, y2)};
    for (int side = 0; side < 4; ++side)
    {
        const Point a = corners[side], b = corners[(side + 1) % 4];
        for (int i = 0; i < n; ++i)
            r.push_back({a.x + (b.x - a.x) * i / n, a.y + (b.y - a.y) * i / n});
    }
    r.push_back(r.front());
    if (clockwise)
        std::reverse(r.begin(), r.end());
    return r;
}

Feature zone(std::int64_t fid, const std::string& id, Geometry g)
{
    Feature f;
    f.fid = fid;
    f.geometry = std::move(g);
    f.attributes.set("zone_id", id);
    return f;
}

// D: [0,1000]² cut into 1000 edges (125 chunks), stored clockwise, with the hole [400,600]²
// stored counter-clockwise (both orientations "wrong"); M: two squares of 100 m.
std::shared_ptr<const ZoningStore> store()
{
    auto layer = std::make_shared<Layer>();
    layer->name = "ecological_redline";
    layer->crs = Crs::fromEpsg(4549);
    layer->features.push_back(
        zone(1, "D",
             Geometry::polygon(denseSquare(0, 0, 1000, 1000, 250, true),
                               {denseSquare(400, 400, 600, 600, 10, false)})));
    layer->features.push_back(zone(
        2, "M",
        Geometry(GeometryType::MultiPolygon,
                 {{square(2000, 0, 2100, 100)}, {square(2200, 0, 2300, 100)}})));
    ZoneLayer zl;
    zl.name = "ecological_redline";
    zl.kind = "ecological_redline";
    zl.idField = "zone_id";
    zl.nameField = "name";
    zl.layer = layer;
    return std::make_shared<const ZoningStore>("hand", Crs::fromEpsg(4549),
                                               std::vector<ZoneLayer>{zl});
}

class LocalOverlay : public ::testing::TestWithParam<bool>
{
protected:
    SiteResult screen(Geometry g, double buffer = 0) const
    {
        ScreeningOptions o;
        o.bufferM = buffer;
        o.overlapGeometry = GetParam();
        const Screening s(store(), nullptr, o);
        Feature f;
        f.fid = 1;
        f.geometry = std::move(g);
        return s.screenOne(f);
    }
};

const Hit* find(const SiteResult& r, const std::string& id)
{
    for (const Hit& h : r.hits)
        if (h.zoneId == id)
            return &h;
    return nullptr;
}

} // namespace

TEST_P(LocalOverlay, SiteAcrossTheDenseEdgeOverlapsByHalf)
{
    const SiteResult r = screen(Geometry::polygon(square(900, 100, 1100, 200)));
    const Hit* h = find(r, "D");
    ASSERT_NE(h, nullptr);
    EXPECT_NEAR(h->overlapM2, 10000, 1e-6);
    EXPECT_NEAR(h->siteShare, 0.5, 1e-12);
    const EllipsoidalMeasure m(Crs::fromEpsg(4549));
    EXPECT_NEAR(h->overlapEllipsoidalM2, m.area(Geometry::polygon(square(900, 100, 1000, 200))),
                1e-6);
    if (GetParam())
    {
        EXPECT_NEAR(h->overlap.planarArea(), 10000, 1e-6);
    }
}

TEST_P(LocalOverlay, SiteAcrossTheHoleRingLosesTheHolePart)
{
    const SiteResult hResult = screen(Geometry::polygon(square(350, 350, 450, 450)));
    const Hit* h = find(hResult, "D");
    ASSERT_NE(h, nullptr);
    EXPECT_NEAR(h->overlapM2, 10000 - 2500, 1e-6);
    if (GetParam())
    {
        EXPECT_NEAR(h->overlap.planarArea(), 7500, 1e-6);
    }
}

TEST_P(LocalOverlay, SiteAroundTheHoleAndSiteAroundTheZone)
{
    const SiteResult aroundResult = screen(Geometry::polygon(square(300, 300, 700, 700)));
    const Hit* around = find(aroundResult, "D");
    ASSERT_NE(around, nullptr);
    EXPECT_NEAR(around->overlapM2, 160000 - 40000, 1e-6);
    const SiteResult allResult = screen(Geometry::polygon(square(-50, -50, 1050, 1050)));
    const Hit* all = find(allResult, "D");
    ASSERT_NE(all, nullptr);
    EXPECT_NEAR(all->overlapM2, 1e6 - 40000, 1e-6);
    if (GetParam())
    {
        EXPECT_NEAR(all->overlap.planarArea(), 960000, 1e-6);
    }
}

TEST_P(LocalOverlay, SiteInTheHoleIsNoHitAndSiteInsideIsContained)
{
    EXPECT_EQ(find(screen(Geometry::polygon(square(450, 450, 550, 550))), "D"), nullptr);
    const SiteResult hResult = screen(Geometry::polygon(square(100, 100, 200, 300)));
    const Hit* h = find(hResult, "D");
    ASSERT_NE(h, nullptr);
    EXPECT_NEAR(h->overlapM2, 20000, 1e-6);
    EXPECT_DOUBLE_EQ(h->siteShare, 1);
}

TEST_P(LocalOverlay, SiteOverBothPartsOfAMultiPolygon)
{
    const SiteResult hResult = screen(Geometry::polygon(square(2050, 50, 2250, 150)));
    const Hit* h = find(hResult, "M");
    ASSERT_NE(h, nullptr);
    EXPECT_NEAR(h->overlapM2, 2 * 50 * 50, 1e-6);
}

TEST_P(LocalOverlay, LineLengthInsideSkipsTheHole)
{
    const SiteResult hResult = screen(Geometry::lineString({at(-100, 500), at(1100, 500)}));
    const Hit* h = find(hResult, "D");
    ASSERT_NE(h, nullptr);
    EXPECT_NEAR(h->overlapLengthM, 1000 - 200, 1e-9);
    EXPECT_NEAR(h->siteShare, 800.0 / 1200, 1e-12);
}

TEST_P(LocalOverlay, PointsInsideOnTheEdgeAndInTheHole)
{
    const SiteResult insideResult = screen(Geometry::point(kX0 + 100, kY0 + 100));
    const Hit* inside = find(insideResult, "D");
    ASSERT_NE(inside, nullptr);
    EXPECT_TRUE(inside->contains);
    const SiteResult onEdgeResult = screen(Geometry::point(kX0 + 1000, kY0 + 500));
    const Hit* onEdge = find(onEdgeResult, "D");
    ASSERT_NE(onEdge, nullptr);
    EXPECT_FALSE(onEdge->contains);
    EXPECT_EQ(onEdge->distanceM, 0);
    EXPECT_EQ(find(screen(Geometry::point(kX0 + 500, kY0 + 500)), "D"), nullptr);
}

TEST_P(LocalOverlay, SharedEdgeTouchesWithoutOverlap)
{
    // Collinear with D's right side (vertices every 4 m): only GEOS can tell it touches.
    const SiteResult hResult = screen(Geometry::polygon(square(1000, 100, 1100, 200)));
    const Hit* h = find(hResult, "D");
    ASSERT_NE(h, nullptr);
    EXPECT_EQ(h->overlapM2, 0);
    EXPECT_EQ(h->distanceM, 0);
}

TEST_P(LocalOverlay, BufferDistanceFromTheNearEdges)
{
    const SiteResult hResult = screen(Geometry::polygon(square(1100, 100, 1200, 200)), 150);
    const Hit* h = find(hResult, "D");
    ASSERT_NE(h, nullptr);
    EXPECT_NEAR(h->distanceM, 100, 1e-9);
    EXPECT_EQ(h->overlapM2, 0);
    EXPECT_EQ(find(screen(Geometry::polygon(square(1100, 100, 1200, 200)), 99), "D"), nullptr);
}

INSTANTIATE_TEST_SUITE_P(EdgesAndGeos, LocalOverlay, ::testing::Values(false, true),
                         [](const auto& p) { return p.param ? "WithGeometry" : "EdgesOnly"; });
