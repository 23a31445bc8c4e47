#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "TestSupport.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/io/VectorWriter.hpp"

using namespace redline;
using redline::test::runRedline;
using redline::test::TempDir;

// End-to-end `redline screen` on a hand-made store (EPSG:4549): red line A = [0,1000]² with hole
// [400,600]² around (560000, 3120000). Expected numbers are worked out by hand in each test.
namespace
{

constexpr double kX0 = 560000, kY0 = 3120000;

Ring square(double x1, double y1, double x2, double y2)
{
    return {{kX0 + x1, kY0 + y1}, {kX0 + x2, kY0 + y1}, {kX0 + x2, kY0 + y2},
            {kX0 + x1, kY0 + y2}, {kX0 + x1, kY0 + y1}};
}

class ScreenCli : public testing::Test
{
protected:
    void SetUp() override
    {
        gdalInit();
        Layer zones;
        zones.name = "ecological_redline";
        zones.crs = Crs::fromEpsg(4549);
        zones.fieldNames = {"zone_id", "name", "redline_type"};
        Feature a;
        a.fid = 1;
        a.geometry = Geometry::polygon(square(0, 0, 1000, 1000), {square(400, 400, 600, 600)});
        a.attributes.set("zone_id", std::string("A"));
        a.attributes.set("name", std::string("楠溪江风景名胜区"));
        a.attributes.set("redline_type", std::string("scenic"));
        zones.features.push_back(a);
        m_zones = m_dir.file("zoning.gpkg");
        writeLayers(m_zones, {zones});

        Layer sites;
        sites.name = "sites";
        sites.crs = Crs::fromEpsg(4549);
        sites.fieldNames = {"site_id", "name"};
        auto add = [&](const std::string& id, Geometry g)
        {
            Feature f;
            f.fid = static_cast<std::int64_t>(sites.features.size() + 1);
            f.geometry = std::move(g);
            f.attributes.set("site_id", id);
            f.attributes.set("name", "地块" + id);
            sites.features.push_back(f);
        };
        add("IN", Geometry::polygon(square(100, 100, 200, 200)));       // 10000 m² inside
        add("HALF", Geometry::polygon(square(950, 100, 1050, 200)));    // 5000 of 10000 m²
        add("HOLE", Geometry::polygon(square(450, 450, 550, 550)));     // 50 m from A, in hole
        add("EDGE", Geometry::polygon(square(1000, 100, 1100, 200)));   // touches A's edge
        add("FAR", Geometry::polygon(square(-600, 100, -500, 200)));    // 500 m away
        m_sites = m_dir.file("sites.gpkg");
        writeLayers(m_sites, {sites});
    }

    nlohmann::json screenJson(const std::string& extra = "")
    {
        const auto r = runRedline("screen --zones " + m_zones + " --sites " + m_sites +
                                  " --rules none " + extra);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return nlohmann::json::parse(r.out);
    }

    static const nlohmann::json& site(const nlohmann::json& j, const std::string& id)
    {
        for (const auto& s : j["sites"])
            if (s["site_id"] == id)
                return s;
        throw std::runtime_error("no site " + id);
    }

    TempDir m_dir;
    std::string m_zones, m_sites;
};

} // namespace

TEST_F(ScreenCli, JsonCarriesTheDesignFields)
{
    const auto j = screenJson();
    EXPECT_EQ(j["analysis_crs"], "EPSG:4549");
    const auto& in = site(j, "IN");
    EXPECT_EQ(in["verdict"], "needs_review");
    EXPECT_NEAR(in["area_m2"].get<double>(), 10000.0, 1e-3);
    EXPECT_NEAR(in["area_mu"].get<double>(), 15.0, 1e-6); // 10000 m² × 15/10000
    const auto& hit = in["hits"][0];
    EXPECT_EQ(hit["zone_id"], "A");
    EXPECT_EQ(hit["zone_name"], "楠溪江风景名胜区");
    EXPECT_EQ(hit["attributes"]["redline_type"], "scenic");
    EXPECT_NEAR(hit["overlap_m2"].get<double>(), 10000.0, 1e-3);
    EXPECT_NEAR(hit["site_share"].get<double>(), 1.0, 1e-9);

    const auto& half = site(j, "HALF");
    EXPECT_NEAR(half["hits"][0]["overlap_m2"].get<double>(), 5000.0, 1e-3);
    EXPECT_NEAR(half["hits"][0]["overlap_mu"].get<double>(), 7.5, 1e-6);
    EXPECT_NEAR(half["hits"][0]["site_share"].get<double>(), 0.5, 1e-9);

    const auto& hole = site(j, "HOLE");
    EXPECT_EQ(hole["hits"][0]["overlap_m2"].get<double>(), 0.0);
    EXPECT_NEAR(hole["hits"][0]["distance_m"].get<double>(), 50.0, 1e-6);

    const auto& edge = site(j, "EDGE");
    EXPECT_EQ(edge["hits"][0]["overlap_m2"].get<double>(), 0.0);
    EXPECT_EQ(edge["hits"][0]["distance_m"].get<double>(), 0.0);

    const auto& far = site(j, "FAR");
    EXPECT_TRUE(far["hits"].empty());
    EXPECT_EQ(far["verdict"], "allowed");
}

