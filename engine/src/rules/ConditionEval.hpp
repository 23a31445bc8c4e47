#pragma once
// Three-valued evaluation of rule conditions against one hit and the site's project profile.
// Zone conditions are two-valued (a zone lacking the attribute does not match); project
// conditions are unknown when the site lacks the attribute they need. Private to the engine.

#include <string>
#include <vector>

#include "redline/analysis/SiteResult.hpp"
#include "redline/rules/ProjectProfile.hpp"
#include "redline/rules/RuleRecord.hpp"

namespace redline::detail
{

enum class Truth
{
    False,
    True,
    Unknown
};

struct ConditionResult
{
    Truth truth = Truth::True;
    std::vector<std::string> missing; // project attributes that made the result unknown
};

[[nodiscard]] ConditionResult evaluateAll(const std::vector<Condition>& conditions, const Hit& hit,
                                          const SiteResult& site, const ProjectProfile& project);

// Whether a rule's hit mode admits this hit.
[[nodiscard]] bool hitModeAdmits(HitMode mode, const Hit& hit);

} // namespace redline::detail
