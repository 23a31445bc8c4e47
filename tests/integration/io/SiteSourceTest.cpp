// loadSites / siteFromWkt end to end on files the tests write: GeoJSON, KML, DXF (GBK text),
// Shapefile with GBK attributes and no .cpg, CSV tables, 界址点 lists, WKT; GCJ-02/BD-09 and
// legacy-datum handling; far-away warnings naming the likely cause.
// Expected coordinates come from PROJ's cs2cs (commands quoted) or published GCJ-02 test points.

#include <gtest/gtest.h>

#include <geodesic.h>

#include <algorithm>
#include <string>

#include "BuiltinPlugins.hpp"
#include "TestSupport.hpp"
#include "redline/core/Error.hpp"
#include "redline/io/SiteSource.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/plugin/Registry.hpp"

using namespace redline;
using redline::test::runCommand;
using redline::test::TempDir;
using redline::test::writeFile;

namespace
{

// echo "28.15 120.69" | cs2cs -d 3 EPSG:4490 EPSG:4549  →  3115257.390 567776.391
constexpr double kE = 567776.391;
constexpr double kN = 3115257.390;

class SiteSource : public ::testing::Test
{
  protected:
    static void SetUpTestSuite() { gdalInit(); }
    void SetUp() override { registerBuiltinPlugins(m_registry); }

    Layer load(const std::string& path, SiteSourceOptions o = {},
               const std::string& analysis = "EPSG:4549") const
    {
        return loadSites(path, Crs::fromUserInput(analysis), o, &m_registry);
    }

    Registry m_registry;
    TempDir m_dir;
};

bool anyWarning(const Layer& l, const std::string& needle)
{
    return std::any_of(l.warnings.begin(), l.warnings.end(),
                       [&](const std::string& w) { return w.find(needle) != std::string::npos; });
}

std::string allWarnings(const Layer& l)
{
    std::string s;
    for (const auto& w : l.warnings)
        s += w + "\n";
    return s;
}

double metresBetween(Point a, Point b)
{
    geod_geodesic g{};
    geod_init(&g, 6378137.0, 1 / 298.257223563);
    double s12 = 0;
    geod_inverse(&g, a.y, a.x, b.y, b.x, &s12, nullptr, nullptr);
    return s12;
}

std::string pointGeoJson(double lon, double lat, const std::string& crs = "")
{
    return std::string("{\"type\":\"FeatureCollection\",") +
           (crs.empty()
                ? ""
                : "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + crs + "\"}},") +
           "\"features\":[{\"type\":\"Feature\",\"properties\":{\"site_id\":\"S1\"},"
           "\"geometry\":{\"type\":\"Point\",\"coordinates\":[" +
           std::to_string(lon) + "," + std::to_string(lat) + "]}}]}";
}

// 100 m square, lower-left corner at (kE, kN) rounded down to the metre, in EPSG:4549.
constexpr double kX0 = 567700;
constexpr double kY0 = 3115200;

} // namespace

TEST_F(SiteSource, GeoJsonLonLatIsProjectedToAnalysisCrs)
{
    const std::string path = m_dir.file("s.geojson");
    writeFile(path, pointGeoJson(120.69, 28.15));
    const Layer l = load(path);
    EXPECT_EQ(l.crs.epsg(), 4549);
    const Point p = l.features.at(0).geometry.parts()[0][0][0];
    EXPECT_NEAR(p.x, kE, 1e-3);
    EXPECT_NEAR(p.y, kN, 1e-3);
}

TEST_F(SiteSource, Gcj02SiteIsConvertedWithWarning)
{
    // googollee/eviltransform reference (c/test.c @1643645a): Shanghai WGS 31.1774276 N,
    // 121.5272106 E is GCJ-02 31.17530398364597 N, 121.531541859215 E.
    const std::string path = m_dir.file("gcj.geojson");
    writeFile(path, pointGeoJson(121.531541859215, 31.17530398364597));
    SiteSourceOptions o;
    o.siteCrs = "gcj02";
    const Layer l = load(path, o, "EPSG:4490");
    const Point p = l.features.at(0).geometry.parts()[0][0][0];
    EXPECT_LT(metresBetween(p, {121.5272106, 31.1774276}), 0.5);
    EXPECT_TRUE(anyWarning(l, "GCJ-02")) << allWarnings(l);
}

