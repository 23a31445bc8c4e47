// Issue 3 done-when: the committed Yongjia demonstration dataset (datasets/yongjia/) is checked by
// computations made here, independently of the generator's own bookkeeping: GEOS overlays for
// validity, partitions and nesting; PROJ (proj_trans + the geodesic API) for ellipsoidal areas on
// CGCS2000; the published figures (county plan, yongjia_places.csv) as expected values. The last
// test regenerates the dataset with redline-datagen and compares it feature by feature.
#define GEOS_USE_ONLY_R_API
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <cpl_string.h>
#include <gdal_priv.h>
#include <geodesic.h>
#include <geos_c.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>
#include <proj.h>

#include "TestSupport.hpp"

#include "redline/geo/Gcj02.hpp"

namespace
{

// ---- GEOS, one context for this test binary's single thread -------------------------------
GEOSContextHandle_t geos()
{
    static GEOSContextHandle_t h = GEOS_init_r();
    return h;
}
struct GeomFree
{
    void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(geos(), g); }
};
using Geom = std::unique_ptr<GEOSGeometry, GeomFree>;

Geom checked(GEOSGeometry* g)
{
    if (g == nullptr)
    {
        throw std::runtime_error("GEOS operation failed");
    }
    return Geom(g);
}
double areaOf(const GEOSGeometry* g)
{
    double a = 0;
    GEOSArea_r(geos(), g, &a);
    return a;
}
Geom unionOf(const std::vector<const GEOSGeometry*>& parts)
{
    std::vector<GEOSGeometry*> copies;
    for (const GEOSGeometry* p : parts)
    {
        copies.push_back(GEOSGeom_clone_r(geos(), p));
    }
    Geom coll = checked(GEOSGeom_createCollection_r(geos(), GEOS_GEOMETRYCOLLECTION, copies.data(),
                                                    static_cast<unsigned>(copies.size())));
    return checked(GEOSUnaryUnion_r(geos(), coll.get()));
}
Geom interOf(const GEOSGeometry* a, const GEOSGeometry* b)
{
    return checked(GEOSIntersection_r(geos(), a, b));
}
Geom diffOf(const GEOSGeometry* a, const GEOSGeometry* b)
{
    return checked(GEOSDifference_r(geos(), a, b));
}
// Polygons rebuilt from exterior rings only: the area a zone encloses, holes included.
Geom filled(const GEOSGeometry* g)
{
    std::vector<GEOSGeometry*> shells;
    const int n = GEOSGetNumGeometries_r(geos(), g);
    for (int i = 0; i < n; ++i)
    {
        const GEOSGeometry* poly = GEOSGetGeometryN_r(geos(), g, i);
        GEOSGeometry* ring = GEOSGeom_clone_r(geos(), GEOSGetExteriorRing_r(geos(), poly));
        shells.push_back(GEOSGeom_createPolygon_r(geos(), ring, nullptr, 0));
    }
    Geom coll = checked(GEOSGeom_createCollection_r(geos(), GEOS_GEOMETRYCOLLECTION, shells.data(),
                                                    static_cast<unsigned>(shells.size())));
    return checked(GEOSUnaryUnion_r(geos(), coll.get()));
}

// ---- reading the GeoPackages --------------------------------------------------------------
struct Feature
{
    Geom geom;
    std::vector<unsigned char> wkb;
    std::map<std::string, std::string> attrs; // NULL fields absent
};

std::vector<Feature> readLayer(const std::string& path, const std::string& layerName)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds)
    {
        throw std::runtime_error("cannot open " + path);
    }
    OGRLayer* layer = ds->GetLayerByName(layerName.c_str());
    if (layer == nullptr)
    {
        throw std::runtime_error(path + " has no layer " + layerName);
    }
    std::vector<Feature> out;
    GEOSWKBReader* reader = GEOSWKBReader_create_r(geos());
    for (const auto& f : *layer)
    {
        Feature feature;
        const OGRGeometry* g = f->GetGeometryRef();
        feature.wkb.resize(static_cast<std::size_t>(g->WkbSize()));
        g->exportToWkb(wkbNDR, feature.wkb.data(), wkbVariantIso);
        feature.geom =
            checked(GEOSWKBReader_read_r(geos(), reader, feature.wkb.data(), feature.wkb.size()));
        for (int i = 0; i < f->GetFieldCount(); ++i)
        {
            if (f->IsFieldSetAndNotNull(i))
            {
                feature.attrs[f->GetFieldDefnRef(i)->GetNameRef()] = f->GetFieldAsString(i);
            }
        }
        out.push_back(std::move(feature));
    }
    GEOSWKBReader_destroy_r(geos(), reader);
    return out;
}

