#include "report/SiteReportModel.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>

#include "redline/geo/CrsTransform.hpp"
#include "redline/rules/Terms.hpp"

#include "report/ReportTerms.hpp"
#include "report/SiteRuleWarning.hpp"
#include "report/VerdictMeaning.hpp"

namespace redline
{
namespace
{

std::string attributeOr(const Attributes& a, const char* name, const std::string& fallback)
{
    const auto v = a.text(name);
    return v && !v->empty() ? *v : fallback;
}

// The Chinese label of a vocabulary attribute (project_type, construction); the value as given
// when the vocabulary does not know it, so that nothing is hidden.
std::string labelled(const Attributes& a, const char* domain)
{
    const std::string value = attributeOr(a, domain, "");
    if (value.empty())
        return "—";
    const std::vector<std::string> values = canonicalValues(domain, value);
    std::string out;
    for (const std::string& v : values)
        out += (out.empty() ? "" : "、") + zhLabel(domain, v);
    return out.empty() ? value : out;
}

Point centreOf(const Geometry& g)
{
    const Envelope& e = g.envelope();
    return {(e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2};
}

std::string lonLatText(const ScreeningReport& report, Point centre)
{
    try
    {
        const Crs analysis =
            report.zoning ? report.zoning->analysisCrs() : Crs::fromUserInput(report.analysisCrs);
        // One transform per call: CrsTransform is not thread-safe.
        const Point ll = CrsTransform(analysis, Crs::fromEpsg(4490)).apply(centre);
        return formatFixed(ll.x, 6) + "°E，" + formatFixed(ll.y, 6) + "°N";
    }
    catch (const std::exception&)
    {
        return "—"; // no degrees then; the report still stands
    }
}

std::string storeText(const ScreeningReport& r)
{
    return r.store.empty() ? r.zones : r.store;
}

std::vector<ReportField> provenanceOf(const ScreeningReport& r, const std::string& date)
{
    return {
        {"分区数据", storeText(r)},
        {"数据版本", r.storeRevision ? "修订版本 " + std::to_string(*r.storeRevision)
                                     : std::string("未记录（该数据源无修订版本）")},
        {"规则集",
         (r.ruleSet.empty() ? std::string("—") : r.ruleSet) +
             (r.ruleSetVersion.empty() ? std::string() : "（版本 " + r.ruleSetVersion + "）")},
        {"项目来源", r.sites.empty() ? std::string("—") : r.sites},
        {"坐标系", r.analysisCrs + "；面积为该坐标系平面面积，1 亩 = 666.67 m²"},
        {"生成", "Redline " + r.redlineVersion + "，" + date},
    };
}

std::vector<ReportField> profileOf(const ScreeningReport& report, const SiteResult& s,
                                   const SiteLocation& location)
{
    std::string township = location.townshipText();
    if (township == "—")
        township = attributeOr(s.attributes, "township", township);
    const Point c = centreOf(s.geometry);
    std::vector<ReportField> out = {
        {"项目名称", s.name.empty() ? "—" : s.name},
        {"项目编号", s.siteId},
        {"所在乡镇", township},
        {"几何类型", s.geometry.isEmpty() ? std::string("—") : geometryTypeTitle(s.geometry.type())},
        {"中心点坐标（" + report.analysisCrs + "）",
         "X " + formatFixed(c.x, 2) + "，Y " + formatFixed(c.y, 2)},
        {"经纬度（CGCS2000）", lonLatText(report, c)},
    };
    switch (s.geometry.dimension())
    {
    case Dimension::Area:
        out.push_back({"用地面积", formatFixed(s.areaM2, 2) + " m²（" +
                                       formatFixed(squareMetresToMu(s.areaM2), 2) + " 亩）"});
        break;
    case Dimension::Line:
        out.push_back({"线路长度", formatFixed(s.lengthM, 1) + " m"});
        break;
    case Dimension::Point:
        out.push_back({"点位数量", std::to_string(s.geometry.parts().size())});
        break;
    }
    out.push_back({"行业代码", attributeOr(s.attributes, "industry_code", "—")});
    out.push_back({"项目类型", labelled(s.attributes, "project_type")});
    out.push_back({"建设性质", labelled(s.attributes, "construction")});
    return out;
}

std::string distanceText(const Hit& h)
{
    if (!h.isBufferOnly())
        return "—";
    return formatFixed(h.distanceM, 1) + (h.distanceM <= 0 ? "（仅边界接触）" : "");
}

// Columns by what the site is: areas for parcels, lengths for lines, inside or not for points.
ReportTable hitTable(const SiteResult& s)
{
    ReportTable t;
    const Dimension dim = s.geometry.dimension();
    const bool multiPoint = s.geometry.type() == GeometryType::MultiPoint;
    if (dim == Dimension::Area)
    {
        t.header = {"图层",
                    "分区名称（编号）",
                    "重叠面积（m²）",
                    "重叠面积（亩）",
                    "占项目用地比例",
                    "距离（m）",
                    "结论"};
        t.widths = {0.15, 0.29, 0.13, 0.11, 0.11, 0.09, 0.12};
    }
    else if (dim == Dimension::Line)
    {
        t.header = {"图层",           "分区名称（编号）", "重叠长度（m）",
                    "占线路长度比例", "距离（m）",        "结论"};
        t.widths = {0.16, 0.34, 0.14, 0.14, 0.10, 0.12};
    }
    else
    {
        t.header = {"图层", "分区名称（编号）", multiPoint ? "区内点位比例" : "点位位置",
                    "距离（m）", "结论"};
        t.widths = {0.16, 0.38, 0.2, 0.12, 0.14};
    }
    t.verdictColumn = static_cast<int>(t.header.size()) - 1;

    std::vector<std::string> kinds = reportedKinds();
    for (const Hit& h : s.hits)
        if (std::find(kinds.begin(), kinds.end(), h.kind) == kinds.end())
            kinds.push_back(h.kind);
    for (const std::string& kind : kinds)
    {
        bool any = false;
        for (const Hit& h : s.hits)
        {
            if (h.kind != kind)
                continue;
            any = true;
            ReportRow row;
            row.cells = {zoneKindTitle(kind), h.zoneName + "\n" + h.zoneId};
            if (dim == Dimension::Area)
            {
                row.cells.push_back(formatFixed(h.overlapM2, 2));
                row.cells.push_back(formatFixed(squareMetresToMu(h.overlapM2), 2));
                row.cells.push_back(formatPercent(h.siteShare));
            }
            else if (dim == Dimension::Line)
            {
                row.cells.push_back(formatFixed(h.overlapLengthM, 1));
                row.cells.push_back(formatPercent(h.siteShare));
            }
            else if (multiPoint)
                row.cells.push_back(formatPercent(h.siteShare));
            else
                row.cells.push_back(h.contains ? "位于区内" : "区外");
            row.cells.push_back(distanceText(h));
            row.cells.push_back(toChinese(h.verdict));
            row.verdict = h.verdict;
            t.rows.push_back(std::move(row));
        }
        if (!any)
        {
            ReportRow row;
            row.cells.assign(t.header.size(), "—");
            row.cells[0] = zoneKindTitle(kind);
            row.cells[1] = s.verdict == Verdict::Error ? "未筛查" : "不涉及"; // error: unknown
            row.muted = true;
            t.rows.push_back(std::move(row));
        }
    }
    return t;
}

// Site-level rule findings stand in the rule table, except where the site lies outside the
// county: they fired because of that, and the notes say so in words that fit.
ReportTable ruleTable(const SiteResult& s, const SiteLocation& location)
{
    ReportTable t;
    t.header = {"规则", "涉及分区", "结论", "理由", "依据"};
    t.widths = {0.1, 0.17, 0.1, 0.35, 0.28};
    t.verdictColumn = 2;
    for (const Hit& h : s.hits)
        for (const RuleMatch& r : h.rules)
            t.rows.push_back({{r.ruleId, h.zoneName, toChinese(r.verdict), r.reason,
                               r.citation.empty() ? "—" : r.citation},
                              r.verdict,
                              false});
    if (location.county == CountyRelation::Outside)
        return t;
    for (const std::string& w : s.warnings)
        if (const auto r = parseSiteRuleWarning(w))
        {
            const auto v = parseVerdict(r->verdict);
            t.rows.push_back(
                {{r->ruleId, "（整个场址）", v ? toChinese(*v) : r->verdict, r->reason, "—"},
                 v,
                 false});
        }
    return t;
}

std::vector<std::string> notesOf(const ScreeningReport& report, std::size_t index,
                                 const SiteLocation& location)
{
    const SiteResult& s = report.results[index];
    const std::string county =
        location.countyName.empty() ? std::string("本县") : location.countyName;
    std::vector<std::string> out;
    if (location.county == CountyRelation::Outside)
    {
        std::string because; // site-level rules that fired because the site is outside
        for (const std::string& w : s.warnings)
            if (const auto r = parseSiteRuleWarning(w))
                because += (because.empty() ? "" : "、") + r->ruleId;
        out.push_back(
            "站点位于县域范围外（" + county + "），" + county + "分区数据不覆盖该选址" +
            (because.empty() ? std::string("。") : "；" + because + " 的判定即由此而来。"));
    }
    else if (location.county == CountyRelation::PartlyOutside)
        out.push_back("站点部分位于县域范围外（" + county + "），县域外部分未经筛查。");
    for (const std::string& w : s.warnings)
        if (!parseSiteRuleWarning(w)) // those are in the rule table or explained above
            out.push_back(w);
    for (std::string& w : inputWarningsFor(report, index))
        out.push_back("输入数据：" + w);
    return out;
}

} // namespace

std::string todayIso()
{
    const auto today = std::chrono::year_month_day(
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(today.year()),
                  static_cast<unsigned>(today.month()), static_cast<unsigned>(today.day()));
    return buf;
}

std::vector<std::string> inputWarningsFor(const ScreeningReport& report, std::size_t index)
{
    std::vector<std::string> out;
    if (report.warnings.empty())
        return out;
    std::set<std::string> ids;
    for (const SiteResult& s : report.results)
        ids.insert(s.siteId);
    const std::string& own = report.results.at(index).siteId;
    for (const std::string& w : report.warnings)
    {
        // Every text between two neighbouring quotes is a candidate, so that an apostrophe
        // ("the coordinates' area") cannot pair the wrong quotes.
        bool namesOther = false;
        bool namesOwn = false;
        std::size_t open = w.find('\'');
        while (open != std::string::npos)
        {
            const std::size_t close = w.find('\'', open + 1);
            if (close == std::string::npos)
                break;
            const std::string quoted = w.substr(open + 1, close - open - 1);
            namesOwn = namesOwn || quoted == own;
            namesOther = namesOther || (quoted != own && ids.count(quoted) > 0);
            open = close;
        }
        if (namesOwn || !namesOther)
            out.push_back(w);
    }
    return out;
}

SiteReportModel siteReportModel(const ScreeningReport& report, std::size_t index,
                                const std::string& date)
{
    const SiteResult& s = report.results.at(index);
    SiteReportModel m;
    m.siteId = s.siteId;
    m.siteName = s.name;
    m.verdict = s.verdict;
    m.verdictText = toChinese(s.verdict);
    if (report.zoning)
        m.location = locateSite(s, *report.zoning);
    m.verdictMeaning = verdictMeaning(s, m.location);
    m.provenance = provenanceOf(report, date);
    m.profile = profileOf(report, s, m.location);
    m.hits = hitTable(s);
    m.rules = ruleTable(s, m.location);
    m.noRulesText = s.verdict == Verdict::Error ? "项目未能筛查，无规则结论。"
                    : m.location.county == CountyRelation::Outside
                        ? "站点位于县域范围外，本县规则不适用。"
                        : "无适用规则（项目未涉及管控分区，或规则集为 " + report.ruleSet + "）。";
    m.notes = notesOf(report, index, m.location);
    return m;
}

} // namespace redline