TEST_F(SiteSource, Bd09SiteIsConverted)
{
    // hujiulong/gcoord test/unit/crs/BD09.spec.ts: BD09 (123, 45) → WGS84 (122.98762210,
    // 44.99171540), to 5 decimals (≈ 0.5 m).
    const std::string path = m_dir.file("bd.geojson");
    writeFile(path, pointGeoJson(123, 45));
    SiteSourceOptions o;
    o.siteCrs = "bd09";
    const Layer l = load(path, o, "EPSG:4490");
    const Point p = l.features.at(0).geometry.parts()[0][0][0];
    EXPECT_LT(metresBetween(p, {122.98762210, 44.99171540}), 1.0);
}

TEST_F(SiteSource, WebDatumOnProjectedSourceIsRefused)
{
    const std::string path = m_dir.file("proj.geojson");
    writeFile(path, pointGeoJson(kE, kN, "urn:ogc:def:crs:EPSG::4549"));
    SiteSourceOptions o;
    o.siteCrs = "EPSG:4549";
    EXPECT_NO_THROW((void)load(path, o));
    // A 界址点 list is projected: asking for GCJ-02 on it is a mistake.
    const std::string jzd = m_dir.file("j.txt");
    writeFile(jzd,
              "[属性描述]\n带号=40\n[地块坐标]\n1,,P,点,点,,,,@\nJ1,1,3115257.390,40567776.391\n");
    o.siteCrs = "gcj02";
    EXPECT_THROW((void)load(jzd, o), CrsError);
}

TEST_F(SiteSource, XianGaussKrugerWarnsUnlessTowgs84Given)
{
    const std::string path = m_dir.file("xian.geojson");
    writeFile(path, pointGeoJson(kE, kN, "urn:ogc:def:crs:EPSG::2385"));
    const Layer plain = load(path);
    EXPECT_TRUE(anyWarning(plain, "Xian 1980")) << allWarnings(plain);
    EXPECT_TRUE(anyWarning(plain, "--towgs84"));

    SiteSourceOptions o;
    o.towgs84 = parseTowgs84("24,-123,-94,0.02,-0.25,-0.13,1.1");
    const Layer bound = load(path, o);
    EXPECT_FALSE(anyWarning(bound, "Xian 1980")) << allWarnings(bound);
    // echo "567776.391 3115257.390" | cs2cs -d 3 +proj=tmerc +lat_0=0 +lon_0=120 +k=1
    //   +x_0=500000 +y_0=0 +ellps=IAU76 +towgs84=24,-123,-94,0.02,-0.25,-0.13,1.1 +units=m
    //   +to +proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80
    //   +towgs84=0,0,0 +units=m   →  567818.394 3115225.522
    const Point p = bound.features.at(0).geometry.parts()[0][0][0];
    EXPECT_NEAR(p.x, 567818.394, 2e-3);
    EXPECT_NEAR(p.y, 3115225.522, 2e-3);
}

TEST_F(SiteSource, BeijingDatumWarns)
{
    const std::string path = m_dir.file("bj.geojson");
    writeFile(path, pointGeoJson(kE, kN, "urn:ogc:def:crs:EPSG::2437"));
    EXPECT_TRUE(anyWarning(load(path), "Beijing 1954"));
}

TEST_F(SiteSource, Towgs84NeedsThreeOrSevenNumbers)
{
    EXPECT_EQ(parseTowgs84("1,2,3").size(), 3u);
    EXPECT_THROW((void)parseTowgs84("1,2"), ConfigError);
    EXPECT_THROW((void)parseTowgs84("1,2,x,4,5,6,7"), ConfigError);
}