std::vector<std::string> layerNames(const std::string& path)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    std::vector<std::string> names;
    for (OGRLayer* l : ds->GetLayers())
    {
        names.emplace_back(l->GetName());
    }
    return names;
}

// ---- ellipsoidal area on CGCS2000 via PROJ ------------------------------------------------
class Ellipsoidal
{
public:
    Ellipsoidal()
    {
        m_ctx = proj_context_create();
        PJ* raw = proj_create_crs_to_crs(m_ctx, "EPSG:4549", "EPSG:4490", nullptr);
        m_pj = proj_normalize_for_visualization(m_ctx, raw); // lon, lat order
        proj_destroy(raw);
        geod_init(&m_geod, 6378137.0, 1.0 / 298.257222101); // GRS80
    }
    ~Ellipsoidal()
    {
        proj_destroy(m_pj);
        proj_context_destroy(m_ctx);
    }
    Ellipsoidal(const Ellipsoidal&) = delete;
    Ellipsoidal& operator=(const Ellipsoidal&) = delete;

    double ringArea(const GEOSGeometry* ring) const
    {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(geos(), ring);
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(geos(), seq, &n);
        geod_polygon poly;
        geod_polygon_init(&poly, 0);
        for (unsigned i = 0; i + 1 < n; ++i)
        {
            double x = 0;
            double y = 0;
            GEOSCoordSeq_getXY_r(geos(), seq, i, &x, &y);
            const PJ_COORD ll = proj_trans(m_pj, PJ_FWD, proj_coord(x, y, 0, 0));
            geod_polygon_addpoint(&m_geod, &poly, ll.lp.phi, ll.lp.lam);
        }
        double a = 0;
        geod_polygon_compute(&m_geod, &poly, 0, 1, &a, nullptr);
        return std::fabs(a);
    }
    // m² of a Polygon / MultiPolygon, holes subtracted.
    double area(const GEOSGeometry* g) const
    {
        const int type = GEOSGeomTypeId_r(geos(), g);
        if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION)
        {
            double sum = 0;
            for (int i = 0; i < GEOSGetNumGeometries_r(geos(), g); ++i)
            {
                sum += area(GEOSGetGeometryN_r(geos(), g, i));
            }
            return sum;
        }
        if (type != GEOS_POLYGON || GEOSisEmpty_r(geos(), g))
        {
            return 0;
        }
        double a = ringArea(GEOSGetExteriorRing_r(geos(), g));
        for (int i = 0; i < GEOSGetNumInteriorRings_r(geos(), g); ++i)
        {
            a -= ringArea(GEOSGetInteriorRingN_r(geos(), g, i));
        }
        return a;
    }

private:
    PJ_CONTEXT* m_ctx = nullptr;
    PJ* m_pj = nullptr;
    geod_geodesic m_geod{};
};

std::string datasetDir() { return redline::test::sourcePath("datasets/yongjia"); }

class YongjiaDataset : public ::testing::Test
{
protected:
    void SetUp() override
    {
        GDALAllRegister();
        m_zoning = datasetDir() + "/zoning.gpkg";
        m_sites = datasetDir() + "/sites.gpkg";
        if (!std::filesystem::exists(m_zoning) || !std::filesystem::exists(m_sites))
        {
            GTEST_SKIP() << "datasets/yongjia not generated yet";
        }
    }
    std::string m_zoning;
    std::string m_sites;
};

