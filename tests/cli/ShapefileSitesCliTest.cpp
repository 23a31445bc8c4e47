// Issue 9: the bundled sites as applicants send them — written to Shapefiles by GDAL's own
// ogr2ogr (field names cut to 10 bytes; a copy with Chinese field names, in UTF-8 and in GBK) —
// get the same verdict, site by site, as the GeoPackage; a 界址点 list and --site-wkt carry
// project attributes through --site-attr. Expected verdicts come from the GeoPackage run and from
// the dataset author's expected_verdict, never from the Shapefile runs themselves.
#include <filesystem>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "TestSupport.hpp"

namespace
{

using redline::test::runCommand;
using redline::test::runRedline;
using redline::test::sourcePath;
using redline::test::TempDir;

// site_id -> verdict from `redline screen --format csv` (first row of each site).
std::map<std::string, std::string> verdicts(const std::string& csv)
{
    std::map<std::string, std::string> out;
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line))
    {
        if (line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3);
        const auto first = line.find(',');
        const auto second = line.find(',', first + 1);
        const auto third = line.find(',', second + 1);
        if (first == std::string::npos || second == std::string::npos)
            continue;
        out.emplace(line.substr(0, first), line.substr(second + 1, third - second - 1));
    }
    return out;
}

class ShapefileSites : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        if (runCommand("ogr2ogr --version").exitCode != 0)
            GTEST_SKIP() << "ogr2ogr (gdal-bin) is not installed";
        m_catalog = sourcePath("datasets/yongjia/catalog.yaml");
        m_gpkg = sourcePath("datasets/yongjia/sites.gpkg");
        m_expected = screen("--sites '" + m_gpkg + "'");
        ASSERT_EQ(m_expected.size(), 48u);
    }

    std::map<std::string, std::string> screen(const std::string& sites)
    {
        const auto r =
            runRedline("screen --no-cache --zones '" + m_catalog + "' " + sites + " --format csv");
        EXPECT_EQ(r.exitCode, 0) << r.err;
        m_lastErr = r.err;
        return verdicts(r.out);
    }

    // One Shapefile per geometry type (a Shapefile holds one), written by ogr2ogr with `select`
    // as the field list; returns the verdicts of all of them.
    std::map<std::string, std::string> screenAsShapefiles(const std::string& select,
                                                          const std::string& encoding)
    {
        std::map<std::string, std::string> all;
        for (const char* type : {"POLYGON", "LINESTRING", "POINT"})
        {
            const std::string shp = m_dir.file(std::string(type) + "_" + encoding + ".shp");
            const auto r =
                runCommand("ogr2ogr -f 'ESRI Shapefile' -lco ENCODING=" + encoding +
                           " -nlt PROMOTE_TO_MULTI -dialect SQLite -sql \"select " + select +
                           ", geom from sites where ST_GeometryType(geom) like '%" + type +
                           "'\" '" + shp + "' '" + m_gpkg + "'");
            EXPECT_EQ(r.exitCode, 0) << r.err;
            for (auto& [site, verdict] : screen("--sites '" + shp + "'"))
                all.emplace(site, verdict);
        }
        return all;
    }

    TempDir m_dir;
    std::string m_catalog;
    std::string m_gpkg;
    std::string m_lastErr;
    std::map<std::string, std::string> m_expected;
};

TEST_F(ShapefileSites, TenByteFieldNamesGiveTheGeoPackageVerdicts)
{
    const auto got = screenAsShapefiles("*", "UTF-8");
    EXPECT_EQ(got, m_expected);
    // The last Shapefile (points) had its names cut; the run says how it read them.
    EXPECT_NE(m_lastErr.find("project_ty → project_type"), std::string::npos) << m_lastErr;
    EXPECT_NE(m_lastErr.find("discharges → discharges_pollutants"), std::string::npos);
}

// Chinese field names applicants use; cut to 10 bytes by the format: mid-character in UTF-8
// (项目类 + the first byte of 型), after five characters in GBK (是否排放污).
const char* const kChineseFields =
    "site_id, name, industry_code as 行业代码, project_type as 项目类型, construction as 建设性质, "
    "discharges_pollutants as 是否排放污染物, sewage_outfall as 是否设排污口, "
    "increases_discharge as 是否增加排污量, heavy_water_polluter as 是否严重污染水体, "
    "high_total_nitrogen as 是否总氮排放量大, new_construction_land as 是否新增建设用地, "
    "unavoidable as 是否无法避让, in_county_plan as 是否符合国土空间规划, "
    "national_major as 是否国家重大项目, zj_industrial_class as 工业项目类别";

