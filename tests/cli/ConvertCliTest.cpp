// End-to-end `redline convert` (DESIGN A3): 界址点 list → GeoPackage/GeoJSON → 界址点 list round
// trip, GBK output, GCJ-02 input, and one-line errors with nothing left behind. Coordinates are
// the hand-made 100 m square below and cs2cs figures quoted where used.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "TestSupport.hpp"
#include "redline/io/VectorReader.hpp"

using namespace redline;
using redline::test::readFile;
using redline::test::runRedline;
using redline::test::TempDir;
using redline::test::writeFile;

namespace
{

const std::string kJzd = "[属性描述]\n"
                         "坐标系=2000国家大地坐标系\n"
                         "几度分带=3\n"
                         "带号=40\n"
                         "精度=0.001\n"
                         "[地块坐标]\n"
                         "10,0.9600,YJ-01,测试地块,面,,工业用地,0601,@\n"
                         "J1,1,3115200.000,40567700.000\n"
                         "J2,1,3115200.000,40567800.000\n"
                         "J3,1,3115300.000,40567800.000\n"
                         "J4,1,3115300.000,40567700.000\n"
                         "J1,1,3115200.000,40567700.000\n"
                         "J5,2,3115240.000,40567740.000\n"
                         "J6,2,3115240.000,40567760.000\n"
                         "J7,2,3115260.000,40567760.000\n"
                         "J8,2,3115260.000,40567740.000\n"
                         "J5,2,3115240.000,40567740.000\n";

// The [地块坐标] section of a 界址点 file (the header carries today's date).
std::string parcels(const std::string& text)
{
    return text.substr(text.find("[地块坐标]"));
}

class ConvertCli : public testing::Test
{
  protected:
    void SetUp() override { gdalInit(); }
    TempDir m_dir;
};

} // namespace

TEST_F(ConvertCli, JzdToGpkgAndBackIsExact)
{
    const std::string src = m_dir.file("site.txt");
    writeFile(src, kJzd);
    const std::string gpkg = m_dir.file("site.gpkg");
    auto r = runRedline("convert " + src + " " + gpkg);
    ASSERT_EQ(r.exitCode, 0) << r.err;

    const Layer l = readLayer(gpkg);
    ASSERT_EQ(l.features.size(), 1u);
    EXPECT_EQ(l.crs.epsg(), 4528); // source CRS kept: CGCS2000 3-degree zone 40
    EXPECT_DOUBLE_EQ(l.features[0].geometry.planarArea(), 9600.0);
    EXPECT_EQ(l.features[0].attributes.text("name"), "测试地块");

    const std::string back = m_dir.file("back.txt");
    r = runRedline("convert " + gpkg + " " + back);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(parcels(readFile(back)), parcels(kJzd));
}

TEST_F(ConvertCli, DstCrsReprojectsAndGbkEncodingIsWritten)
{
    const std::string src = m_dir.file("site.txt");
    writeFile(src, kJzd);
    const std::string out = m_dir.file("cm.txt");
    auto r = runRedline("convert " + src + " " + out + " --dst-crs EPSG:4549 --encoding gbk");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string bytes = readFile(out);
    // "[地块坐标]" in GBK: 5b b5d8 bfe9 d7f8 b1ea 5d (iconv -f UTF-8 -t GBK | xxd -p).
    EXPECT_NE(bytes.find("[\xb5\xd8\xbf\xe9\xd7\xf8\xb1\xea]"), std::string::npos);
    // EPSG:4528 → 4549 only drops the 40 000 000 m zone prefix (same central meridian 120°E).
    EXPECT_NE(bytes.find("J1,1,3115200.000,567700.000"), std::string::npos);
}

TEST_F(ConvertCli, Gcj02CsvToGeoJson)
{
    // googollee/eviltransform reference point (c/test.c @1643645a): GCJ-02 31.17530398364597 N,
    // 121.531541859215 E is WGS84 31.1774276 N, 121.5272106 E.
    const std::string src = m_dir.file("picked.csv");
    writeFile(src, "site_id,lon,lat\nSH,121.531541859215,31.17530398364597\n");
    const std::string out = m_dir.file("picked.geojson");
    const auto r = runRedline("convert " + src + " " + out + " --site-crs gcj02");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("GCJ-02"), std::string::npos);
    const Layer l = readLayer(out);
    const Point p = l.features.at(0).geometry.parts()[0][0][0];
    EXPECT_NEAR(p.x, 121.5272106, 5e-6); // 5e-6° ≈ 0.5 m
    EXPECT_NEAR(p.y, 31.1774276, 5e-6);
}

TEST_F(ConvertCli, BadInputExitsOneWithOneLineAndNoOutput)
{
    const std::string src = m_dir.file("bad.txt");
    writeFile(src, "[地块坐标]\n5,1.0,E,坏,面,,,,@\nJ1,1,3115200.000,4056x7700\n");
    const std::string out = m_dir.file("bad.gpkg");
    auto r = runRedline("convert " + src + " " + out);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("bad.txt, line 3"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out));

    r = runRedline("convert " + m_dir.file("missing.geojson") + " " + out);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("missing.geojson"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(m_dir.path()),
                            std::filesystem::directory_iterator()),
              1); // only bad.txt: no temporary file left behind
}

TEST_F(ConvertCli, JzdOutputNeedsProjectedCrsAndUnknownEncodingIsRefused)
{
    const std::string src = m_dir.file("site.txt");
    writeFile(src, kJzd);
    auto r = runRedline("convert " + src + " " + m_dir.file("x.txt") + " --dst-crs EPSG:4490");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("Gauss-Kruger"), std::string::npos) << r.err;
    r = runRedline("convert " + src + " " + m_dir.file("y.txt") + " --encoding latin1");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_FALSE(std::filesystem::exists(m_dir.file("y.txt")));
}