// Published areas (km²) of the townships, from yongjia_places.csv.
std::map<std::string, double> publishedTownshipAreas()
{
    std::ifstream in(std::string(REDLINE_SHARED_DIR) + "/data/yongjia_places.csv");
    std::map<std::string, double> out;
    std::string line;
    while (std::getline(in, line))
    {
        if (line.rfind("township,", 0) != 0)
        {
            continue;
        }
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string cell;
        for (int i = 0; i < 7 && std::getline(ss, cell, ','); ++i)
        {
            f.push_back(cell);
        }
        out[f[1]] = std::stod(f[6]);
    }
    return out;
}

void expectPartitionOfCounty(const std::vector<Feature>& parts, const GEOSGeometry* county)
{
    std::vector<const GEOSGeometry*> raw;
    double sum = 0;
    for (const Feature& f : parts)
    {
        raw.push_back(f.geom.get());
        sum += areaOf(f.geom.get());
    }
    Geom u = unionOf(raw);
    // No overlap: the parts' areas add up to their union; no gap: the union is the county.
    EXPECT_LT(sum - areaOf(u.get()), 1.0) << "parts overlap by more than 1 m²";
    EXPECT_LT(areaOf(diffOf(county, u.get()).get()), 1.0) << "gap of more than 1 m²";
    EXPECT_LT(areaOf(diffOf(u.get(), county).get()), 1.0) << "parts leave the county";
}

} // namespace

TEST_F(YongjiaDataset, RedLineEllipsoidalTotalIsThePlansFigure)
{
    const auto redline = readLayer(m_zoning, "ecological_redline");
    const Ellipsoidal measure;
    std::vector<const GEOSGeometry*> raw;
    for (const Feature& f : redline)
    {
        raw.push_back(f.geom.get());
    }
    Geom u = unionOf(raw);
    // County plan: 426.98 km² (PLAN_FACTS.md); the union also proves the areas are disjoint.
    EXPECT_NEAR(measure.area(u.get()) / 1e6, 426.98, 0.005);
    double sum = 0;
    for (const Feature& f : redline)
    {
        sum += measure.area(f.geom.get());
    }
    EXPECT_NEAR(sum / 1e6, 426.98, 0.005) << "red-line polygons overlap";
    EXPECT_EQ(redline.size(), 7u);
    std::set<std::string> types;
    for (const Feature& f : redline)
    {
        types.insert(f.attrs.at("redline_type"));
    }
    EXPECT_EQ(types, (std::set<std::string>{"scenic", "soil_conservation", "water_conservation"}));
}

TEST_F(YongjiaDataset, ProtectedAreaUnionIsThePlansFigure)
{
    const auto pas = readLayer(m_zoning, "protected_areas");
    std::vector<const GEOSGeometry*> raw;
    for (const Feature& f : pas)
    {
        raw.push_back(f.geom.get());
    }
    const Ellipsoidal measure;
    EXPECT_NEAR(measure.area(unionOf(raw).get()) / 1e6, 670.76, 0.005);
}

TEST_F(YongjiaDataset, RedLineAndZonesLieInsideTheCounty)
{
    const auto county = readLayer(m_zoning, "county");
    ASSERT_EQ(county.size(), 1u);
    EXPECT_EQ(county[0].attrs.at("code"), "330324");
    for (const char* layer : {"ecological_redline", "protected_areas", "water_protection_zones"})
    {
        for (const Feature& f : readLayer(m_zoning, layer))
        {
            EXPECT_LT(areaOf(diffOf(f.geom.get(), county[0].geom.get()).get()), 1.0)
                << layer << " " << f.attrs.at("zone_id");
        }
    }
}

TEST_F(YongjiaDataset, EveryGeometryIsValid)
{
    for (const std::string& path : {m_zoning, m_sites})
    {
        for (const std::string& layer : layerNames(path))
        {
            int n = 0;
            for (const Feature& f : readLayer(path, layer))
            {
                EXPECT_EQ(GEOSisValid_r(geos(), f.geom.get()), 1)
                    << path << " " << layer << " #" << n;
                ++n;
            }
            EXPECT_GT(n, 0) << path << " layer " << layer << " is empty";
        }
    }
}

