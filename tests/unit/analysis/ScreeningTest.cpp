#include <gtest/gtest.h>

#include "redline/analysis/Screening.hpp"

using namespace redline;

// Hand-made store in EPSG:4549 around (560000, 3120000), every expected number computed by hand:
//   red line A: the square [0,1000]² with a hole [400,600]²;
//   control unit B: [1000,2000]×[0,1000], sharing A's right edge.
namespace
{

constexpr double kX0 = 560000, kY0 = 3120000;

Ring square(double x1, double y1, double x2, double y2)
{
    return {{kX0 + x1, kY0 + y1}, {kX0 + x2, kY0 + y1}, {kX0 + x2, kY0 + y2},
            {kX0 + x1, kY0 + y2}, {kX0 + x1, kY0 + y1}};
}

Feature zone(std::int64_t fid, const std::string& id, Geometry g)
{
    Feature f;
    f.fid = fid;
    f.geometry = std::move(g);
    f.attributes.set("zone_id", id);
    f.attributes.set("unit_code", id);
    f.attributes.set("name", "zone " + id);
    return f;
}

ZoneLayer zoneLayer(const std::string& name, Feature f)
{
    auto layer = std::make_shared<Layer>();
    layer->name = name;
    layer->crs = Crs::fromEpsg(4549);
    layer->features.push_back(std::move(f));
    const auto conv = conventionalLayer(name);
    ZoneLayer zl;
    zl.name = name;
    zl.kind = conv->kind;
    zl.idField = conv->idField;
    zl.nameField = conv->nameField;
    zl.layer = layer;
    return zl;
}

std::shared_ptr<const ZoningStore> handStore()
{
    std::vector<ZoneLayer> layers;
    layers.push_back(zoneLayer(
        "ecological_redline",
        zone(1, "A", Geometry::polygon(square(0, 0, 1000, 1000), {square(400, 400, 600, 600)}))));
    layers.push_back(
        zoneLayer("control_units", zone(1, "B", Geometry::polygon(square(1000, 0, 2000, 1000)))));
    return std::make_shared<const ZoningStore>("hand", Crs::fromEpsg(4549), std::move(layers));
}

SiteResult screen(Geometry g)
{
    static const Screening s(handStore(), nullptr);
    Feature f;
    f.fid = 7;
    f.geometry = std::move(g);
    return s.screenOne(f);
}

const Hit* find(const SiteResult& r, const std::string& zoneId)
{
    for (const auto& h : r.hits)
        if (h.zoneId == zoneId)
            return &h;
    return nullptr;
}

} // namespace

TEST(Screening, PolygonWhollyInsideOverlapsByItsOwnArea)
{
    const SiteResult r = screen(Geometry::polygon(square(100, 100, 200, 200)));
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_NEAR(r.hits[0].overlapM2, 10000.0, 1e-6);
    EXPECT_NEAR(r.hits[0].siteShare, 1.0, 1e-12);
    EXPECT_EQ(r.hits[0].distanceM, 0.0);
    EXPECT_EQ(r.verdict, Verdict::NeedsReview);
    EXPECT_EQ(r.siteId, "7"); // no site_id attribute: the FID
}

TEST(Screening, StraddlingSiteSplitsBetweenZones)
{
    const SiteResult r = screen(Geometry::polygon(square(900, 100, 1100, 200)));
    ASSERT_EQ(r.hits.size(), 2u);
    EXPECT_NEAR(find(r, "A")->overlapM2, 10000.0, 1e-6);
    EXPECT_NEAR(find(r, "B")->overlapM2, 10000.0, 1e-6);
    EXPECT_NEAR(find(r, "A")->siteShare, 0.5, 1e-12);
    EXPECT_NEAR(r.areaM2, 20000.0, 1e-6);
    // 1 亩 = 10000/15 m²: 20000 m² = 30 亩 — checked in the report writer tests.
}

TEST(Screening, SiteInAHoleIsOnlyNear)
{
    const SiteResult r = screen(Geometry::polygon(square(450, 450, 550, 550)));
    const Hit* a = find(r, "A");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->overlapM2, 0.0);
    EXPECT_NEAR(a->distanceM, 50.0, 1e-9);
    EXPECT_TRUE(a->isBufferOnly());
}

