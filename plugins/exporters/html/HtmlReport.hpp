#pragma once
// HTML screening report for `redline screen --format html` (and the service), without Qt: a
// summary of every site, then one section per site laid out from its SiteReportModel, the same
// content as the viewer's PDF report: the verdict and what it means for the applicant, the
// provenance (store, revision, rule set and version), the profile, a map of the site over the
// zoning around it (inline SVG from report.zoning, with its legend), the hit table, the rules
// with reasons and citations, the notes and the disclaimer. Chinese, self-contained (no external
// assets). Thread-safe.

#include <ostream>
#include <string>

#include "redline/analysis/ScreeningReport.hpp"

namespace redline
{

// `date` is printed as the report date (default: today).
void writeHtmlReport(const ScreeningReport& report, std::ostream& out,
                     const std::string& date = {});

} // namespace redline