TEST_F(ScreenCli, CsvHasTheDesignHeaderAndOneRowForAHitlessSite)
{
    const auto r = runRedline("screen --zones " + m_zones + " --sites " + m_sites +
                              " --rules none --format csv");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
              "site_id,site_name,verdict,layer,kind,zone_id,zone_name,overlap_m2,overlap_mu,"
              "site_share,overlap_length_m,distance_m,rule_ids,message,store,store_revision,"
              "rule_set,rule_set_version");
    EXPECT_NE(r.out.find("HALF,地块HALF,needs_review,ecological_redline,ecological_redline,A,"
                         "楠溪江风景名胜区,5000.0000,7.500000,0.500000000,"),
              std::string::npos)
        << r.out;
    // A site without hits: empty hit columns and message, then the provenance (store, revision
    // 0, rule set).
    EXPECT_NE(r.out.find("\nFAR,地块FAR,allowed,,,,,,,,,,,," + m_zones + ",0,none,"),
              std::string::npos)
        << r.out;
}

TEST_F(ScreenCli, LargerBufferFindsTheFarSite)
{
    const auto j = screenJson("--buffer 600");
    EXPECT_NEAR(site(j, "FAR")["hits"][0]["distance_m"].get<double>(), 500.0, 1e-6);
}

TEST_F(ScreenCli, FailOnThresholdExitsThree)
{
    const auto r = runRedline("screen --zones " + m_zones + " --sites " + m_sites +
                              " --rules none --fail-on needs_review");
    EXPECT_EQ(r.exitCode, 3);
}

TEST_F(ScreenCli, SitesInLonLatAreReprojected)
{
    // The corners of site IN converted with `cs2cs EPSG:4549 EPSG:4490` (12 decimals).
    const std::string p = m_dir.file("ll.geojson");
    redline::test::writeFile(
        p, R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"site_id":"LL"},"geometry":{"type":"Polygon","coordinates":[[[120.612102764400,28.194065850907],[120.613121190546,28.194061292732],[120.613126339802,28.194963583927],[120.612107905104,28.194968142273],[120.612102764400,28.194065850907]]]}}]})");
    const auto r = runRedline("screen --zones " + m_zones + " --sites " + p + " --rules none");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_NEAR(j["sites"][0]["hits"][0]["overlap_m2"].get<double>(), 10000.0, 0.01);
}

TEST_F(ScreenCli, GpkgOutputHasSitesAndHitsLayers)
{
    const std::string out = m_dir.file("result.gpkg");
    const auto r = runRedline("screen --zones " + m_zones + " --sites " + m_sites +
                              " --rules none --format gpkg --output " + out);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    // Counted by GDAL's ogrinfo (buffer-only hits carry no overlap geometry, which the engine's
    // reader would refuse as a site).
    const auto hits = redline::test::runCommand("ogrinfo -so " + out + " hits");
    EXPECT_NE(hits.out.find("Feature Count: 4"), std::string::npos) << hits.out; // IN HALF HOLE EDGE
    const auto sites = redline::test::runCommand("ogrinfo -so " + out + " sites");
    EXPECT_NE(sites.out.find("Feature Count: 5"), std::string::npos) << sites.out;
}

TEST_F(ScreenCli, BadInputsGiveOneLineAndExitOneWithoutOutput)
{
    const std::string out = m_dir.file("never.json");
    struct Case
    {
        std::string args;
        std::string expect;
    };
    const std::string noSuch = m_dir.file("missing.gpkg");
    const std::string garbage = m_dir.file("garbage.geojson");
    redline::test::writeFile(garbage, "{ not json");
    for (const Case& c : {Case{"--sites " + noSuch, "missing.gpkg: file not found"},
                          Case{"--sites " + garbage, "garbage.geojson: unknown or unreadable"},
                          Case{"--sites " + m_sites + " --site-layer parcels", "'parcels' not found"}})
    {
        const auto r = runRedline("screen --zones " + m_zones + " " + c.args + " --output " + out);
        EXPECT_EQ(r.exitCode, 1) << c.args;
        EXPECT_NE(r.err.find(c.expect), std::string::npos) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_FALSE(std::filesystem::exists(out));
    }
}

TEST_F(ScreenCli, UsageErrorsExitTwo)
{
    EXPECT_EQ(runRedline("screen --zones " + m_zones + " --sites " + m_sites + " --format xml").exitCode, 2);
    EXPECT_EQ(runRedline("frobnicate").exitCode, 2);
}
