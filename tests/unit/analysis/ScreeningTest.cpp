#include <gtest/gtest.h>

#include <algorithm>

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

namespace
{

Geometry multiPoint(const std::vector<Point>& points)
{
    std::vector<Part> parts;
    for (const Point& p : points)
        parts.push_back({{{kX0 + p.x, kY0 + p.y}}});
    return Geometry(GeometryType::MultiPoint, std::move(parts));
}

} // namespace

TEST(Screening, MultiPointIsContainedWhereAnyPointIsWithTheShareOfPointsInside)
{
    // Five points: two inside A, one inside B, one in A's hole (50 m from A's inner ring), one
    // on A's outer edge (touching, not inside).
    const SiteResult r =
        screen(multiPoint({{100, 100}, {200, 100}, {1050, 300}, {500, 500}, {0, 300}}));
    ASSERT_EQ(r.hits.size(), 2u);
    const Hit* a = find(r, "A");
    ASSERT_NE(a, nullptr);
    EXPECT_TRUE(a->contains);
    EXPECT_FALSE(a->isBufferOnly());
    EXPECT_DOUBLE_EQ(a->siteShare, 2.0 / 5.0);
    EXPECT_EQ(a->distanceM, 0.0);
    ASSERT_EQ(a->overlap.type(), GeometryType::MultiPoint);
    ASSERT_EQ(a->overlap.parts().size(), 2u);
    EXPECT_EQ(a->overlap.parts()[0][0][0], (Point{kX0 + 100, kY0 + 100}));
    EXPECT_EQ(a->overlap.parts()[1][0][0], (Point{kX0 + 200, kY0 + 100}));
    const Hit* b = find(r, "B");
    ASSERT_NE(b, nullptr);
    EXPECT_TRUE(b->contains);
    EXPECT_DOUBLE_EQ(b->siteShare, 1.0 / 5.0);
    EXPECT_EQ(b->overlap.type(), GeometryType::Point);
    EXPECT_EQ(b->overlap.parts()[0][0][0], (Point{kX0 + 1050, kY0 + 300}));
}

TEST(Screening, MultiPointWhollyInsideHasShareOneAndOverlapsByItself)
{
    const Geometry g = multiPoint({{100, 100}, {300, 700}, {800, 800}});
    const SiteResult r = screen(g);
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_TRUE(r.hits[0].contains);
    EXPECT_DOUBLE_EQ(r.hits[0].siteShare, 1.0);
    EXPECT_EQ(r.hits[0].overlap.parts(), g.parts());
}

TEST(Screening, MultiPointOnlyTouchingOrNearIsNotContained)
{
    // One point on A's outer edge, one in A's hole 50 m from it: a hit at distance 0 that is
    // neither contained nor shared (buffer-only, as a single point on the edge would be).
    const SiteResult r = screen(multiPoint({{0, 300}, {500, 500}}));
    const Hit* a = find(r, "A");
    ASSERT_NE(a, nullptr);
    EXPECT_FALSE(a->contains);
    EXPECT_EQ(a->siteShare, 0.0);
    EXPECT_EQ(a->distanceM, 0.0);
    EXPECT_TRUE(a->isBufferOnly());
    EXPECT_TRUE(a->overlap.isEmpty());
}

TEST(Screening, OneUnusableSiteGetsVerdictErrorAndTheOthersAreScreened)
{
    Layer sites;
    sites.source = "parcels.gpkg";
    sites.name = "sites";
    sites.crs = Crs::fromEpsg(4549);
    const auto add = [&](const std::string& id, Geometry g, std::string error = {})
    {
        Feature f;
        f.fid = static_cast<std::int64_t>(sites.features.size() + 1);
        f.geometry = std::move(g);
        f.attributes.set("site_id", id);
        f.error = std::move(error);
        sites.features.push_back(std::move(f));
    };
    add("GOOD1", Geometry::polygon(square(100, 100, 200, 200)));
    // Coordinates no inverse projection can take back to longitude/latitude (a site read in the
    // wrong units): its ellipsoidal area cannot be computed, a PROJ failure on this site only.
    add("OFFWORLD", Geometry::polygon({{1e12, 1e12},
                                       {1e12 + 100, 1e12},
                                       {1e12 + 100, 1e12 + 100},
                                       {1e12, 1e12 + 100},
                                       {1e12, 1e12}}));
    add("BADIMPORT", Geometry(),
        "parcels.gpkg, layer 'sites', feature 'BADIMPORT': empty geometry.");
    add("GOOD2", Geometry::polygon(square(950, 100, 1050, 200)));
    const Screening s(handStore(), nullptr);
    const auto results = s.run(sites);
    ASSERT_EQ(results.size(), 4u);

    EXPECT_EQ(results[0].verdict, Verdict::NeedsReview);
    EXPECT_NEAR(find(results[0], "A")->overlapM2, 10000.0, 1e-6);
    EXPECT_EQ(results[3].verdict, Verdict::NeedsReview);
    EXPECT_NEAR(find(results[3], "A")->overlapM2, 5000.0, 1e-6);
    EXPECT_NEAR(find(results[3], "B")->overlapM2, 5000.0, 1e-6);
    EXPECT_TRUE(results[0].message.empty());

    EXPECT_EQ(results[1].verdict, Verdict::Error);
    EXPECT_TRUE(results[1].hits.empty());
    EXPECT_EQ(results[1].message.rfind("parcels.gpkg, layer 'sites', site 'OFFWORLD': cannot be "
                                       "screened (",
                                       0),
              0u)
        << results[1].message;
    EXPECT_EQ(results[1].message.find('\n'), std::string::npos);

    EXPECT_EQ(results[2].verdict, Verdict::Error);
    EXPECT_EQ(results[2].message,
              "parcels.gpkg, layer 'sites', feature 'BADIMPORT': empty geometry.");
    EXPECT_TRUE(results[2].hits.empty());
}

TEST(Verdict, ErrorIsNotASeverity)
{
    EXPECT_STREQ(toString(Verdict::Error), "error");
    EXPECT_STREQ(toChinese(Verdict::Error), "无法筛查");
    EXPECT_FALSE(parseVerdict("error")); // neither a rule file nor --fail-on can name it
    EXPECT_EQ(mostSevere(Verdict::Prohibited, Verdict::Error), Verdict::Error);
    EXPECT_EQ(mostSevere(Verdict::Error, Verdict::Allowed), Verdict::Error);
    for (Verdict threshold : {Verdict::NeedsReview, Verdict::Restricted, Verdict::Prohibited})
    {
        EXPECT_FALSE(reaches(Verdict::Error, threshold));
        EXPECT_TRUE(reaches(Verdict::Prohibited, threshold));
    }
    EXPECT_FALSE(reaches(Verdict::NeedsReview, Verdict::Restricted));
}
