#pragma once
// HTML screening report (issue 5 §4) without Qt, for `redline screen --format html`: one section
// per site with its profile, overall verdict, an inline SVG overlay sketch, the overlap table per
// layer ("不涉及" where none), each matched rule with reason and citation, and the advisory
// disclaimer. Chinese text, self-contained (no external assets). Thread-safe.

#include <ostream>

#include "redline/analysis/ScreeningReport.hpp"

namespace redline
{

void writeHtmlReport(const ScreeningReport& report, std::ostream& out);

} // namespace redline