TEST(Screening, EdgeOnlyContactIsDistanceZeroWithoutOverlap)
{
    // Touches B's top edge along 100 m and A's corner at one point.
    const SiteResult r = screen(Geometry::polygon(square(1000, 1000, 1100, 1100)));
    ASSERT_EQ(r.hits.size(), 2u);
    for (const auto& h : r.hits)
    {
        EXPECT_EQ(h.overlapM2, 0.0) << h.zoneId;
        EXPECT_EQ(h.distanceM, 0.0) << h.zoneId;
        EXPECT_TRUE(h.overlap.isEmpty()) << h.zoneId;
    }
}

TEST(Screening, FiftyMetresAwayIsWithinTheDefaultBuffer)
{
    const SiteResult r = screen(Geometry::polygon(square(-150, 100, -50, 200)));
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_NEAR(r.hits[0].distanceM, 50.0, 1e-9);
}

TEST(Screening, FarSiteHasNoHitAndIsAllowed)
{
    const SiteResult r = screen(Geometry::polygon(square(-500, 100, -400, 200)));
    EXPECT_TRUE(r.hits.empty());
    EXPECT_EQ(r.verdict, Verdict::Allowed);
}

TEST(Screening, LineSiteReportsLengthInside)
{
    const SiteResult r = screen(Geometry::lineString({{kX0 - 100, kY0 + 300}, {kX0 + 300, kY0 + 300}}));
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_NEAR(r.hits[0].overlapLengthM, 300.0, 1e-9);
    EXPECT_NEAR(r.hits[0].siteShare, 0.75, 1e-12);
    EXPECT_NEAR(r.lengthM, 400.0, 1e-9);
}

TEST(Screening, PointSitesByContainment)
{
    const SiteResult inside = screen(Geometry::point(kX0 + 100, kY0 + 100));
    ASSERT_EQ(inside.hits.size(), 1u);
    EXPECT_TRUE(inside.hits[0].contains);

    const SiteResult onEdge = screen(Geometry::point(kX0, kY0 + 300));
    ASSERT_EQ(onEdge.hits.size(), 1u);
    EXPECT_FALSE(onEdge.hits[0].contains);
    EXPECT_EQ(onEdge.hits[0].distanceM, 0.0);

    const SiteResult inB = screen(Geometry::point(kX0 + 1050, kY0 + 300));
    ASSERT_EQ(inB.hits.size(), 2u);
    EXPECT_TRUE(find(inB, "B")->contains);
    EXPECT_NEAR(find(inB, "A")->distanceM, 50.0, 1e-9);
}

TEST(Screening, BufferOverrideWidensTheSearch)
{
    ScreeningOptions o;
    o.bufferM = 500;
    const Screening s(handStore(), nullptr, o);
    Feature f;
    f.geometry = Geometry::polygon(square(-500, 100, -400, 200));
    const SiteResult r = s.screenOne(f);
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_NEAR(r.hits[0].distanceM, 400.0, 1e-9);
}

TEST(Screening, BatchKeepsInputOrderAndMatchesSingleSite)
{
    Layer sites;
    sites.crs = Crs::fromEpsg(4549);
    for (int i = 0; i < 200; ++i)
    {
        Feature f;
        f.fid = i;
        const double x = -300 + 12.5 * i;
        f.geometry = Geometry::polygon(square(x, 100, x + 50, 150));
        f.attributes.set("site_id", "S" + std::to_string(i));
        sites.features.push_back(f);
    }
    ScreeningOptions o;
    o.threads = 2;
    const Screening s(handStore(), nullptr, o);
    const auto results = s.run(sites);
    ASSERT_EQ(results.size(), 200u);
    for (int i = 0; i < 200; ++i)
    {
        EXPECT_EQ(results[static_cast<std::size_t>(i)].siteId, "S" + std::to_string(i));
        // A site [x, x+50] overlaps A = [0,1000] by clamp(x+50,0,1000) - clamp(x,0,1000), × 50.
        const double x = -300 + 12.5 * i;
        const double inA = (std::clamp(x + 50, 0.0, 1000.0) - std::clamp(x, 0.0, 1000.0)) * 50;
        const Hit* a = find(results[static_cast<std::size_t>(i)], "A");
        EXPECT_NEAR(a ? a->overlapM2 : 0.0, inA, 1e-6) << i;
    }
}