TEST_F(YongjiaDataset, TownshipsPartitionTheCountyNearTheirPublishedAreas)
{
    const auto county = readLayer(m_zoning, "county");
    const auto townships = readLayer(m_zoning, "townships");
    ASSERT_EQ(townships.size(), 22u);
    expectPartitionOfCounty(townships, county[0].geom.get());
    const auto published = publishedTownshipAreas();
    ASSERT_EQ(published.size(), 22u);
    for (const Feature& t : townships)
    {
        const std::string& name = t.attrs.at("name");
        ASSERT_TRUE(published.count(name)) << name;
        const double km2 = areaOf(t.geom.get()) / 1e6;
        EXPECT_NEAR(km2, published.at(name), 0.10 * published.at(name)) << name;
    }
}

TEST_F(YongjiaDataset, ControlUnitsPartitionTheCountyWithWellFormedCodes)
{
    const auto county = readLayer(m_zoning, "county");
    const auto units = readLayer(m_zoning, "control_units");
    expectPartitionOfCounty(units, county[0].geom.get());
    const std::regex code("^ZH330324([123])\\d{4}$");
    const std::map<std::string, std::string> typeOfDigit = {
        {"1", "priority"}, {"2", "key"}, {"3", "general"}};
    std::set<std::string> seen;
    for (const Feature& u : units)
    {
        const std::string& c = u.attrs.at("unit_code");
        std::smatch m;
        ASSERT_TRUE(std::regex_match(c, m, code)) << c;
        EXPECT_EQ(typeOfDigit.at(m[1].str()), u.attrs.at("unit_type")) << c;
        EXPECT_TRUE(seen.insert(c).second) << "duplicate " << c;
        if (u.attrs.at("unit_type") == "key")
        {
            const std::string& sub = u.attrs.at("key_subtype");
            EXPECT_TRUE(sub == "urban_living" || sub == "industrial_cluster") << c;
        }
        for (const char* field : {"kjbjys", "pwwpfgk", "hjfxfk", "zykfxlyq"})
        {
            EXPECT_FALSE(u.attrs.at(field).empty()) << c << " " << field;
        }
    }
    // Priority units cover the whole red line.
    std::vector<const GEOSGeometry*> priority;
    for (const Feature& u : units)
    {
        if (u.attrs.at("unit_type") == "priority")
        {
            priority.push_back(u.geom.get());
        }
    }
    Geom p = unionOf(priority);
    for (const Feature& r : readLayer(m_zoning, "ecological_redline"))
    {
        EXPECT_LT(areaOf(diffOf(r.geom.get(), p.get()).get()), 1.0) << r.attrs.at("zone_id");
    }
}

TEST_F(YongjiaDataset, WaterZonesAreNestedPerSource)
{
    std::map<std::string, std::map<std::string, const Feature*>> bySource;
    const auto zones = readLayer(m_zoning, "water_protection_zones");
    for (const Feature& z : zones)
    {
        bySource[z.attrs.at("source_name")][z.attrs.at("level")] = &z;
    }
    for (const char* source : {"楠溪江引供水工程", "小子溪水库", "岩头渡头", "枫林八月辰光",
                               "岩坦蛙蟆垅", "鹤盛岭家岙山塘", "大若岩醉溪水库", "巽宅黄连坑山塘"})
    {
        ASSERT_TRUE(bySource.count(source)) << source;
        const auto& levels = bySource.at(source);
        ASSERT_TRUE(levels.count("I") && levels.count("II") && levels.count("quasi")) << source;
        const GEOSGeometry* l1 = levels.at("I")->geom.get();
        const GEOSGeometry* l2 = levels.at("II")->geom.get();
        const GEOSGeometry* q = levels.at("quasi")->geom.get();
        EXPECT_LT(areaOf(interOf(l1, l2).get()), 1.0) << source;
        EXPECT_LT(areaOf(interOf(l1, q).get()), 1.0) << source;
        EXPECT_LT(areaOf(interOf(l2, q).get()), 1.0) << source;
        // Level II surrounds level I; the quasi zone adjoins level II.
        EXPECT_LT(areaOf(diffOf(l1, filled(l2).get()).get()), 1.0) << source;
        double d = 1;
        GEOSDistance_r(geos(), l2, q, &d);
        EXPECT_LT(d, 1e-6) << source;
        const std::string type = levels.at("I")->attrs.at("source_type");
        EXPECT_TRUE(type == "river" || type == "reservoir") << source;
    }
}

