#pragma once
// Evaluation of one hit by a declarative rule set (RULEBOOK §0 with the fail-safe rules of
// issue 9), documented for users in DeclarativeRuleSet.hpp. Private to the engine.
//
// One pass tries the rules of the hit's kind, most specific first; the first rule that holds
// decides. When a rule that comes before any decision cannot be evaluated because a value is
// missing or not understood (a project attribute, or a zone attribute outside the vocabulary),
// the hit is evaluated again for every value that attribute can take (then for the next unknown
// one, and so on): each complete assumption is a leaf with a definite outcome. A leaf in which no
// rule decides an overlapping hit on a protective zone is `needs_review` (fail safe). The hit
// takes the verdict all leaves agree on, or else the least severe one still possible but never
// less than needs_review, and says which values would decide and what each would give.
//
// The verdict depends on nothing but the rule set, the hit's zone (not its overlap figures), the
// project profile and, through `also_hit`, the site's other hits: HitMemo keeps it by those.
// Whatever else evaluation comes to read must go into HitMemo's key.

#include <string>
#include <vector>

#include "redline/analysis/SiteResult.hpp"
#include "redline/rules/ProjectProfile.hpp"

namespace redline
{
class DeclarativeRuleSet;
}

namespace redline::detail
{

struct HitVerdict
{
    Verdict verdict = Verdict::Allowed;
    std::vector<RuleMatch> rules;
    std::vector<std::string> warnings; // for the site: values not understood, undecided zones
};

[[nodiscard]] HitVerdict evaluateHit(const DeclarativeRuleSet& rules, const Hit& hit,
                                     const SiteResult& site, const ProjectProfile& project);

} // namespace redline::detail
