#pragma once
// Verdict scale of DESIGN A4, ordered by severity: allowed < needs_review < restricted < prohibited.

#include <optional>
#include <string>

namespace redline
{

enum class Verdict
{
    Allowed = 0,
    NeedsReview = 1,
    Restricted = 2,
    Prohibited = 3
};

[[nodiscard]] const char* toString(Verdict v);       // "allowed", "needs_review", …
[[nodiscard]] const char* toChinese(Verdict v);      // 允许, 需进一步论证, 限制, 禁止
[[nodiscard]] std::optional<Verdict> parseVerdict(const std::string& text);
[[nodiscard]] inline Verdict mostSevere(Verdict a, Verdict b) { return a < b ? b : a; }

} // namespace redline
