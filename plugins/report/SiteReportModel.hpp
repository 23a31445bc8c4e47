#pragma once
// What one site's screening report says, worked out once for every rendering (the HTML report,
// the viewer's PDF report, the service's reports): the verdict and the sentence saying what it
// means for the applicant, the profile (所在乡镇 from SiteLocation), the hit table (areas for
// parcels, lengths for lines, inside/outside for points), the rules with reasons and citations,
// the notes (site warnings and the input warnings that concern this site), and the provenance
// (store, revision, rule set and version). Renderers only lay it out, so the two reports cannot
// disagree. Chinese text, UTF-8. Thread-safe: plain values.

#include <optional>
#include <string>
#include <vector>

#include "redline/analysis/ScreeningReport.hpp"

#include "report/SiteLocation.hpp"

namespace redline
{

struct ReportField
{
    std::string label;
    std::string value;
};

struct ReportRow
{
    std::vector<std::string> cells; // "\n" separates lines within a cell
    std::optional<Verdict> verdict; // tints the table's verdict column
    bool muted = false;             // "不涉及" rows
};

struct ReportTable
{
    std::vector<std::string> header;
    std::vector<double> widths; // fractions of the text width, one per column
    int verdictColumn = -1;
    std::vector<ReportRow> rows;
};

struct SiteReportModel
{
    std::string siteId;
    std::string siteName;
    Verdict verdict = Verdict::Allowed;
    std::string verdictText;    // "限制"
    std::string verdictMeaning; // one sentence for the applicant (VerdictMeaning)
    std::vector<ReportField> provenance;
    std::vector<ReportField> profile;
    ReportTable hits;
    ReportTable rules;
    std::string noRulesText; // shown when `rules` has no rows
    std::vector<std::string> notes;
    SiteLocation location;
};

inline constexpr const char* kReportTitle = "建设项目选址生态环境分区管控初筛报告";
inline constexpr const char* kReportDisclaimer =
    "声明：本报告由 Redline 依据现行生态环境分区数据和规则集自动生成，属选址初筛参考意见，不构成"
    "行政许可或审批结论；最终以生态环境主管部门审查意见为准。";

// Today's date as "2026-11-30" (the reports' date line).
[[nodiscard]] std::string todayIso();
// Site `index` of `report`; the location needs report.zoning (without it: "—", or the site's
// own `township` attribute). `date` is printed in the provenance.
[[nodiscard]] SiteReportModel siteReportModel(const ScreeningReport& report, std::size_t index,
                                              const std::string& date);
// The report-level input warnings that concern site `index`: every warning that names no site
// of the report, and those that name this one ('ID' in quotes, as the importers write them).
[[nodiscard]] std::vector<std::string> inputWarningsFor(const ScreeningReport& report,
                                                        std::size_t index);

} // namespace redline
