#include "HtmlReport.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <sstream>

#include "redline/geo/CrsTransform.hpp"

#include "ReportTerms.hpp"

namespace redline
{
namespace
{

std::string escape(const std::string& s)
{
    std::string out;
    out.reserve(s.size());
    for (const char c : s)
    {
        switch (c)
        {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

const char* verdictClass(Verdict v)
{
    switch (v)
    {
    case Verdict::Prohibited:
        return "prohibited";
    case Verdict::Restricted:
        return "restricted";
    case Verdict::NeedsReview:
        return "needs_review";
    case Verdict::Allowed:
        return "allowed";
    case Verdict::Error:
        return "error";
    }
    return "needs_review";
}

const char* kindColor(const std::string& kind)
{
    if (kind == "ecological_redline")
        return "#e53935";
    if (kind == "water_protection_zones")
        return "#1e63c8";
    if (kind == "protected_areas")
        return "#1b7828";
    if (kind == "prohibited_zones")
        return "#7b1fa2";
    if (kind == "control_units")
        return "#ff9800";
    return "#757575";
}

std::string attr(const Attributes& a, const char* name)
{
    const auto v = a.text(name);
    return v && !v->empty() ? *v : std::string("—");
}

Point centreOf(const Geometry& g)
{
    const Envelope& e = g.envelope();
    return {(e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2};
}

// Inline SVG: the site (black outline) and its overlap parts coloured by zone kind.
void writeSketch(const SiteResult& site, std::ostream& out)
{
    Envelope box = site.geometry.envelope();
    for (const Hit& h : site.hits)
        box.expandToInclude(h.overlap.envelope());
    if (box.isEmpty())
        return;
    const double pad = std::max({box.width(), box.height(), 50.0}) * 0.15;
    box = box.grownBy(pad);
    const double w = 420;
    const double scale = std::min(w / box.width(), 300 / box.height());
    const double h = box.height() * scale;
    const auto pathOf = [&](const Geometry& g)
    {
        std::ostringstream d;
        for (const Part& part : g.parts())
            for (const Ring& ring : part)
            {
                for (std::size_t i = 0; i < ring.size(); ++i)
                    d << (i == 0 ? 'M' : 'L') << formatFixed((ring[i].x - box.minX) * scale, 1)
                      << ' ' << formatFixed((box.maxY - ring[i].y) * scale, 1) << ' ';
                if (g.dimension() == Dimension::Area)
                    d << "Z ";
            }
        return d.str();
    };
    out << "<svg class=\"sketch\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" << w
        << "\" height=\"" << formatFixed(h, 0) << "\" viewBox=\"0 0 " << w << ' '
        << formatFixed(h, 0) << "\">\n";
    for (const Hit& hit : site.hits)
        if (!hit.overlap.isEmpty() && hit.overlap.dimension() == Dimension::Area)
            out << "<path d=\"" << pathOf(hit.overlap) << "\" fill=\"" << kindColor(hit.kind)
                << "\" fill-opacity=\"0.45\" stroke=\"" << kindColor(hit.kind)
                << "\" fill-rule=\"evenodd\"/>\n";
    if (site.geometry.dimension() == Dimension::Point)
    {
        const Point c = centreOf(site.geometry);
        out << "<circle cx=\"" << formatFixed((c.x - box.minX) * scale, 1) << "\" cy=\""
            << formatFixed((box.maxY - c.y) * scale, 1) << "\" r=\"5\" fill=\"none\" "
            << "stroke=\"black\" stroke-width=\"2\"/>\n";
    }
    else
    {
        out << "<path d=\"" << pathOf(site.geometry) << "\" fill=\"none\" stroke=\"black\" "
            << "stroke-width=\"2\" fill-rule=\"evenodd\"/>\n";
    }
    // 100 m or 1 km bar so that the sketch has a scale.
    const double bar = box.width() > 3000 ? 1000 : 100;
    out << "<line x1=\"10\" y1=\"" << formatFixed(h - 10, 0) << "\" x2=\""
        << formatFixed(10 + bar * scale, 1) << "\" y2=\"" << formatFixed(h - 10, 0)
        << "\" stroke=\"black\" stroke-width=\"3\"/><text x=\"10\" y=\"" << formatFixed(h - 16, 0)
        << "\" font-size=\"11\">" << (bar >= 1000 ? "1 km" : "100 m") << "</text>\n</svg>\n";
}

void writeSite(const ScreeningReport& report, const SiteResult& site, const CrsTransform* toLonLat,
               std::ostream& out)
{
    out << "<section class=\"site\">\n<h2>" << escape(site.siteId) << " " << escape(site.name)
        << "</h2>\n";
    const Point c = centreOf(site.geometry);
    std::string lonLat = "—";
    if (toLonLat != nullptr)
    {
        try
        {
            const Point ll = toLonLat->apply(c);
            lonLat = formatFixed(ll.x, 6) + "°E, " + formatFixed(ll.y, 6) + "°N";
        }
        catch (const std::exception&)
        {
            lonLat = "—";
        }
    }
    std::string township = attr(site.attributes, "township");
    for (const Hit& h : site.hits)
        if (h.kind == "townships" && township == "—")
            township = h.zoneName;
    out << "<h3>一、项目概况</h3>\n<table class=\"profile\">\n"
        << "<tr><th>项目名称</th><td>" << escape(site.name) << "</td><th>项目编号</th><td>"
        << escape(site.siteId) << "</td></tr>\n"
        << "<tr><th>所在乡镇</th><td>" << escape(township) << "</td><th>几何类型</th><td>"
        << toString(site.geometry.type()) << "</td></tr>\n"
        << "<tr><th>中心点坐标（" << escape(report.analysisCrs) << "）</th><td>X "
        << formatFixed(c.x, 2) << "，Y " << formatFixed(c.y, 2)
        << "</td><th>经纬度（CGCS2000）</th><td>" << lonLat << "</td></tr>\n"
        << "<tr><th>用地面积</th><td>" << formatFixed(site.areaM2, 2) << " m²（"
        << formatFixed(squareMetresToMu(site.areaM2), 2) << " 亩）</td><th>长度</th><td>"
        << formatFixed(site.lengthM, 1) << " m</td></tr>\n"
        << "<tr><th>行业代码</th><td>" << escape(attr(site.attributes, "industry_code"))
        << "</td><th>项目类型</th><td>" << escape(attr(site.attributes, "project_type"))
        << "</td></tr>\n</table>\n";
    out << "<h3>二、初筛结论</h3>\n<p class=\"verdict " << verdictClass(site.verdict) << "\">"
        << toChinese(site.verdict) << "（" << toString(site.verdict) << "）</p>\n";
    if (site.verdict == Verdict::Error)
        out << "<p class=\"message\">" << escape(site.message) << "</p>\n";
    out << "<h3>三、叠加示意图</h3>\n";
    writeSketch(site, out);
    out << "<h3>四、涉及分区情况</h3>\n<table class=\"hits\">\n<tr><th>图层</th><th>分区名称</th>"
        << "<th>编号</th><th>重叠面积（m²）</th><th>重叠面积（亩）</th><th>占项目比例</th>"
        << "<th>距离（m）</th><th>结论</th></tr>\n";
    std::vector<std::string> kinds = reportedKinds();
    for (const Hit& h : site.hits)
        if (std::find(kinds.begin(), kinds.end(), h.kind) == kinds.end() && h.kind != "townships")
            kinds.push_back(h.kind);
    for (const std::string& kind : kinds)
    {
        bool any = false;
        for (const Hit& h : site.hits)
        {
            if (h.kind != kind)
                continue;
            any = true;
            out << "<tr><td>" << escape(zoneKindTitle(kind)) << "</td><td>" << escape(h.zoneName)
                << "</td><td>" << escape(h.zoneId) << "</td><td>" << formatFixed(h.overlapM2, 2)
                << "</td><td>" << formatFixed(squareMetresToMu(h.overlapM2), 2) << "</td><td>"
                << formatPercent(h.siteShare) << "</td><td>" << formatFixed(h.distanceM, 1)
                << "</td><td class=\"" << verdictClass(h.verdict) << "\">" << toChinese(h.verdict)
                << "</td></tr>\n";
        }
        if (!any)
            out << "<tr class=\"none\"><td>" << escape(zoneKindTitle(kind))
                << "</td><td colspan=\"7\">不涉及</td></tr>\n";
    }
    out << "</table>\n<h3>五、适用规则</h3>\n";
    bool anyRule = false;
    out << "<table class=\"rules\">\n<tr><th>规则</th><th>涉及分区</th><th>结论</th><th>理由</th>"
        << "<th>依据</th></tr>\n";
    for (const Hit& h : site.hits)
        for (const RuleMatch& r : h.rules)
        {
            anyRule = true;
            out << "<tr><td>" << escape(r.ruleId) << "</td><td>" << escape(h.zoneName)
                << "</td><td class=\"" << verdictClass(r.verdict) << "\">" << toChinese(r.verdict)
                << "</td><td>" << escape(r.reason) << "</td><td>" << escape(r.citation)
                << "</td></tr>\n";
        }
    if (!anyRule)
        out << "<tr><td colspan=\"5\">无适用规则（未涉及管控分区或规则集为 "
            << escape(report.ruleSet) << "）</td></tr>\n";
    out << "</table>\n";
    if (!site.warnings.empty())
    {
        out << "<h3>提示</h3>\n<ul>\n";
        for (const std::string& w : site.warnings)
            out << "<li>" << escape(w) << "</li>\n";
        out << "</ul>\n";
    }
    out << "<p class=\"disclaimer\">声明：本报告由 Redline 依据现行分区数据和规则集自动生成，"
           "属选址初筛参考意见，不构成行政许可或审批结论；最终以生态环境主管部门审查意见为准。</"
           "p>\n"
        << "</section>\n";
}

} // namespace

void writeHtmlReport(const ScreeningReport& report, std::ostream& out)
{
    std::unique_ptr<CrsTransform> toLonLat;
    try
    {
        toLonLat = std::make_unique<CrsTransform>(Crs::fromUserInput(report.analysisCrs),
                                                  Crs::fromEpsg(4490));
    }
    catch (const std::exception&)
    {
        toLonLat.reset(); // no coordinates in degrees then; the report still stands
    }
    out << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<title>建设项目选址生态环境分区管控初筛报告</title>\n<style>\n"
        << "body{font-family:'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei',sans-serif;"
           "margin:2em;color:#222}\n"
        << "table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #999;"
           "padding:3px 6px;font-size:13px;vertical-align:top}th{background:#eee}\n"
        << ".site{page-break-after:always;border-top:3px solid #333;margin-top:2em}\n"
        << ".verdict{font-size:20px;font-weight:bold;padding:4px 10px;display:inline-block}\n"
        << ".prohibited{background:#d32f2f;color:#fff}.restricted{background:#f57c00;color:#fff}"
           ".needs_review{background:#fbc02d}.allowed{background:#388e3c;color:#fff}"
           ".error{background:#424242;color:#fff}\n"
        << "tr.none td{color:#777}.disclaimer{font-size:12px;color:#555;border:1px solid #ccc;"
           "padding:6px}.sketch{border:1px solid #999;background:#fafafa}\n</style>\n</head>\n"
        << "<body>\n<h1>建设项目选址生态环境分区管控初筛报告</h1>\n"
        << "<p>分区数据：" << escape(report.zones) << "；项目来源：" << escape(report.sites)
        << "；坐标系：" << escape(report.analysisCrs)
        << "（CGCS2000 / 3-degree Gauss-Kruger CM 120E）；规则集：" << escape(report.ruleSet) << ' '
        << escape(report.ruleSetVersion) << "；Redline " << escape(report.redlineVersion) << "；共 "
        << report.results.size() << " 个项目。</p>\n";
    if (!report.warnings.empty())
    {
        out << "<ul class=\"warnings\">\n";
        for (const std::string& w : report.warnings)
            out << "<li>" << escape(w) << "</li>\n";
        out << "</ul>\n";
    }
    for (const SiteResult& site : report.results)
        writeSite(report, site, toLonLat.get(), out);
    out << "</body>\n</html>\n";
}

} // namespace redline
