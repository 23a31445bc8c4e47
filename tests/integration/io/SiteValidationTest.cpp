// Every importer's sites go through the same validation (SiteValidation.hpp): invalid polygons
// repaired with GEOS make-valid and a warning naming the site; a site with no geometry, no area
// after repair or coordinates that cannot be placed is one unusable site (Feature::error) when
// the caller keeps such sites (redline screen), and ends the load otherwise (redline convert).
// Shapes are hand-drawn in EPSG:4549: a bow tie (0,0)→(100,100)→(100,0)→(0,100) repairs to two
// triangles of 2500 m² each (5000 m²); three collinear points have no area at all.

#include <gtest/gtest.h>

#include <string>

#include "BuiltinPlugins.hpp"
#include "TestSupport.hpp"
#include "redline/core/Error.hpp"
#include "redline/io/SiteSource.hpp"
#include "redline/io/SiteValidation.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/plugin/Registry.hpp"

using namespace redline;
using redline::test::TempDir;
using redline::test::writeFile;

namespace
{

class SiteValidation : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { gdalInit(); }
    void SetUp() override { registerBuiltinPlugins(m_registry); }

    Layer load(const std::string& name, const std::string& text, bool keepUnusable,
               const std::string& siteCrs = "EPSG:4549")
    {
        const std::string path = m_dir.file(name);
        writeFile(path, text);
        SiteSourceOptions o;
        if (!siteCrs.empty())
            o.siteCrs = siteCrs;
        o.keepUnusableSites = keepUnusable;
        return loadSites(path, Crs::fromEpsg(4549), o, &m_registry);
    }

    static std::string warningWith(const Layer& l, const std::string& needle)
    {
        for (const auto& w : l.warnings)
            if (w.find(needle) != std::string::npos)
                return w;
        return {};
    }

    Registry m_registry;
    TempDir m_dir;
};

const std::string kBowTieWkt =
    "POLYGON((567700 3115200,567800 3115300,567800 3115200,567700 3115300,567700 3115200))";
const std::string kFlatWkt = "POLYGON((567700 3115200,567800 3115200,567750 3115200,"
                             "567700 3115200))";

} // namespace

TEST(SiteValidationUnit, RepairPolygonReportsGeosReasonAndKeepsTheArea)
{
    Geometry bowTie = Geometry::polygon({{0, 0}, {100, 100}, {100, 0}, {0, 100}, {0, 0}});
    const auto why = repairPolygon(bowTie);
    ASSERT_TRUE(why);
    EXPECT_EQ(*why, "Self-intersection[50 50]");
    EXPECT_EQ(bowTie.type(), GeometryType::MultiPolygon);
    EXPECT_DOUBLE_EQ(bowTie.planarArea(), 5000.0);

    Geometry square = Geometry::polygon({{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}});
    EXPECT_FALSE(repairPolygon(square));
    Geometry line = Geometry::lineString({{0, 0}, {10, 0}});
    EXPECT_FALSE(repairPolygon(line));

    Geometry flat = Geometry::polygon({{0, 0}, {100, 0}, {50, 0}, {0, 0}});
    EXPECT_THROW((void)repairPolygon(flat), GeometryError);
}

TEST_F(SiteValidation, WktBowTieIsRepairedWithAWarning)
{
    const Layer l = siteFromWkt(kBowTieWkt, Crs::fromEpsg(4549), {});
    ASSERT_EQ(l.features.size(), 1u);
    EXPECT_NEAR(l.features[0].geometry.planarArea(), 5000.0, 1e-6);
    const std::string w = warningWith(l, "repaired with GEOS make-valid");
    EXPECT_NE(w.find("--site-wkt"), std::string::npos) << w;
    EXPECT_NE(w.find("'wkt'"), std::string::npos) << w;
    EXPECT_NE(w.find("Self-intersection[567750 3115250]"), std::string::npos) << w;
}

TEST_F(SiteValidation, WktWithoutAreaIsAClearError)
{
    SiteSourceOptions o;
    o.keepUnusableSites = true; // a single site: nothing else to screen, so an error either way
    try
    {
        (void)siteFromWkt(kFlatWkt, Crs::fromEpsg(4549), o);
        FAIL() << "expected a GeometryError";
    }
    catch (const GeometryError& e)
    {
        const std::string msg = e.what();
        EXPECT_EQ(msg.rfind("--site-wkt, layer 'wkt', feature 'wkt': invalid polygon (", 0), 0u)
            << msg;
        EXPECT_NE(msg.find("nothing with an area is left"), std::string::npos) << msg;
        EXPECT_EQ(msg.find('\n'), std::string::npos);
    }
}

TEST_F(SiteValidation, KmlBowTieIsRepairedNamingThePlacemark)
{
    // The bow tie in lon/lat: after make-valid, two triangles meeting at the crossing.
    const Layer l = load("visit.kml", R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>交叉地块</name>
<Polygon><outerBoundaryIs><LinearRing><coordinates>
120.69,28.15 120.70,28.16 120.70,28.15 120.69,28.16 120.69,28.15
</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>)",
                         true, "");
    ASSERT_EQ(l.features.size(), 1u);
    EXPECT_TRUE(l.features[0].error.empty()) << l.features[0].error;
    EXPECT_EQ(l.features[0].geometry.type(), GeometryType::MultiPolygon);
    EXPECT_EQ(l.features[0].geometry.parts().size(), 2u);
    const std::string w = warningWith(l, "repaired with GEOS make-valid");
    EXPECT_NE(w.find("visit.kml"), std::string::npos) << w;
    EXPECT_NE(w.find("'交叉地块'"), std::string::npos) << w;
}

