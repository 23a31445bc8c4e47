// `redline screen` when some sites cannot be screened or need repair (issue 9 items 3–5): a bad
// site gets the verdict `error` with a message naming the file and the site, every other site is
// screened and written, and the exit status is 1 (it wins over --fail-on's 3). Hand-made store in
// EPSG:4549: red line A = [0,1000]² around (560000, 3120000); 界址点 lists use zone-40 prefixed
// eastings (EPSG:4528, which only adds 40 000 000 m to EPSG:4549's easting). Every expected
// number is worked out by hand in the tests. The 界址点 header has 5 lines: the first parcel's
// header line is line 6.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

#include "TestSupport.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/io/VectorWriter.hpp"

using namespace redline;
using redline::test::runCommand;
using redline::test::runRedline;
using redline::test::TempDir;
using redline::test::writeFile;

namespace
{

constexpr double kX0 = 560000, kY0 = 3120000;

Ring square(double x1, double y1, double x2, double y2)
{
    return {{kX0 + x1, kY0 + y1}, {kX0 + x2, kY0 + y1}, {kX0 + x2, kY0 + y2},
            {kX0 + x1, kY0 + y2}, {kX0 + x1, kY0 + y1}};
}

// A 界址点 point line "J<n>,1,north,east" for a point relative to (kX0, kY0), zone-40 prefixed.
std::string jzdPoint(int n, double x, double y)
{
    char buf[96];
    std::snprintf(buf, sizeof buf, "J%d,1,%.3f,%.3f\n", n, kY0 + y, 40000000 + kX0 + x);
    return buf;
}

const std::string kJzdHeader = "[属性描述]\n坐标系=2000国家大地坐标系\n几度分带=3\n带号=40\n"
                               "[地块坐标]\n";
// G1: 100 m square inside A (10000 m²).
const std::string kGood = "5,1.0,G1,好地块,面,,,,@\n" + jzdPoint(1, 100, 100) +
                          jzdPoint(2, 200, 100) + jzdPoint(3, 200, 200) + jzdPoint(4, 100, 200) +
                          jzdPoint(1, 100, 100);
// B1: bow tie inside A, (300,100)→(400,200)→(400,100)→(300,200): two triangles, 5000 m².
const std::string kBowTie = "5,0.5,B1,蝴蝶地块,面,,,,@\n" + jzdPoint(1, 300, 100) +
                            jzdPoint(2, 400, 200) + jzdPoint(3, 400, 100) +
                            jzdPoint(4, 300, 200) + jzdPoint(1, 300, 100);
// F1: four points on one line, no area even after make-valid.
const std::string kFlat = "4,0.1,F1,扁地块,面,,,,@\n" + jzdPoint(1, 500, 100) +
                          jzdPoint(2, 600, 100) + jzdPoint(3, 550, 100) + jzdPoint(1, 500, 100);
// G2: 100 m square straddling A's right edge (x = 1000): 5000 m² inside.
const std::string kGood2 = "5,1.0,G2,好地块二,面,,,,@\n" + jzdPoint(1, 950, 300) +
                           jzdPoint(2, 1050, 300) + jzdPoint(3, 1050, 400) +
                           jzdPoint(4, 950, 400) + jzdPoint(1, 950, 300);

class ScreenErrorsCli : public testing::Test
{
protected:
    void SetUp() override
    {
        gdalInit();
        m_zones = m_dir.file("zoning.gpkg");
        writeZones(m_zones, Geometry::polygon(square(0, 0, 1000, 1000)));
    }

    static void writeZones(const std::string& path, Geometry redline)
    {
        Layer zones;
        zones.name = "ecological_redline";
        zones.crs = Crs::fromEpsg(4549);
        zones.fieldNames = {"zone_id", "name", "redline_type"};
        Feature a;
        a.fid = 1;
        a.geometry = std::move(redline);
        a.attributes.set("zone_id", std::string("A"));
        a.attributes.set("name", std::string("楠溪江风景名胜区"));
        a.attributes.set("redline_type", std::string("scenic"));
        zones.features.push_back(a);
        writeLayers(path, {zones});
    }

    std::string jzd(const std::string& parcels)
    {
        const std::string path = m_dir.file("parcels.txt");
        writeFile(path, kJzdHeader + parcels);
        return path;
    }

    static const nlohmann::json& site(const nlohmann::json& j, const std::string& id)
    {
        for (const auto& s : j["sites"])
            if (s["site_id"] == id)
                return s;
        throw std::runtime_error("no site " + id);
    }