TEST_F(YongjiaDataset, SitesHoldThePlanProjectsAndTheDesignedCases)
{
    const auto sites = readLayer(m_sites, "sites");
    int plan = 0;
    int designed = 0;
    const std::set<std::string> verdicts = {"prohibited", "restricted", "needs_review", "allowed"};
    std::set<std::string> seenVerdicts;
    for (const Feature& s : sites)
    {
        if (s.attrs.count("plan_no"))
        {
            ++plan;
            EXPECT_TRUE(s.attrs.count("invest_total") && s.attrs.count("responsible"));
        }
        if (s.attrs.count("expected_verdict"))
        {
            ++designed;
            EXPECT_TRUE(verdicts.count(s.attrs.at("expected_verdict"))) << s.attrs.at("site_id");
            EXPECT_FALSE(s.attrs.at("expected_reason").empty());
            seenVerdicts.insert(s.attrs.at("expected_verdict"));
        }
    }
    EXPECT_EQ(plan, 18);
    EXPECT_GE(designed, 25);
    EXPECT_EQ(seenVerdicts, verdicts);
    // Sizes the annex states: project 9 is about 19 亩, project 15 is 202.69 亩, project 10's
    // link is 9.642 km (1 亩 = 10000/15 m²).
    for (const Feature& s : sites)
    {
        const std::string& id = s.attrs.at("site_id");
        if (id == "P09")
        {
            EXPECT_NEAR(areaOf(s.geom.get()) * 15.0 / 10000.0, 19.0, 0.01);
        }
        if (id == "P15")
        {
            EXPECT_NEAR(areaOf(s.geom.get()) * 15.0 / 10000.0, 202.69, 0.01);
        }
        if (id == "P10")
        {
            double len = 0;
            GEOSLength_r(geos(), s.geom.get(), &len);
            EXPECT_NEAR(len, 9642.0, 1.0);
        }
    }
}