TEST_F(SiteSource, FarAwaySiteNamesSwappedAxes)
{
    // Vertex table whose "east" column actually holds northings.
    const std::string path = m_dir.file("swapped.csv");
    writeFile(path, "site_id,east,north\nS1,3115257.390,567776.391\n");
    SiteSourceOptions o;
    o.siteCrs = "EPSG:4549";
    o.zoningExtent = Envelope{kX0 - 2000, kY0 - 2000, kX0 + 2000, kY0 + 2000};
    const Layer l = load(path, o);
    EXPECT_TRUE(anyWarning(l, "outside the zoning extent")) << allWarnings(l);
    EXPECT_TRUE(anyWarning(l, "swapped")) << allWarnings(l);
}

TEST_F(SiteSource, FarAwaySiteNamesWrongCentralMeridian)
{
    // 界址点 list without zone prefix whose header says 带号=38 (CM 114°E) although the site was
    // surveyed in zone 40 (CM 120°E): read as zone 38 it lands ~600 km west.
    const std::string path = m_dir.file("zone38.txt");
    writeFile(path, "[属性描述]\n坐标系=2000国家大地坐标系\n几度分带=3\n带号=38\n[地块坐标]\n"
                    "1,,P,点,点,,,,@\nJ1,1,3115257.390,567776.391\n");
    SiteSourceOptions o;
    o.zoningExtent = Envelope{kX0 - 2000, kY0 - 2000, kX0 + 2000, kY0 + 2000};
    const Layer l = load(path, o);
    EXPECT_TRUE(anyWarning(l, "central meridian 120")) << allWarnings(l);
    EXPECT_TRUE(anyWarning(l, "EPSG:4549")) << allWarnings(l);
}

TEST_F(SiteSource, SiteInsideExtentGetsNoFarAwayWarning)
{
    const std::string path = m_dir.file("ok.geojson");
    writeFile(path, pointGeoJson(120.69, 28.15));
    SiteSourceOptions o;
    o.zoningExtent = Envelope{kX0 - 2000, kY0 - 2000, kX0 + 2000, kY0 + 2000};
    EXPECT_FALSE(anyWarning(load(path, o), "outside the zoning extent"));
}

TEST_F(SiteSource, WktInAnalysisCrsAndInLonLat)
{
    const Layer a = siteFromWkt("POLYGON((567700 3115200,567800 3115200,567800 3115300,"
                                "567700 3115300,567700 3115200))",
                                Crs::fromEpsg(4549), {});
    EXPECT_DOUBLE_EQ(a.features.at(0).geometry.planarArea(), 10000.0);
    SiteSourceOptions o;
    o.siteCrs = "EPSG:4490";
    const Layer b = siteFromWkt("POINT(120.69 28.15)", Crs::fromEpsg(4549), o);
    const Point p = b.features.at(0).geometry.parts()[0][0][0];
    EXPECT_NEAR(p.x, kE, 1e-3);
    EXPECT_NEAR(p.y, kN, 1e-3);
    EXPECT_THROW((void)siteFromWkt("POLYGON((1 2", Crs::fromEpsg(4549), {}), GeometryError);
}

TEST_F(SiteSource, KmlPlacemarkPolygon)
{
    const std::string path = m_dir.file("visit.kml");
    writeFile(path, R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>现场地块</name>
<Polygon><outerBoundaryIs><LinearRing><coordinates>
120.69,28.15,0 120.70,28.15,0 120.70,28.16,0 120.69,28.15,0
</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>)");
    const Layer l = load(path);
    ASSERT_EQ(l.features.size(), 1u);
    EXPECT_EQ(l.features[0].geometry.type(), GeometryType::Polygon);
    const Point p = l.features[0].geometry.parts()[0][0][0];
    EXPECT_NEAR(p.x, kE, 1e-3);
    EXPECT_NEAR(p.y, kN, 1e-3);
    EXPECT_EQ(l.features[0].attributes.text("Name"), "现场地块");
}

TEST_F(SiteSource, KmzFromSiteVisit)
{
    // The KML of the previous test zipped into a KMZ by GDAL's own LIBKML writer.
    const std::string kml = m_dir.file("doc.kml");
    writeFile(kml, R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>现场地块</name>
<Polygon><outerBoundaryIs><LinearRing><coordinates>
120.69,28.15 120.70,28.15 120.70,28.16 120.69,28.15
</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>)");
    const std::string kmz = m_dir.file("visit.kmz");
    const auto r = runCommand("ogr2ogr -f LIBKML -nln site '" + kmz + "' '" + kml + "'");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const Layer l = load(kmz);
    ASSERT_EQ(l.features.size(), 1u);
    EXPECT_EQ(l.features[0].geometry.type(), GeometryType::Polygon);
    const Point p = l.features[0].geometry.parts()[0][0][0];
    EXPECT_NEAR(p.x, kE, 1e-3);
    EXPECT_NEAR(p.y, kN, 1e-3);
}

