#pragma once
// Site-level rule findings, which a rule set reports as site warnings in the form
// "TL-10 (needs_review): 中文理由 / English reason" (DeclarativeRuleSet, e.g. a site outside every
// control unit). The reports quote them as rules, not as raw text. Thread-safe.

#include <optional>
#include <string>

namespace redline
{

struct SiteRuleWarning
{
    std::string ruleId;  // "TL-10"
    std::string verdict; // "needs_review"
    std::string reason;  // the Chinese reason
};

[[nodiscard]] std::optional<SiteRuleWarning> parseSiteRuleWarning(const std::string& warning);

} // namespace redline