TEST_F(YongjiaDataset, GcjAndJzdCopiesMatchTheirDesignedSites)
{
    const auto sites = readLayer(m_sites, "sites");
    const Feature* d29 = nullptr;
    const Feature* d27 = nullptr;
    for (const Feature& s : sites)
    {
        d29 = s.attrs.at("site_id") == "D29" ? &s : d29;
        d27 = s.attrs.at("site_id") == "D27" ? &s : d27;
    }
    ASSERT_TRUE(d29 && d27);

    // GCJ-02 copy: convert back with the engine's inverse and project with PROJ.
    const auto gcj = readLayer(datasetDir() + "/sites_gcj02.geojson", "sites_gcj02");
    ASSERT_EQ(gcj.size(), 1u);
    PJ_CONTEXT* ctx = proj_context_create();
    PJ* raw = proj_create_crs_to_crs(ctx, "EPSG:4490", "EPSG:4549", nullptr);
    PJ* pj = proj_normalize_for_visualization(ctx, raw);
    const GEOSGeometry* shell = GEOSGetExteriorRing_r(geos(), gcj[0].geom.get());
    const GEOSGeometry* want = GEOSGetExteriorRing_r(geos(), d29->geom.get());
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(geos(), shell);
    const GEOSCoordSequence* wantSeq = GEOSGeom_getCoordSeq_r(geos(), want);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(geos(), seq, &n);
    ASSERT_EQ(n, 5u);
    for (unsigned i = 0; i < n; ++i)
    {
        double lon = 0;
        double lat = 0;
        double x = 0;
        double y = 0;
        GEOSCoordSeq_getXY_r(geos(), seq, i, &lon, &lat);
        GEOSCoordSeq_getXY_r(geos(), wantSeq, i, &x, &y);
        const redline::Point wgs = redline::gcj02ToWgs84({lon, lat});
        const PJ_COORD gk = proj_trans(pj, PJ_FWD, proj_coord(wgs.x, wgs.y, 0, 0));
        EXPECT_NEAR(gk.xy.x, x, 1.0);
        EXPECT_NEAR(gk.xy.y, y, 1.0);
        // Unconverted, the copy is ~0.5 km away: the offset RULEBOOK §7.2 describes.
        const PJ_COORD wrong = proj_trans(pj, PJ_FWD, proj_coord(lon, lat, 0, 0));
        EXPECT_GT(std::hypot(wrong.xy.x - x, wrong.xy.y - y), 450.0);
    }
    proj_destroy(pj);
    proj_destroy(raw);
    proj_context_destroy(ctx);

    // 界址点 copy: GBK text, X = northing, Y = easting with zone prefix 40 (EPSG:4528).
    const std::string gbk = redline::test::readFile(datasetDir() + "/sites_jzd.txt");
    char* utf8 = CPLRecode(gbk.c_str(), "GBK", CPL_ENC_UTF8);
    const std::string text(utf8);
    CPLFree(utf8);
    EXPECT_NE(text.find("坐标系=2000国家大地坐标系"), std::string::npos);
    std::vector<std::pair<double, double>> pts;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line))
    {
        if (!line.empty() && line[0] == 'J')
        {
            double north = 0;
            double east = 0;
            ASSERT_EQ(std::sscanf(line.c_str(), "J%*d,1,%lf,%lf", &north, &east), 2) << line;
            pts.emplace_back(east - 40000000.0, north);
        }
    }
    const GEOSCoordSequence* d27seq =
        GEOSGeom_getCoordSeq_r(geos(), GEOSGetExteriorRing_r(geos(), d27->geom.get()));
    unsigned m = 0;
    GEOSCoordSeq_getSize_r(geos(), d27seq, &m);
    ASSERT_EQ(pts.size(), m);
    for (unsigned i = 0; i < m; ++i)
    {
        double x = 0;
        double y = 0;
        GEOSCoordSeq_getXY_r(geos(), d27seq, i, &x, &y);
        EXPECT_NEAR(pts[i].first, x, 0.0005);
        EXPECT_NEAR(pts[i].second, y, 0.0005);
    }
}

TEST_F(YongjiaDataset, CommittedFilesEqualAFreshRegeneration)
{
#ifndef REDLINE_DATAGEN
    GTEST_SKIP() << "redline-datagen not built";
#else
    const redline::test::TempDir tmp;
    const std::string cmd = std::string("\"") + REDLINE_DATAGEN + "\" --quiet --out \"" +
                            tmp.path().string() + "\" --shared \"" + REDLINE_SHARED_DIR + "\"";
    const auto result = redline::test::runCommand(cmd);
    ASSERT_EQ(result.exitCode, 0) << result.err;
    for (const char* file : {"zoning.gpkg", "sites.gpkg"})
    {
        const std::string committed = datasetDir() + "/" + file;
        const std::string fresh = tmp.file(file);
        const auto names = layerNames(committed);
        ASSERT_EQ(names, layerNames(fresh)) << file;
        for (const std::string& layer : names)
        {
            const auto a = readLayer(committed, layer);
            const auto b = readLayer(fresh, layer);
            ASSERT_EQ(a.size(), b.size()) << file << " " << layer;
            for (std::size_t i = 0; i < a.size(); ++i)
            {
                EXPECT_EQ(a[i].wkb, b[i].wkb) << file << " " << layer << " #" << i;
                EXPECT_EQ(a[i].attrs, b[i].attrs) << file << " " << layer << " #" << i;
            }
        }
    }
    for (const char* file : {"catalog.yaml", "sites_jzd.txt", "sites_gcj02.geojson"})
    {
        EXPECT_EQ(redline::test::readFile(datasetDir() + "/" + file),
                  redline::test::readFile(tmp.file(file)))
            << file;
    }
#endif
}
