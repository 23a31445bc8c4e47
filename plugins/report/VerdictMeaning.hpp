#pragma once
// The sentence at the top of a screening report that tells the applicant what the verdict means
// for them: 禁止 — re-site, avoiding which zones; 限制 — which approval, 论证 or condition the
// matched rules require; 需进一步论证 — what is missing or must be studied; 允许 — the ordinary
// procedure. Built from the matched rules' verdicts and reasons (the rule set's own words), and
// from where the site lies (outside the county the zoning does not apply). Thread-safe.

#include <string>

#include "redline/analysis/SiteResult.hpp"

#include "report/SiteLocation.hpp"

namespace redline
{

[[nodiscard]] std::string verdictMeaning(const SiteResult& site, const SiteLocation& location);

} // namespace redline
