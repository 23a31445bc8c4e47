#include "exporters/html/HtmlReport.hpp"

#include "exporters/html/HtmlText.hpp"
#include "exporters/html/SvgMap.hpp"
#include "report/MapExcerpt.hpp"
#include "report/SiteReportModel.hpp"

namespace redline
{
namespace
{

constexpr double kMapWidth = 640;
constexpr double kMapHeight = 400;

// CSS class of a verdict: its DESIGN A4 code ("prohibited" …).
std::string verdictClass(Verdict v)
{
    return toString(v);
}

void writeFields(const std::vector<ReportField>& fields, const char* cssClass, std::ostream& out)
{
    out << "<table class=\"" << cssClass << "\">\n";
    for (std::size_t i = 0; i < fields.size(); i += 2)
    {
        out << "<tr><th>" << htmlEscape(fields[i].label) << "</th><td>"
            << htmlLines(fields[i].value) << "</td>";
        if (i + 1 < fields.size())
            out << "<th>" << htmlEscape(fields[i + 1].label) << "</th><td>"
                << htmlLines(fields[i + 1].value) << "</td>";
        else
            out << "<th></th><td></td>";
        out << "</tr>\n";
    }
    out << "</table>\n";
}

void writeTable(const ReportTable& t, const char* cssClass, std::ostream& out)
{
    out << "<table class=\"" << cssClass << "\">\n<tr>";
    for (const std::string& h : t.header)
        out << "<th>" << htmlEscape(h) << "</th>";
    out << "</tr>\n";
    for (const ReportRow& row : t.rows)
    {
        out << (row.muted ? "<tr class=\"none\">" : "<tr>");
        for (std::size_t c = 0; c < row.cells.size(); ++c)
        {
            if (static_cast<int>(c) == t.verdictColumn && row.verdict)
                out << "<td class=\"" << verdictClass(*row.verdict) << "\">";
            else
                out << "<td>";
            out << htmlLines(row.cells[c]) << "</td>";
        }
        out << "</tr>\n";
    }
    out << "</table>\n";
}

void writeMap(const ScreeningReport& report, const SiteResult& site, std::size_t index,
              std::ostream& out)
{
    if (site.geometry.isEmpty()) // a site that could not be read (verdict `error`)
    {
        out << "<p class=\"note\">无可用的用地范围，未绘制叠加图。</p>\n";
        return;
    }
    const Envelope box = fitToAspect(reportMapFocus(site.geometry), kMapWidth, kMapHeight);
    if (!report.zoning)
        out << "<p class=\"note\">未附分区数据：图中仅绘制项目用地范围及重叠部分。</p>\n";
    if (!report.zoningNote.empty())
        out << "<p class=\"map-note\">" << htmlEscape(report.zoningNote) << "</p>\n";
    // Zoning detail to half a pixel: what the SVG can show, in a fraction of the bytes.
    const MapExcerpt excerpt =
        mapExcerpt(report.zoning.get(), site, box, 0.5 * box.width() / kMapWidth);
    const std::string prefix = "m" + std::to_string(index);
    out << "<div class=\"map-block\">\n";
    writeSvgMap(excerpt, kMapWidth, kMapHeight, prefix, site.siteId, out);
    writeHtmlLegend(legendOf(excerpt), prefix, out);
    out << "</div>\n";
}

void writeSite(const ScreeningReport& report, std::size_t index, const std::string& date,
               std::ostream& out)
{
    const SiteResult& site = report.results[index];
    const SiteReportModel m = siteReportModel(report, index, date);
    out << "<section class=\"site\" id=\"site-" << index << "\">\n<h2>" << htmlEscape(m.siteId)
        << " " << htmlEscape(m.siteName) << "</h2>\n"
        << "<div class=\"conclusion\"><span class=\"verdict " << verdictClass(m.verdict) << "\">"
        << htmlEscape(m.verdictText) << "</span><p class=\"meaning\">"
        << htmlEscape(m.verdictMeaning) << "</p></div>\n";
    out << "<h3>一、项目概况</h3>\n";
    writeFields(m.profile, "profile", out);
    out << "<h3>二、叠加图</h3>\n";
    writeMap(report, site, index, out);
    out << "<h3>三、涉及分区情况</h3>\n";
    writeTable(m.hits, "hits", out);
    out << "<h3>四、适用规则及依据</h3>\n";
    if (m.rules.rows.empty())
        out << "<p>" << htmlEscape(m.noRulesText) << "</p>\n";
    else
        writeTable(m.rules, "rules", out);
    if (!m.notes.empty())
    {
        out << "<h3>提示</h3>\n<ul class=\"notes\">\n";
        for (const std::string& n : m.notes)
            out << "<li>" << htmlEscape(n) << "</li>\n";
        out << "</ul>\n";
    }
    out << "<h3>说明</h3>\n";
    writeFields(m.provenance, "provenance", out);
    out << "<p class=\"disclaimer\">" << kReportDisclaimer << "</p>\n</section>\n";
}

void writeSummary(const ScreeningReport& report, std::ostream& out)
{
    out << "<table class=\"summary\">\n<tr><th>项目编号</th><th>项目名称</th><th>初筛结论</th>"
           "</tr>\n";
    for (std::size_t i = 0; i < report.results.size(); ++i)
    {
        const SiteResult& s = report.results[i];
        out << "<tr><td><a href=\"#site-" << i << "\">" << htmlEscape(s.siteId) << "</a></td><td>"
            << htmlEscape(s.name) << "</td><td class=\"" << verdictClass(s.verdict) << "\">"
            << toChinese(s.verdict) << "</td></tr>\n";
    }
    out << "</table>\n";
}

} // namespace

void writeHtmlReport(const ScreeningReport& report, std::ostream& out, const std::string& date)
{
    const std::string day = date.empty() ? todayIso() : date;
    out << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
        << kReportTitle << "</title>\n<style>\n"
        << "body{font-family:'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei',sans-serif;"
           "margin:2em;color:#222;max-width:60em}\n"
        << "table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #999;"
           "padding:3px 6px;font-size:13px;vertical-align:top;text-align:left}th{background:#eee;"
           "font-weight:normal}\n"
        << "table.provenance th,table.provenance td{font-size:12px;color:#444}\n"
        << ".site{page-break-before:always;border-top:3px solid #333;margin-top:2em}\n"
        << ".conclusion{display:flex;align-items:center;gap:1em;margin:.5em 0}\n"
        << ".conclusion .verdict{font-size:22px;font-weight:bold;padding:4px 14px;"
           "white-space:nowrap}.meaning{font-size:15px;margin:0}\n"
        << ".prohibited{background:#d32f2f;color:#fff}.restricted{background:#f57c00;color:#fff}"
           ".needs_review{background:#fbc02d}.allowed{background:#388e3c;color:#fff}"
           ".error{background:#424242;color:#fff}\n"
        << "table.hits td:last-child,table.rules td:nth-child(3){white-space:nowrap}\n"
        << "tr.none td{color:#777}.disclaimer{font-size:12px;color:#500;border:1px solid #ccc;"
           "padding:6px}.note{color:#555}.map-note{color:#b00;font-weight:bold}\n"
        << ".map-block{display:flex;gap:1em;align-items:flex-start;flex-wrap:wrap}\n"
        << "ul.legend{list-style:none;padding:0;margin:0;font-size:12px;columns:1}"
           "ul.legend li{display:flex;align-items:center;gap:6px;margin:2px 0}\n"
        << "</style>\n</head>\n<body>\n<h1>" << kReportTitle << "</h1>\n"
        << "<p>共 " << report.results.size() << " 个项目；规则集 " << htmlEscape(report.ruleSet)
        << (report.ruleSetVersion.empty() ? ""
                                          : "（版本 " + htmlEscape(report.ruleSetVersion) + "）")
        << "；分区数据 " << htmlEscape(report.store.empty() ? report.zones : report.store)
        << (report.storeRevision ? "（修订版本 " + std::to_string(*report.storeRevision) + "）"
                                 : std::string())
        << "；报告日期 " << day << "。</p>\n";
    if (!report.warnings.empty())
    {
        out << "<h3>输入数据提示</h3>\n<ul class=\"warnings\">\n";
        for (const std::string& w : report.warnings)
            out << "<li>" << htmlEscape(w) << "</li>\n";
        out << "</ul>\n";
    }
    writeSummary(report, out);
    for (std::size_t i = 0; i < report.results.size(); ++i)
        writeSite(report, i, day, out);
    out << "</body>\n</html>\n";
}

} // namespace redline
