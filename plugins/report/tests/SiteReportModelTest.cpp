// What a site's report says, on the hand-made store of ReportTestStore.hpp: 所在乡镇 from the
// measured overlaps, lengths for line sites, "outside the county" rather than a data gap, the
// provenance, the input warnings that concern the site, and the verdict sentence.
#include "report/SiteReportModel.hpp"

#include <gtest/gtest.h>

#include "report/VerdictMeaning.hpp"
#include "report/tests/ReportTestStore.hpp"

using namespace redline;

namespace
{

std::size_t indexOf(const ScreeningReport& r, const std::string& id)
{
    for (std::size_t i = 0; i < r.results.size(); ++i)
        if (r.results[i].siteId == id)
            return i;
    ADD_FAILURE() << "no site " << id;
    return 0;
}

std::string field(const std::vector<ReportField>& fields, const std::string& label)
{
    for (const ReportField& f : fields)
        if (f.label == label)
            return f.value;
    ADD_FAILURE() << "no field " << label;
    return {};
}

bool contains(const std::string& s, const std::string& part)
{
    return s.find(part) != std::string::npos;
}

} // namespace

TEST(SiteReportModel, ParcelAreasTownshipAndProvenance)
{
    const ScreeningReport r = test::reportTestReport();
    const SiteReportModel m = siteReportModel(r, indexOf(r, "P"), "2026-01-02");
    EXPECT_EQ(field(m.profile, "所在乡镇"), "甲镇");
    EXPECT_EQ(field(m.profile, "几何类型"), "面");
    // 100 m x 100 m = 10000 m² = 15 亩.
    EXPECT_EQ(field(m.profile, "用地面积"), "10000.00 m²（15.00 亩）");
    EXPECT_EQ(m.hits.header[2], "重叠面积（m²）");
    bool unitA = false;
    for (const ReportRow& row : m.hits.rows)
        if (row.cells[1] == "单元A\nZH33032410001")
        {
            unitA = true;
            EXPECT_EQ(row.cells[2], "10000.00");
            EXPECT_EQ(row.cells[3], "15.00");
            EXPECT_EQ(row.cells[4], "100.0%");
        }
    EXPECT_TRUE(unitA);
    // The red line (untouched) is listed as 不涉及.
    EXPECT_EQ(m.hits.rows.front().cells[0], "生态保护红线");
    EXPECT_EQ(m.hits.rows.front().cells[1], "不涉及");
    EXPECT_EQ(field(m.provenance, "分区数据"), "report-test.gpkg");
    EXPECT_EQ(field(m.provenance, "数据版本"), "修订版本 7");
    EXPECT_EQ(field(m.provenance, "规则集"), "none（版本 1）");
    EXPECT_TRUE(contains(field(m.provenance, "生成"), "2026-01-02"));
}

TEST(SiteReportModel, LineSitesGiveLengthsAndShares)
{
    const ScreeningReport r = test::reportTestReport();
    const SiteReportModel m = siteReportModel(r, indexOf(r, "L"), "2026-01-02");
    // 600 m of the 1000 m line lie in 乙镇, 400 m in 甲镇: the larger share first.
    EXPECT_EQ(field(m.profile, "所在乡镇"), "乙镇、甲镇");
    EXPECT_EQ(field(m.profile, "线路长度"), "1000.0 m");
    ASSERT_EQ(m.hits.header.size(), 6u);
    EXPECT_EQ(m.hits.header[2], "重叠长度（m）");
    EXPECT_EQ(m.hits.header[3], "占线路长度比例");
    std::map<std::string, std::pair<std::string, std::string>> byZone;
    for (const ReportRow& row : m.hits.rows)
        byZone[row.cells[1]] = {row.cells[2], row.cells[3]};
    EXPECT_EQ(byZone["测试红线\nR1"], std::make_pair(std::string("400.0"), std::string("40.0%")));
    EXPECT_EQ(byZone["单元A\nZH33032410001"],
              std::make_pair(std::string("400.0"), std::string("40.0%")));
    EXPECT_EQ(byZone["单元B\nZH33032420002"],
              std::make_pair(std::string("600.0"), std::string("60.0%")));
    for (const ReportRow& row : m.hits.rows)
        for (const std::string& cell : row.cells)
            EXPECT_FALSE(contains(cell, "m²")) << cell;
}