TEST_F(SiteSource, DxfClosedPolylineWithGbkLabelBecomesNamedPolygon)
{
    // A DXF written by hand: $DWGCODEPAGE ANSI_936, one closed LWPOLYLINE (100 m square) and a
    // TEXT label "红线地块" in GBK bytes (iconv -t GBK: ba ec cf df b5 d8 bf e9).
    std::string dxf;
    const auto g = [&](int code, const std::string& v)
    { dxf += std::to_string(code) + "\n" + v + "\n"; };
    g(0, "SECTION");
    g(2, "HEADER");
    g(9, "$ACADVER");
    g(1, "AC1015");
    g(9, "$DWGCODEPAGE");
    g(3, "ANSI_936");
    g(0, "ENDSEC");
    g(0, "SECTION");
    g(2, "ENTITIES");
    g(0, "LWPOLYLINE");
    g(5, "1F");
    g(100, "AcDbEntity");
    g(8, "REDLINE");
    g(100, "AcDbPolyline");
    g(90, "4");
    g(70, "1");
    for (auto [x, y] : {std::pair{0, 0}, {100, 0}, {100, 100}, {0, 100}})
    {
        g(10, std::to_string(kX0 + x));
        g(20, std::to_string(kY0 + y));
    }
    g(0, "LWPOLYLINE");
    g(5, "21");
    g(100, "AcDbEntity");
    g(8, "ROAD");
    g(100, "AcDbPolyline");
    g(90, "2");
    g(70, "0");
    g(10, "567000");
    g(20, "3115000");
    g(10, "567100");
    g(20, "3115000");
    g(0, "TEXT");
    g(5, "20");
    g(100, "AcDbEntity");
    g(8, "REDLINE");
    g(100, "AcDbText");
    g(10, std::to_string(kX0 + 50));
    g(20, std::to_string(kY0 + 50));
    g(30, "0");
    g(40, "2.5");
    g(1, "\xba\xec\xcf\xdf\xb5\xd8\xbf\xe9");
    g(0, "ENDSEC");
    g(0, "EOF");
    const std::string path = m_dir.file("design.dxf");
    writeFile(path, dxf);
    SiteSourceOptions o;
    o.siteCrs = "EPSG:4549";
    const Layer l = load(path, o);
    ASSERT_EQ(l.features.size(), 2u) << allWarnings(l); // the parcel, then the open ROAD line
    EXPECT_EQ(l.features[0].geometry.type(), GeometryType::Polygon);
    EXPECT_DOUBLE_EQ(l.features[0].geometry.planarArea(), 10000.0);
    EXPECT_EQ(l.features[0].attributes.text("name"), "红线地块");
    EXPECT_EQ(l.features[1].geometry.type(), GeometryType::LineString);
    EXPECT_TRUE(anyWarning(l, "screened as line sites"));

    o.layerName = "ROAD"; // a CAD layer: only its (open) line remains
    const Layer road = load(path, o);
    ASSERT_EQ(road.features.size(), 1u);
    EXPECT_EQ(road.features[0].geometry.type(), GeometryType::LineString);
}

TEST_F(SiteSource, ShapefileWithGbkAttributesAndNoCpg)
{
    // Written with GDAL's own ogr2ogr (ENCODING=GBK), then the .cpg removed, as old CAD/GIS
    // exports deliver them.
    const std::string src = m_dir.file("src.geojson");
    writeFile(src, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                   "\"properties\":{\"site_id\":\"G1\",\"name\":\"永嘉测试地块\"},"
                   "\"geometry\":{\"type\":\"Point\",\"coordinates\":[120.69,28.15]}}]}");
    const std::string shp = m_dir.file("gbk.shp");
    const auto r = runCommand("ogr2ogr -f 'ESRI Shapefile' -lco ENCODING=GBK '" + shp + "' '" +
                              src + "' && rm -f '" + m_dir.file("gbk.cpg") + "'");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const Layer l = load(shp);
    ASSERT_EQ(l.features.size(), 1u);
    EXPECT_EQ(l.features[0].attributes.text("name"), "永嘉测试地块");
    const Point p = l.features[0].geometry.parts()[0][0][0];
    EXPECT_NEAR(p.x, kE, 1e-3);
}

