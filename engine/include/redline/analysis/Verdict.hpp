#pragma once
// Verdict scale of DESIGN A4. The four severities are ordered: allowed < needs_review <
// restricted < prohibited. `error` is not a severity: it marks a site that could not be screened
// (SiteResult::message says why). It sorts after prohibited, so mostSevere() keeps it and "worst
// first" lists show such sites first, but it never reaches a --fail-on threshold (reaches()), and
// a rule or a hit never has it.

#include <optional>
#include <string>

namespace redline
{

enum class Verdict
{
    Allowed = 0,
    NeedsReview = 1,
    Restricted = 2,
    Prohibited = 3,
    Error = 4
};

[[nodiscard]] const char* toString(Verdict v);       // "allowed", "needs_review", …, "error"
[[nodiscard]] const char* toChinese(Verdict v);      // 允许, 需进一步论证, 限制, 禁止, 无法筛查
// The four severities only: "error" is not a verdict a rule file or --fail-on can name.
[[nodiscard]] std::optional<Verdict> parseVerdict(const std::string& text);
[[nodiscard]] inline Verdict mostSevere(Verdict a, Verdict b) { return a < b ? b : a; }
// --fail-on: `v` is a severity at least as severe as `threshold`; never true for Error.
[[nodiscard]] inline bool reaches(Verdict v, Verdict threshold)
{
    return v != Verdict::Error && v >= threshold;
}

} // namespace redline