    static bool anyContains(const nlohmann::json& list, const std::string& needle)
    {
        return std::any_of(list.begin(), list.end(), [&](const nlohmann::json& w)
                           { return w.get<std::string>().find(needle) != std::string::npos; });
    }

    TempDir m_dir;
    std::string m_zones;
};

} // namespace

TEST_F(ScreenErrorsCli, BowTieParcelAmongGoodOnesIsRepairedAndEveryParcelWritten)
{
    const std::string list = jzd(kGood + kBowTie + kGood2);
    const auto r = runRedline("screen --zones " + m_zones + " --sites " + list + " --rules none");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["sites"].size(), 3u);
    EXPECT_NEAR(site(j, "G1")["hits"][0]["overlap_m2"].get<double>(), 10000.0, 1e-3);
    const auto& b = site(j, "B1");
    EXPECT_EQ(b["verdict"], "needs_review");
    EXPECT_EQ(b["geometry_type"], "MultiPolygon");
    EXPECT_NEAR(b["area_m2"].get<double>(), 5000.0, 1e-3);
    EXPECT_NEAR(b["hits"][0]["overlap_m2"].get<double>(), 5000.0, 1e-3);
    EXPECT_NEAR(b["hits"][0]["site_share"].get<double>(), 1.0, 1e-9);
    EXPECT_NEAR(site(j, "G2")["hits"][0]["overlap_m2"].get<double>(), 5000.0, 1e-3);
    EXPECT_TRUE(anyContains(j["warnings"], "parcels.txt, parcel 'B1' (line 12): invalid polygon "
                                           "(Self-intersection[40560350 3120150]) repaired with "
                                           "GEOS make-valid"))
        << j["warnings"].dump();
    EXPECT_NE(r.err.find("parcel 'B1'"), std::string::npos) << r.err;
}