TEST_F(SiteSource, JzdListThroughRegistry)
{
    const std::string path = m_dir.file("jzd.txt");
    writeFile(path, "[属性描述]\n坐标系=2000国家大地坐标系\n带号=40\n[地块坐标]\n"
                    "5,1.0,A,甲,面,,,,@\n"
                    "J1,1,3115200.000,40567700.000\nJ2,1,3115200.000,40567800.000\n"
                    "J3,1,3115300.000,40567800.000\nJ4,1,3115300.000,40567700.000\n"
                    "J1,1,3115200.000,40567700.000\n");
    const Layer l = load(path);
    EXPECT_EQ(l.crs.epsg(), 4549);
    // EPSG:4528 → EPSG:4549 only removes the 40 000 000 m zone prefix (same CM 120°E).
    const Point p = l.features.at(0).geometry.parts()[0][0][0];
    EXPECT_NEAR(p.x, 567700.0, 1e-6);
    EXPECT_NEAR(p.y, 3115200.0, 1e-6);
    EXPECT_NEAR(l.features[0].geometry.planarArea(), 10000.0, 1e-3);
}

TEST_F(SiteSource, MissingFileAndNoCrsGiveOneLineErrors)
{
    try
    {
        (void)load(m_dir.file("nope.geojson"));
        FAIL();
    }
    catch (const IoError& e)
    {
        EXPECT_NE(std::string(e.what()).find("nope.geojson"), std::string::npos);
    }
    const std::string path = m_dir.file("nocrs.txt");
    writeFile(path, "[地块坐标]\n1,,P,点,点,,,,@\nJ1,1,3115257.390,567776.391\n");
    try
    {
        (void)load(path);
        FAIL();
    }
    catch (const CrsError& e)
    {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("nocrs.txt"), std::string::npos);
        EXPECT_NE(msg.find("--site-crs"), std::string::npos);
        EXPECT_EQ(msg.find('\n'), std::string::npos);
    }
}

TEST_F(SiteSource, UntransformableSiteErrorNamesLikelyCause)
{
    // Latitude 120.69 does not exist: the columns were filled the wrong way round.
    const std::string path = m_dir.file("lonlat_swapped.csv");
    writeFile(path, "site_id,lon,lat\nS,28.15,120.69\n");
    SiteSourceOptions o;
    o.zoningExtent = Envelope{kX0 - 2000, kY0 - 2000, kX0 + 2000, kY0 + 2000};
    try
    {
        (void)load(path, o);
        FAIL();
    }
    catch (const CrsError& e)
    {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("'S'"), std::string::npos) << msg;
        EXPECT_NE(msg.find("longitude and latitude are swapped"), std::string::npos) << msg;
        EXPECT_EQ(msg.find(".)."), std::string::npos) << msg;
    }
}

TEST_F(SiteSource, SixDegreeJzdLandsOnTheSameGroundAsThreeDegree)
{
    // The same ground point in 6-degree zone 20 (cs2cs -d 3 EPSG:4490 EPSG:4498 on 28.15 120.69
    // → 3120578.257 20862591.491) must land on kE, kN in EPSG:4549.
    const std::string path = m_dir.file("six.txt");
    writeFile(path, "[属性描述]\n坐标系=2000国家大地坐标系\n几度分带=6\n带号=20\n[地块坐标]\n"
                    "1,,P,点,点,,,,@\nJ1,1,3120578.257,20862591.491\n");
    const Layer l = load(path);
    const Point p = l.features.at(0).geometry.parts()[0][0][0];
    EXPECT_NEAR(p.x, kE, 2e-3);
    EXPECT_NEAR(p.y, kN, 2e-3);
}
