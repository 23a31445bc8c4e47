// import.jzd on 界址点 lists written by the tests, one per variant of JZD_FORMAT.md. Expected
// coordinates and areas are computed by hand from the squares below (metres, zone-40 prefixed
// CGCS2000 Gauss–Krüger, EPSG:4528): S = 100 m square (1 ha), H = 20 m hole inside S (400 m²),
// P = separate 50 m square (2 500 m²), I = 4 m island inside H (16 m²).

#include <gtest/gtest.h>

#include <string>

#include "TestSupport.hpp"
#include "importers/jzd/JzdImporter.hpp"
#include "redline/core/Error.hpp"

using redline::GeometryType;
using redline::JzdImporter;
using redline::Layer;
using redline::test::TempDir;
using redline::test::writeFile;

namespace
{

const std::string kHeader = "[属性描述]\n"
                            "格式版本号=1.01\n"
                            "坐标系=2000国家大地坐标系\n"
                            "几度分带=3\n"
                            "投影类型=高斯克吕格\n"
                            "计量单位=米\n"
                            "带号=40\n"
                            "精度=0.001\n"
                            "转换参数=,,,,,,\n"
                            "[地块坐标]\n";

// Square ring with lower-left (east, north) and side, as 点号,圈号,X(north),Y(east) lines.
std::string square(int ring, double east, double north, double side, int firstPoint,
                   bool swapColumns = false, bool close = true)
{
    const double xs[] = {east, east + side, east + side, east};
    const double ys[] = {north, north, north + side, north + side};
    std::string out;
    char buf[128];
    for (int k = 0; k < (close ? 5 : 4); ++k)
    {
        const int i = k % 4;
        const double a = swapColumns ? xs[i] : ys[i];
        const double b = swapColumns ? ys[i] : xs[i];
        std::snprintf(buf, sizeof buf, "J%d,%d,%.3f,%.3f\r\n", firstPoint + i, ring, a, b);
        out += buf;
    }
    return out;
}

constexpr double kE = 40567700.0; // zone prefix 40
constexpr double kN = 3115200.0;

Layer readText(const TempDir& dir, const std::string& text, const std::string& name = "jzd.txt")
{
    const std::string path = dir.file(name);
    writeFile(path, text);
    JzdImporter importer;
    EXPECT_TRUE(importer.canRead(path));
    return importer.read(path);
}

bool anyWarningContains(const Layer& l, const std::string& needle)
{
    for (const auto& w : l.warnings)
        if (w.find(needle) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST(JzdImporter, Utf8ParcelWithHoleByContainment)
{
    TempDir dir;
    const Layer l =
        readText(dir, kHeader + "10,0.96,YJ-01,测试地块一,面,,工业用地,0601,@\n" +
                          square(1, kE, kN, 100, 1) + square(2, kE + 40, kN + 40, 20, 5));
    ASSERT_EQ(l.features.size(), 1u);
    EXPECT_EQ(l.crs.epsg(), 4528);
    const auto& g = l.features[0].geometry;
    EXPECT_EQ(g.type(), GeometryType::Polygon);
    ASSERT_EQ(g.parts().size(), 1u);
    ASSERT_EQ(g.parts()[0].size(), 2u); // shell + hole
    EXPECT_DOUBLE_EQ(g.planarArea(), 10000.0 - 400.0);
    EXPECT_EQ(g.parts()[0][0][0].x, 40567700.0); // easting from column 4
    EXPECT_EQ(g.parts()[0][0][0].y, 3115200.0);
    const auto& a = l.features[0].attributes;
    EXPECT_EQ(a.text("site_id"), "YJ-01");
    EXPECT_EQ(a.text("name"), "测试地块一");
    EXPECT_EQ(a.text("地块用途"), "工业用地");
    EXPECT_EQ(a.text("地类编码"), "0601");
    EXPECT_DOUBLE_EQ(*a.number("area_ha"), 0.96);
    EXPECT_TRUE(l.warnings.empty()) << l.warnings.front();
}

TEST(JzdImporter, Utf8WithBom)
{
    TempDir dir;
    const Layer l = readText(dir, "\xEF\xBB\xBF" + kHeader + "5,1.0,B1,带BOM,面,,,,@\n" +
                                      square(1, kE, kN, 100, 1));
    ASSERT_EQ(l.features.size(), 1u);
    EXPECT_EQ(l.features[0].attributes.text("name"), "带BOM");
    EXPECT_DOUBLE_EQ(l.features[0].geometry.planarArea(), 10000.0);
}

TEST(JzdImporter, GbkFile)
{
    // GBK bytes from `printf '%s' TEXT | iconv -f UTF-8 -t GBK | xxd -p`:
    //   "坐标系=2000国家大地坐标系" d7f8b1eacfb53d32303030b9fabcd2b4f3b5d8d7f8b1eacfb5
    //   "[地块坐标]" 5bb5d8bfe9d7f8b1ea5d, "测试地块" b2e2cad4b5d8bfe9, "面" c3e6
    const std::string text =
        "\xd7\xf8\xb1\xea\xcf\xb5=2000\xb9\xfa\xbc\xd2\xb4\xf3\xb5\xd8\xd7\xf8\xb1\xea\xcf\xb5\n"
        "\xb4\xf8\xba\xc5=40\n" // 带号 (GBK b4f8 bac5)
        "[\xb5\xd8\xbf\xe9\xd7\xf8\xb1\xea]\n"
        "5,1.0,G1,\xb2\xe2\xca\xd4\xb5\xd8\xbf\xe9,\xc3\xe6,,,,@\n" +
        square(1, kE, kN, 100, 1);
    TempDir dir;
    const Layer l = readText(dir, text);
    ASSERT_EQ(l.features.size(), 1u);
    EXPECT_EQ(l.features[0].attributes.text("name"), "测试地块");
    EXPECT_EQ(l.features[0].geometry.type(), GeometryType::Polygon);
    EXPECT_EQ(l.crs.epsg(), 4528);
}

TEST(JzdImporter, SwappedColumnsDetectedByMagnitude)
{
    TempDir dir;
    const Layer l = readText(dir, kHeader + "5,1.0,S1,调换,面,,,,@\n" +
                                      square(1, kE, kN, 100, 1, /*swapColumns=*/true));
    const auto& ring = l.features[0].geometry.parts()[0][0];
    EXPECT_EQ(ring[0].x, 40567700.0);
    EXPECT_EQ(ring[0].y, 3115200.0);
    EXPECT_EQ(ring[1].x, 40567800.0);
    EXPECT_EQ(l.crs.epsg(), 4528);
    EXPECT_TRUE(anyWarningContains(l, "column 3 holds the easting"));
}

TEST(JzdImporter, SecondRingOutsideIsAPartNotAHole)
{
    TempDir dir;
    const Layer l = readText(dir, kHeader + "10,1.25,M1,两块,面,,,,@\n" +
                                      square(1, kE, kN, 100, 1) + square(2, kE + 200, kN, 50, 5));
    const auto& g = l.features[0].geometry;
    EXPECT_EQ(g.type(), GeometryType::MultiPolygon);
    ASSERT_EQ(g.parts().size(), 2u);
    EXPECT_EQ(g.parts()[0].size(), 1u);
    EXPECT_EQ(g.parts()[1].size(), 1u);
    EXPECT_DOUBLE_EQ(g.planarArea(), 10000.0 + 2500.0);
    EXPECT_TRUE(l.warnings.empty());
}

TEST(JzdImporter, IslandInsideHoleIsAnotherPart)
{
    TempDir dir;
    const Layer l =
        readText(dir, kHeader + "15,0.9616,I1,岛,面,,,,@\n" + square(1, kE, kN, 100, 1) +
                          square(2, kE + 40, kN + 40, 20, 5) + square(3, kE + 48, kN + 48, 4, 9));
    const auto& g = l.features[0].geometry;
    EXPECT_EQ(g.type(), GeometryType::MultiPolygon);
    ASSERT_EQ(g.parts().size(), 2u);
    EXPECT_EQ(g.parts()[0].size(), 2u); // shell with hole
    EXPECT_EQ(g.parts()[1].size(), 1u); // island
    EXPECT_DOUBLE_EQ(g.planarArea(), 10000.0 - 400.0 + 16.0);
    EXPECT_TRUE(l.warnings.empty());
}

TEST(JzdImporter, SeveralParcelsPerFile)
{
    TempDir dir;
    const Layer l = readText(dir, kHeader + "5,1.0,A,甲,面,,,,@\n" + square(1, kE, kN, 100, 1) +
                                      "5,0.25,B,乙,面,,,,@\n" + square(1, kE + 500, kN, 50, 1));
    ASSERT_EQ(l.features.size(), 2u);
    EXPECT_EQ(l.features[0].attributes.text("site_id"), "A");
    EXPECT_EQ(l.features[1].attributes.text("site_id"), "B");
    EXPECT_DOUBLE_EQ(l.features[1].geometry.planarArea(), 2500.0);
    EXPECT_EQ(l.features[1].geometry.envelope().minX, 40568200.0);
}

TEST(JzdImporter, HeaderZoneMismatchTrustsPrefix)
{
    std::string header = kHeader;
    header.replace(header.find("带号=40"), std::string("带号=40").size(), "带号=38");
    TempDir dir;
    const Layer l = readText(dir, header + "5,1.0,Z,错带,面,,,,@\n" + square(1, kE, kN, 100, 1));
    EXPECT_EQ(l.crs.epsg(), 4528); // 4488 + 40
    EXPECT_TRUE(anyWarningContains(l, "带号=38"));
    EXPECT_TRUE(anyWarningContains(l, "zone prefix 40"));
}

TEST(JzdImporter, WrongHeaderAreaWarnsWithTolerance)
{
    TempDir dir;
    const Layer l =
        readText(dir, kHeader + "5,6.5,W,错面积,面,,,,@\n" + square(1, kE, kN, 100, 1) +
                          "5,10000,U,平方米,面,,,,@\n" + square(1, kE + 500, kN, 100, 1) +
                          "5,1.004,OK,容差内,面,,,,@\n" + square(1, kE + 900, kN, 100, 1));
    ASSERT_EQ(l.features.size(), 3u);
    EXPECT_TRUE(anyWarningContains(l, "parcel 'W'"));
    EXPECT_TRUE(anyWarningContains(l, "1.0000 ha"));
    EXPECT_TRUE(anyWarningContains(l, "square metres"));
    EXPECT_FALSE(anyWarningContains(l, "parcel 'OK'")); // 0.4 % off: inside the 1 % tolerance
}

TEST(JzdImporter, PointCountWithOrWithoutClosingRepeat)
{
    TempDir dir;
    const Layer l =
        readText(dir, kHeader + "4,1.0,C4,不计闭合,面,,,,@\n" + square(1, kE, kN, 100, 1) +
                          "5,1.0,C5,计闭合,面,,,,@\n" + square(1, kE + 500, kN, 100, 1) +
                          "7,1.0,C7,错数,面,,,,@\n" + square(1, kE + 900, kN, 100, 1));
    EXPECT_FALSE(anyWarningContains(l, "'C4'"));
    EXPECT_FALSE(anyWarningContains(l, "'C5'"));
    EXPECT_TRUE(anyWarningContains(l, "界址点数=7"));
}

TEST(JzdImporter, UnclosedRingIsClosedWithWarning)
{
    TempDir dir;
    const Layer l = readText(dir, kHeader + "4,1.0,O,未闭合,面,,,,@\n" +
                                      square(1, kE, kN, 100, 1, false, /*close=*/false));
    const auto& ring = l.features[0].geometry.parts()[0][0];
    ASSERT_EQ(ring.size(), 5u);
    EXPECT_EQ(ring.front(), ring.back());
    EXPECT_DOUBLE_EQ(l.features[0].geometry.planarArea(), 10000.0);
    EXPECT_TRUE(anyWarningContains(l, "not closed"));
}

TEST(JzdImporter, NoPrefixUsesHeaderZoneCmVariant)
{
    TempDir dir;
    const Layer l =
        readText(dir, kHeader + "5,1.0,N,无带号前缀,面,,,,@\n" + square(1, 567700, kN, 100, 1));
    EXPECT_EQ(l.crs.epsg(), 4549); // CGCS2000 3-degree CM 120E = 3 × 40
    EXPECT_EQ(l.features[0].geometry.parts()[0][0][0].x, 567700.0);
}

TEST(JzdImporter, NoPrefixNoZoneLeavesCrsUnknown)
{
    std::string header = kHeader;
    header.erase(header.find("带号=40\n"), std::string("带号=40\n").size());
    TempDir dir;
    const Layer l =
        readText(dir, header + "5,1.0,N,无带号,面,,,,@\n" + square(1, 567700, kN, 100, 1));
    EXPECT_FALSE(l.crs.isValid());
    EXPECT_TRUE(anyWarningContains(l, "--site-crs"));
}

TEST(JzdImporter, LegacyDatumHeaders)
{
    std::string xian = kHeader;
    xian.replace(xian.find("2000国家大地坐标系"), std::string("2000国家大地坐标系").size(),
                 "1980西安坐标系");
    std::string beijing = kHeader;
    beijing.replace(beijing.find("2000国家大地坐标系"), std::string("2000国家大地坐标系").size(),
                    "1954北京坐标系");
    TempDir dir;
    const std::string parcel = "5,1.0,X,旧坐标,面,,,,@\n" + square(1, kE, kN, 100, 1);
    // EPSG:2364 = Xian 1980 / 3-degree Gauss-Kruger zone 40; 2416 = Beijing 1954 zone 40
    // (projinfo EPSG:2364 / EPSG:2416).
    EXPECT_EQ(readText(dir, xian + parcel, "x.txt").crs.epsg(), 2364);
    EXPECT_EQ(readText(dir, beijing + parcel, "b.txt").crs.epsg(), 2416);
}

TEST(JzdImporter, LineAndPointParcels)
{
    TempDir dir;
    const Layer l = readText(dir, kHeader + "3,,L,管线,线,,,,@\n"
                                            "J1,1,3115200.000,40567700.000\n"
                                            "J2,1,3115200.000,40567800.000\n"
                                            "J3,1,3115300.000,40567800.000\n"
                                            "1,,P,井,点,,,,@\n"
                                            "J1,1,3115250.000,40567750.000\n");
    ASSERT_EQ(l.features.size(), 2u);
    EXPECT_EQ(l.features[0].geometry.type(), GeometryType::LineString);
    EXPECT_DOUBLE_EQ(l.features[0].geometry.planarLength(), 200.0);
    EXPECT_EQ(l.features[1].geometry.type(), GeometryType::Point);
}

TEST(JzdImporter, BadCoordinateNamesFileAndLine)
{
    TempDir dir;
    const std::string path = dir.file("bad.txt");
    writeFile(path, kHeader + "5,1.0,E,坏,面,,,,@\nJ1,1,3115200.000,4056x7700\n");
    try
    {
        (void)JzdImporter().read(path);
        FAIL() << "expected IoError";
    }
    catch (const redline::IoError& e)
    {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("bad.txt, line 12"), std::string::npos) << msg;
        EXPECT_NE(msg.find("4056x7700"), std::string::npos) << msg;
        EXPECT_EQ(msg.find('\n'), std::string::npos);
    }
}

TEST(JzdImporter, CanReadOnlyCoordinateLists)
{
    TempDir dir;
    writeFile(dir.file("notes.txt"), "just some notes\n");
    writeFile(dir.file("sites.csv"), kHeader);
    EXPECT_FALSE(JzdImporter().canRead(dir.file("notes.txt")));
    EXPECT_FALSE(JzdImporter().canRead(dir.file("sites.csv")));
    EXPECT_FALSE(JzdImporter().canRead(dir.file("missing.txt")));
}

TEST(JzdImporter, SelfIntersectingParcelIsRepairedWithAWarning)
{
    // Bow tie: J1 (0,0) → J2 (100,100) → J3 (100,0) → J4 (0,100) → J1; edges J1–J2 and J3–J4
    // cross at (50, 50) relative to the corner. make-valid keeps both triangles: 2 × 2500 m²,
    // which the header's 0.5 ha agrees with (no area warning).
    TempDir dir;
    const Layer l = readText(dir, kHeader + "5,0.5,X,自相交,面,,,,@\n"
                                            "J1,1,3115200.000,40567700.000\n"
                                            "J2,1,3115300.000,40567800.000\n"
                                            "J3,1,3115200.000,40567800.000\n"
                                            "J4,1,3115300.000,40567700.000\n"
                                            "J1,1,3115200.000,40567700.000\n");
    ASSERT_EQ(l.features.size(), 1u);
    EXPECT_TRUE(l.features[0].error.empty()) << l.features[0].error;
    EXPECT_EQ(l.features[0].geometry.type(), GeometryType::MultiPolygon);
    EXPECT_NEAR(l.features[0].geometry.planarArea(), 5000.0, 1e-6);
    ASSERT_EQ(l.warnings.size(), 1u) << l.warnings.front();
    const std::string& w = l.warnings[0];
    EXPECT_NE(w.find("jzd.txt, parcel 'X' (line 11)"), std::string::npos) << w;
    EXPECT_NE(w.find("invalid polygon (Self-intersection[40567750 3115250]) repaired with GEOS "
                     "make-valid"),
              std::string::npos)
        << w;
    EXPECT_NE(w.find("ring 圈号 1 crosses itself near (40567750.000, 3115250.000)"),
              std::string::npos)
        << w;
    // The plain squares of the other tests never trigger it (checked there: no warnings).
}

TEST(JzdImporter, ParcelWithoutAreaIsAnUnusableSiteAmongGoodOnes)
{
    // Parcel F's four points lie on one line: no polygon, even after make-valid. The file's
    // other parcels are read as usual and F keeps its header attributes.
    TempDir dir;
    const Layer l = readText(dir, kHeader + "5,1.0,G,好,面,,,,@\n" + square(1, kE, kN, 100, 1) +
                                      "4,0.1,F,扁,面,,,,@\n"
                                      "J1,1,3115200.000,40567900.000\n"
                                      "J2,1,3115200.000,40568000.000\n"
                                      "J3,1,3115200.000,40567950.000\n"
                                      "J1,1,3115200.000,40567900.000\n" +
                                      "5,1.0,H,好二,面,,,,@\n" +
                                      square(1, kE + 300, kN, 100, 1));
    ASSERT_EQ(l.features.size(), 3u);
    EXPECT_DOUBLE_EQ(l.features[0].geometry.planarArea(), 10000.0);
    EXPECT_DOUBLE_EQ(l.features[2].geometry.planarArea(), 10000.0);
    const auto& f = l.features[1];
    EXPECT_TRUE(f.geometry.isEmpty());
    EXPECT_EQ(f.attributes.text("site_id"), "F");
    EXPECT_EQ(f.attributes.text("name"), "扁");
    EXPECT_NE(f.error.find("jzd.txt, parcel 'F' (line 17)"), std::string::npos) << f.error;
    EXPECT_NE(f.error.find("nothing with an area is left"), std::string::npos) << f.error;
    EXPECT_EQ(f.error.find('\n'), std::string::npos);
}

TEST(JzdImporter, ParcelWithTooFewPointsIsAnUnusableSite)
{
    TempDir dir;
    const Layer l = readText(dir, kHeader + "5,1.0,G,好,面,,,,@\n" + square(1, kE, kN, 100, 1) +
                                      "2,,T,两点,面,,,,@\n"
                                      "J1,1,3115200.000,40567900.000\n"
                                      "J2,1,3115200.000,40568000.000\n");
    ASSERT_EQ(l.features.size(), 2u);
    EXPECT_TRUE(l.features[0].error.empty());
    EXPECT_NE(l.features[1].error.find("parcel 'T'"), std::string::npos) << l.features[1].error;
    EXPECT_NE(l.features[1].error.find("fewer than 3 distinct points"), std::string::npos)
        << l.features[1].error;
}

TEST(JzdImporter, HeaderZoneGivenAsCentralMeridian)
{
    std::string header = kHeader;
    header.replace(header.find("带号=40"), std::string("带号=40").size(), "带号=120");
    TempDir dir;
    const Layer l =
        readText(dir, header + "5,1.0,C,中央经线,面,,,,@\n" + square(1, 567700, kN, 100, 1));
    EXPECT_EQ(l.crs.epsg(), 4549); // CM 120°E, no prefix
}

TEST(JzdImporter, SixDegreeZonePrefix)
{
    // echo "28.15 120.69" | cs2cs -d 3 EPSG:4490 EPSG:4498 → 3120578.257 20862591.491
    // (EPSG:4498 = CGCS2000 / Gauss-Kruger zone 20, 6-degree, CM 117°E).
    std::string header = kHeader;
    header.replace(header.find("几度分带=3"), std::string("几度分带=3").size(), "几度分带=6");
    header.replace(header.find("带号=40"), std::string("带号=40").size(), "带号=20");
    TempDir dir;
    const Layer l = readText(dir, header + "1,,P,六度带,点,,,,@\nJ1,1,3120578.257,20862591.491\n");
    EXPECT_EQ(l.crs.epsg(), 4498);
    EXPECT_TRUE(l.warnings.empty());
}