TEST_F(ScreenErrorsCli, CollapsedParcelIsAnErrorSiteAndTheRunExitsOne)
{
    const std::string list = jzd(kGood + kBowTie + kFlat + kGood2);
    const std::string out = m_dir.file("result.json");
    const auto r = runRedline("screen --zones " + m_zones + " --sites " + list +
                              " --rules none --output " + out);
    EXPECT_EQ(r.exitCode, 1) << r.err;
    const auto j = nlohmann::json::parse(test::readFile(out)); // written all the same
    ASSERT_EQ(j["sites"].size(), 4u);
    EXPECT_EQ(site(j, "G1")["verdict"], "needs_review");
    EXPECT_EQ(site(j, "B1")["verdict"], "needs_review");
    EXPECT_EQ(site(j, "G2")["verdict"], "needs_review");
    const auto& f = site(j, "F1");
    EXPECT_EQ(f["verdict"], "error");
    EXPECT_EQ(f["verdict_zh"], "无法筛查");
    EXPECT_TRUE(f["hits"].empty());
    EXPECT_TRUE(f["geometry_type"].is_null());
    const std::string message = f["message"].get<std::string>();
    EXPECT_EQ(message.rfind(list + ", parcel 'F1' (line 18): invalid polygon (", 0), 0u)
        << message;
    EXPECT_NE(message.find("nothing with an area is left"), std::string::npos) << message;
    EXPECT_FALSE(site(j, "G1").contains("message")); // only error sites carry one
    // stderr: the site's message on one line, then the count.
    EXPECT_NE(r.err.find("redline: " + message + "\n"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("1 of 4 sites could not be screened"), std::string::npos) << r.err;
}

TEST_F(ScreenErrorsCli, ErrorWinsOverFailOn)
{
    const auto withError = runRedline("screen --zones " + m_zones + " --sites " +
                                      jzd(kGood + kFlat) + " --rules none --fail-on needs_review");
    EXPECT_EQ(withError.exitCode, 1) << withError.err;
    const auto without = runRedline("screen --zones " + m_zones + " --sites " + jzd(kGood) +
                                    " --rules none --fail-on needs_review");
    EXPECT_EQ(without.exitCode, 3) << without.err;
}

TEST_F(ScreenErrorsCli, EveryFormatCarriesTheErrorVerdictAndMessage)
{
    const std::string list = jzd(kGood + kFlat);
    const auto csv = runRedline("screen --zones " + m_zones + " --sites " + list +
                                " --rules none --format csv");
    EXPECT_EQ(csv.exitCode, 1);
    // The message holds commas, so it is quoted.
    const std::string flatRow =
        "\nF1,扁地块,error,,,,,,,,,,,\"" + list + ", parcel 'F1' (line 12): invalid polygon";
    EXPECT_NE(csv.out.find(flatRow), std::string::npos) << csv.out;

    const auto geojson = runRedline("screen --zones " + m_zones + " --sites " + list +
                                    " --rules none --format geojson");
    const auto g = nlohmann::json::parse(geojson.out);
    const auto& props = g["features"][1]["properties"];
    EXPECT_EQ(props["verdict"], "error");
    EXPECT_NE(props["message"].get<std::string>().find("parcel 'F1'"), std::string::npos);
    EXPECT_TRUE(g["features"][1]["geometry"].is_null());

    const std::string gpkg = m_dir.file("result.gpkg");
    const auto w = runRedline("screen --zones " + m_zones + " --sites " + list +
                              " --rules none --format gpkg --output " + gpkg);
    EXPECT_EQ(w.exitCode, 1) << w.err;
    // Read back with GDAL's own ogrinfo.
    const auto info = runCommand("ogrinfo -ro -q " + gpkg +
                                 " -sql \"SELECT site_id, verdict, message FROM sites WHERE "
                                 "verdict = 'error'\"");
    EXPECT_NE(info.out.find("site_id (String) = F1"), std::string::npos) << info.out;
    EXPECT_NE(info.out.find("parcel 'F1' (line 12)"), std::string::npos) << info.out;

    const auto html = runRedline("screen --zones " + m_zones + " --sites " + list +
                                 " --rules none --format html");
    EXPECT_NE(html.out.find("<span class=\"verdict error\">无法筛查</span>"), std::string::npos);
    EXPECT_NE(html.out.find("无法筛查：该项目未能筛查，须更正后重新筛查（" + list +
                            ", parcel 'F1' (line 12): invalid polygon"),
              std::string::npos);
    EXPECT_NE(html.out.find("无可用的用地范围，未绘制叠加图。"), std::string::npos); // no map
}

TEST_F(ScreenErrorsCli, DrawingWithNothingUsableIsOneLineAndExitOne)
{
    // A DXF (R2000) holding only a TEXT entity.
    const std::string dxf = m_dir.file("empty.dxf");
    writeFile(dxf, "0\nSECTION\n2\nHEADER\n9\n$ACADVER\n1\nAC1015\n0\nENDSEC\n0\nSECTION\n2\n"
                   "ENTITIES\n0\nTEXT\n5\n20\n8\nLABELS\n10\n560100\n20\n3120100\n30\n0\n40\n"
                   "2.5\n1\nNOTE\n0\nENDSEC\n0\nEOF\n");
    const std::string out = m_dir.file("never.json");
    const auto r = runRedline("screen --zones " + m_zones + " --sites " + dxf +
                              " --site-crs EPSG:4549 --output " + out);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("empty.dxf: no polyline to screen"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(ScreenErrorsCli, ZoningRepairsReachTheOutputsWarnings)
{
    // The red line drawn as a bow tie (0,0)→(1000,1000)→(1000,0)→(0,1000): the store's reader
    // repairs it, and the screening output says so.
    const std::string zones = m_dir.file("bowtie_zoning.gpkg");
    writeZones(zones, Geometry::polygon({{kX0, kY0},
                                         {kX0 + 1000, kY0 + 1000},
                                         {kX0 + 1000, kY0},
                                         {kX0, kY0 + 1000},
                                         {kX0, kY0}}));
    const auto r = runRedline("screen --zones " + zones + " --site-wkt 'POINT (560900 3120500)'" +
                              " --rules none");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_TRUE(anyContains(j["warnings"], "layer 'ecological_redline', feature 'A': invalid "
                                           "geometry (Self-intersection[560500 3120500]) "
                                           "repaired with make-valid"))
        << j["warnings"].dump();
    // make-valid keeps two triangles; (900, 500) lies inside the right-hand one,
    // (500,500)-(1000,1000)-(1000,0), where x > y and x + y > 1000.
    EXPECT_TRUE(j["sites"][0]["hits"][0]["contains"].get<bool>());
}

TEST_F(ScreenErrorsCli, MultiPointSiteIsContainedWithTheShareOfItsPoints)
{
    // Four points: (100,100) and (900,900) inside A, (1100,500) 100 m outside, (2000,500) far.
    const auto r = runRedline("screen --zones " + m_zones +
                              " --site-wkt 'MULTIPOINT ((560100 3120100), (560900 3120900), "
                              "(561100 3120500), (562000 3120500))' --rules none");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    const auto& hit = j["sites"][0]["hits"][0];
    EXPECT_TRUE(hit["contains"].get<bool>());
    EXPECT_DOUBLE_EQ(hit["site_share"].get<double>(), 0.5);
    EXPECT_EQ(hit["distance_m"].get<double>(), 0.0);
    EXPECT_EQ(j["sites"][0]["verdict"], "needs_review");
}