TEST(SiteReportModel, SiteOutsideTheCountyIsCalledSoNotADataGap)
{
    ScreeningReport r = test::reportTestReport();
    const std::size_t o = indexOf(r, "O");
    // As rules.yongjia reports a site in no control unit (TL-10).
    r.results[o].verdict = Verdict::NeedsReview;
    r.results[o].warnings.push_back(
        "TL-10 (needs_review): 场址不在任何环境管控单元内（数据缺口），需核实所属管控单元 / The "
        "site lies outside every environmental control unit (data gap); confirm its unit");
    const SiteReportModel m = siteReportModel(r, o, "2026-01-02");
    EXPECT_EQ(m.location.county, CountyRelation::Outside);
    EXPECT_EQ(field(m.profile, "所在乡镇"), "县域范围外");
    EXPECT_EQ(m.verdictMeaning.rfind("站点位于县域范围外", 0), 0u) << m.verdictMeaning;
    ASSERT_FALSE(m.notes.empty());
    EXPECT_TRUE(contains(m.notes.front(), "站点位于县域范围外（测试县）")) << m.notes.front();
    EXPECT_TRUE(contains(m.notes.front(), "TL-10")) << m.notes.front();
    for (const std::string& n : m.notes)
        EXPECT_FALSE(contains(n, "数据缺口")) << n;
    EXPECT_TRUE(m.rules.rows.empty());
    EXPECT_EQ(m.noRulesText, "站点位于县域范围外，本县规则不适用。");
    // Inside the county the same rule keeps its own words, as a row of the rule table.
    const std::size_t p = indexOf(r, "P");
    r.results[p].warnings = r.results[o].warnings;
    const SiteReportModel inside = siteReportModel(r, p, "2026-01-02");
    EXPECT_EQ(inside.location.county, CountyRelation::Inside);
    ASSERT_FALSE(inside.rules.rows.empty());
    const ReportRow& tl10 = inside.rules.rows.back();
    EXPECT_EQ(tl10.cells[0], "TL-10");
    EXPECT_EQ(tl10.cells[1], "（整个场址）");
    EXPECT_EQ(tl10.cells[2], "需进一步论证");
    EXPECT_EQ(tl10.cells[3], "场址不在任何环境管控单元内（数据缺口），需核实所属管控单元");
}

TEST(SiteReportModel, InputWarningsNamingAnotherSiteStayOutOfThisReport)
{
    ScreeningReport r = test::reportTestReport();
    r.warnings = {"sites.txt is on the Xian 1980 datum (EPSG:2384): PROJ has no published "
                  "transformation to CGCS2000",
                  "sites.txt, parcel 'P' (line 3): header area 1.5 ha differs from the "
                  "coordinates' Gauss-Kruger area 1.0000 ha",
                  "sites.txt, parcel 'S2' (line 9): header 界址点数=6 but 5 point lines follow."};
    const std::vector<std::string> forP = inputWarningsFor(r, indexOf(r, "P"));
    ASSERT_EQ(forP.size(), 2u);
    EXPECT_TRUE(contains(forP[0], "Xian 1980"));
    EXPECT_TRUE(contains(forP[1], "parcel 'P'"));
    const SiteReportModel m = siteReportModel(r, indexOf(r, "P"), "2026-01-02");
    bool datum = false;
    for (const std::string& n : m.notes)
    {
        datum = datum || contains(n, "Xian 1980");
        EXPECT_FALSE(contains(n, "'S2'")) << n;
    }
    EXPECT_TRUE(datum);
}

TEST(VerdictMeaning, SaysWhatEachVerdictAsksOfTheApplicant)
{
    SiteResult s;
    s.verdict = Verdict::Restricted;
    Hit h;
    h.zoneName = "测试红线";
    h.kind = "ecological_redline";
    h.overlapM2 = 10;
    h.verdict = Verdict::Restricted;
    h.rules.push_back({"ERL-03", Verdict::Restricted, "142号",
                       "线性基础设施属允许的有限人为活动；新增建设用地的须取得省级人民政府认定意见",
                       "", "V"});
    h.rules.push_back({"TL-01", Verdict::NeedsReview, "", "其他理由", "", "V"});
    s.hits.push_back(h);
    SiteLocation inside;
    inside.county = CountyRelation::Inside;
    std::string text = verdictMeaning(s, inside);
    EXPECT_EQ(text.rfind("限制：", 0), 0u) << text;
    EXPECT_TRUE(contains(text, "ERL-03：线性基础设施属允许的有限人为活动；新增建设用地的须取得"
                               "省级人民政府认定意见"))
        << text;
    EXPECT_FALSE(contains(text, "其他理由")) << text; // not the rule that decided

    s.verdict = Verdict::Prohibited;
    s.hits[0].verdict = Verdict::Prohibited;
    s.hits[0].rules[0].verdict = Verdict::Prohibited;
    text = verdictMeaning(s, inside);
    EXPECT_EQ(text.rfind("禁止：", 0), 0u) << text;
    EXPECT_TRUE(contains(text, "避让测试红线")) << text;

    SiteResult none;
    none.verdict = Verdict::Allowed;
    EXPECT_EQ(verdictMeaning(none, inside).rfind("允许：", 0), 0u);
    none.verdict = Verdict::NeedsReview;
    EXPECT_EQ(verdictMeaning(none, inside).rfind("需进一步论证：", 0), 0u);
}
