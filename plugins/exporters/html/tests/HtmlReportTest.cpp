// HTML screening report: profile, verdict, per-layer overlap table with "不涉及", rules with
// citations, disclaimer. Figures are hand-made: a 100 m x 100 m site (10000 m² = 15 亩) with half
// of it (5000 m² = 7.5 亩, share 0.5) in a red-line zone.
#include "exporters/html/HtmlReport.hpp"

#include <sstream>

#include <gtest/gtest.h>

#include "exporters/html/ReportTerms.hpp"

using namespace redline;

namespace
{

ScreeningReport sampleReport()
{
    ScreeningReport r;
    r.redlineVersion = "0.1.0";
    r.zones = "zones.gpkg";
    r.sites = "sites.gpkg";
    r.analysisCrs = "EPSG:4549";
    r.ruleSet = "rules.yongjia";
    SiteResult s;
    s.siteId = "P01";
    s.name = "测试<项目>";
    s.geometry = Geometry::polygon({{500000, 3100000},
                                    {500100, 3100000},
                                    {500100, 3100100},
                                    {500000, 3100100},
                                    {500000, 3100000}});
    s.areaM2 = 10000;
    s.verdict = Verdict::Prohibited;
    s.attributes.set("industry_code", std::string("C2511"));
    Hit h;
    h.layer = "ecological_redline";
    h.kind = "ecological_redline";
    h.zoneId = "R1";
    h.zoneName = "测试红线";
    h.overlapM2 = 5000;
    h.siteShare = 0.5;
    h.verdict = Verdict::Prohibited;
    h.overlap = Geometry::polygon({{500000, 3100000},
                                   {500050, 3100000},
                                   {500050, 3100100},
                                   {500000, 3100100},
                                   {500000, 3100000}});
    h.rules.push_back({"RL-01", Verdict::Prohibited, "生态保护红线管理办法 第十条",
                       "红线内禁止开发性建设", "no development in the red line", "V"});
    s.hits.push_back(h);
    r.results.push_back(s);
    return r;
}

} // namespace

TEST(ReportTerms, MuAndFormats)
{
    // 1 亩 = 10000/15 m²: 10000 m² = 15 亩.
    EXPECT_DOUBLE_EQ(squareMetresToMu(10000), 15.0);
    EXPECT_EQ(formatFixed(1234.5, 2), "1234.50");
    EXPECT_EQ(formatPercent(0.097), "9.7%");
    EXPECT_EQ(zoneKindTitle("control_units"), "环境管控单元");
}

TEST(HtmlReport, HasProfileVerdictTablesRulesAndDisclaimer)
{
    std::ostringstream out;
    writeHtmlReport(sampleReport(), out);
    const std::string html = out.str();
    EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
    EXPECT_NE(html.find("测试&lt;项目&gt;"), std::string::npos); // escaped
    EXPECT_NE(html.find("10000.00 m²（15.00 亩）"), std::string::npos);
    EXPECT_NE(html.find("C2511"), std::string::npos);
    EXPECT_NE(html.find("禁止"), std::string::npos);
    // The red-line row: 5000 m², 7.50 亩, 50.0 %.
    EXPECT_NE(html.find("<td>5000.00</td><td>7.50</td><td>50.0%</td>"), std::string::npos);
    // Layers the site does not touch are listed as 不涉及.
    EXPECT_NE(html.find("饮用水水源保护区</td><td colspan=\"7\">不涉及"), std::string::npos);
    EXPECT_NE(html.find("RL-01"), std::string::npos);
    EXPECT_NE(html.find("生态保护红线管理办法 第十条"), std::string::npos);
    EXPECT_NE(html.find("红线内禁止开发性建设"), std::string::npos);
    EXPECT_NE(html.find("不构成行政许可"), std::string::npos);
    EXPECT_NE(html.find("<svg"), std::string::npos);
    // The site centre E 500050, N 3100050 in EPSG:4549, by PROJ:
    //   echo "3100050 500050" | cs2cs -f "%.6f" EPSG:4549 EPSG:4490  ->  28.014512 120.000508
    EXPECT_NE(html.find("120.000508°E, 28.014512°N"), std::string::npos) << html;
}