TEST_F(ShapefileSites, ChineseFieldNamesInUtf8GiveTheGeoPackageVerdicts)
{
    EXPECT_EQ(screenAsShapefiles(kChineseFields, "UTF-8"), m_expected);
}

TEST_F(ShapefileSites, ChineseFieldNamesInGbkGiveTheGeoPackageVerdicts)
{
    EXPECT_EQ(screenAsShapefiles(kChineseFields, "CP936"), m_expected);
    EXPECT_NE(m_lastErr.find("是否排放污 → discharges_pollutants"), std::string::npos) << m_lastErr;
}

TEST_F(ShapefileSites, JsonStaysValidUtf8WithNamesCutMidCharacter)
{
    const std::string shp = m_dir.file("cut.shp");
    ASSERT_EQ(runCommand("ogr2ogr -f 'ESRI Shapefile' -lco ENCODING=UTF-8 -dialect SQLite -sql "
                         "\"select site_id, project_type as 项目类型, geom from sites where "
                         "site_id = 'D27'\" '" +
                         shp + "' '" + m_gpkg + "'")
                  .exitCode,
              0);
    const auto r = runRedline("screen --no-cache --zones '" + m_catalog + "' --sites '" + shp +
                              "' --format json");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("项目类\xEF\xBF\xBD → project_type"), std::string::npos);
}

TEST_F(ShapefileSites, JzdListTakesItsLandUseAndSiteAttributes)
{
    const std::string jzd = sourcePath("datasets/yongjia/sites_jzd.txt");
    // 地块用途 工业用地 gives an industrial project; without its class the general unit's rules
    // (TL-07 class 3 prohibited, TL-08 class 2 restricted, class 1 no rule) leave it open.
    const auto open = screen("--sites '" + jzd + "'");
    EXPECT_EQ(open.at("D27"), "needs_review");
    EXPECT_NE(m_lastErr.find("project_type taken from 地块用途 (用地用海分类): 1001 工业用地 → "
                             "industrial"),
              std::string::npos)
        << m_lastErr;
    // With the applicant's industry code (C2929, class 2) it gets the dataset's expected verdict.
    const auto stated = screen("--sites '" + jzd + "' --site-attr industry_code=C2929");
    EXPECT_EQ(stated.at("D27"), m_expected.at("D27"));
    EXPECT_EQ(stated.at("D27"), "restricted");
}

TEST_F(ShapefileSites, SiteWktCarriesSiteAttributes)
{
    // D09 (a monitoring station inside the red line) as WKT: without project attributes the
    // red-line rules cannot decide; stated as industry, ERL-02 prohibits it.
    const auto wkt = runCommand("ogr2ogr -f CSV /vsistdout/ -lco GEOMETRY=AS_WKT -sql \"select "
                                "geom from sites where site_id = 'D09'\" '" +
                                m_gpkg + "'");
    ASSERT_EQ(wkt.exitCode, 0) << wkt.err;
    const auto start = wkt.out.find("POINT");
    ASSERT_NE(start, std::string::npos) << wkt.out;
    const std::string point = wkt.out.substr(start, wkt.out.find(')', start) - start + 1);
    const auto bare = screen("--site-wkt '" + point + "'");
    ASSERT_EQ(bare.size(), 1u);
    EXPECT_EQ(bare.begin()->second, "needs_review");
    const auto factory = screen("--site-wkt '" + point + "' --site-attr project_type=工业");
    EXPECT_EQ(factory.begin()->second, "prohibited");
    const auto monitoring = screen("--site-wkt '" + point +
                                   "' --site-attr 项目类型=科研监测 --site-attr construction=新建");
    EXPECT_EQ(monitoring.begin()->second, m_expected.at("D09"));
}

TEST_F(ShapefileSites, BadFieldMappingIsAUsageErrorNamingTheField)
{
    const auto r = runRedline("screen --no-cache --zones '" + m_catalog + "' --sites '" + m_gpkg +
                              "' --fields project_type=XMLB");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("--fields project_type=XMLB: the sites have no field 'XMLB'"),
              std::string::npos)
        << r.err;
}

} // namespace