TEST_F(SiteValidation, VertexRowsRepairOneSiteAndMarkAnotherUnusable)
{
    // A: 100 m square; B: bow tie; C: declared 面 with two vertices (no polygon can be built);
    // D: three collinear vertices (a polygon with no area).
    const std::string csv = "site_id,order,x,y,shape\n"
                            "A,1,567700,3115200,面\nA,2,567800,3115200,面\n"
                            "A,3,567800,3115300,面\nA,4,567700,3115300,面\n"
                            "B,1,567900,3115200,面\nB,2,568000,3115300,面\n"
                            "B,3,568000,3115200,面\nB,4,567900,3115300,面\n"
                            "C,1,568100,3115200,面\nC,2,568200,3115200,面\n"
                            "D,1,568300,3115200,面\nD,2,568400,3115200,面\n"
                            "D,3,568350,3115200,面\n";
    const Layer l = load("rows.csv", csv, true);
    ASSERT_EQ(l.features.size(), 4u);
    EXPECT_DOUBLE_EQ(l.features[0].geometry.planarArea(), 10000.0);
    EXPECT_TRUE(l.features[0].error.empty());
    EXPECT_NEAR(l.features[1].geometry.planarArea(), 5000.0, 1e-6);
    EXPECT_TRUE(l.features[1].error.empty());
    const std::string w = warningWith(l, "repaired with GEOS make-valid");
    EXPECT_NE(w.find("rows.csv"), std::string::npos) << w;
    EXPECT_NE(w.find("'B'"), std::string::npos) << w;
    EXPECT_NE(l.features[2].error.find("rows.csv, site 'C' (row 10)"), std::string::npos)
        << l.features[2].error;
    EXPECT_NE(l.features[2].error.find("at least 3 distinct vertices"), std::string::npos)
        << l.features[2].error;
    EXPECT_NE(l.features[3].error.find("'D'"), std::string::npos) << l.features[3].error;
    EXPECT_NE(l.features[3].error.find("nothing with an area is left"), std::string::npos)
        << l.features[3].error;
    EXPECT_EQ(l.features[2].attributes.text("site_id"), "C"); // the attributes stay
    EXPECT_THROW((void)load("rows.csv", csv, false), GeometryError);
}

TEST_F(SiteValidation, UnparseableWktRowIsOneUnusableSite)
{
    const Layer l = load("wkt.csv",
                         "site_id,wkt\nOK,\"POINT (567700 3115200)\"\nBAD,\"POLYGON ((567700\"\n",
                         true);
    ASSERT_EQ(l.features.size(), 2u);
    EXPECT_TRUE(l.features[0].error.empty());
    EXPECT_NE(l.features[1].error.find("wkt.csv, row 3: cannot parse the WKT"), std::string::npos)
        << l.features[1].error;
}

TEST_F(SiteValidation, GdalFeatureWithoutGeometryIsOneUnusableSite)
{
    const std::string geojson =
        R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"site_id":"G"},"geometry":{"type":"Point","coordinates":[567700,3115200]}},
{"type":"Feature","properties":{"site_id":"E"},"geometry":null}]})";
    const Layer l = load("s.geojson", geojson, true);
    ASSERT_EQ(l.features.size(), 2u);
    EXPECT_TRUE(l.features[0].error.empty());
    EXPECT_NE(l.features[1].error.find("s.geojson"), std::string::npos) << l.features[1].error;
    EXPECT_NE(l.features[1].error.find("'E'"), std::string::npos) << l.features[1].error;
    EXPECT_NE(l.features[1].error.find("empty geometry"), std::string::npos)
        << l.features[1].error;
    EXPECT_THROW((void)load("s.geojson", geojson, false), GeometryError);
}

TEST_F(SiteValidation, UntransformableSiteAmongGoodOnesIsOneUnusableSite)
{
    // S has longitude and latitude swapped (latitude 120.69 does not exist); G is fine.
    const std::string csv = "site_id,lon,lat\nG,120.69,28.15\nS,28.15,120.69\n";
    const Layer l = load("ll.csv", csv, true, "");
    ASSERT_EQ(l.features.size(), 2u);
    EXPECT_TRUE(l.features[0].error.empty()) << l.features[0].error;
    EXPECT_EQ(l.crs.epsg(), 4549);
    const std::string& e = l.features[1].error;
    EXPECT_NE(e.find("ll.csv"), std::string::npos) << e;
    EXPECT_NE(e.find("'S'"), std::string::npos) << e;
    EXPECT_NE(e.find("cannot transform"), std::string::npos) << e;
    EXPECT_THROW((void)load("ll.csv", csv, false, ""), CrsError);
}

TEST_F(SiteValidation, NoUsableSiteAtAllIsOneClearError)
{
    const std::string geojson =
        R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"site_id":"E1"},"geometry":null},
{"type":"Feature","properties":{"site_id":"E2"},"geometry":null}]})";
    try
    {
        (void)load("none.geojson", geojson, true);
        FAIL() << "expected a GeometryError";
    }
    catch (const GeometryError& e)
    {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("none.geojson"), std::string::npos) << msg;
        EXPECT_NE(msg.find("none of the 2 sites can be screened"), std::string::npos) << msg;
        EXPECT_EQ(msg.find('\n'), std::string::npos);
    }
}
