#pragma once
// The project facts rules look at, read once from a site's attributes (RULEBOOK §0 table)
// through the vocabulary table (redline/rules/Terms.hpp: 民宿 is a hotel, 改扩建 both rebuild and
// expansion, 有 is yes), with the inferences the rule engine documents: zj_industrial_class from
// industry_code (§6.1), and project_type, when the site gives none, from industry_code or else
// from an explicit zj_industrial_class (-> industrial). A value outside the vocabulary is
// unknown, never "no", and gives a note. Plain value.
// A new field must also go into the key of the hit-verdict memo (engine/src/rules/HitMemo.cpp).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "redline/analysis/SiteResult.hpp"
#include "redline/rules/Vocabulary.hpp"

namespace redline
{

struct ProjectProfile
{
    std::optional<std::string> industryCode; // normalised (C3360)
    // Vocabulary words, explicit or inferred; several for a compound value (农家乐 = catering and
    // hotel); empty when unknown.
    std::vector<std::string> projectTypes;
    bool projectTypeInferred = false;
    std::vector<std::string> constructions; // new / expansion / rebuild; empty when unknown
    std::optional<int> zjClass;             // 1..3, explicit or inferred
    bool zjClassInferred = false;
    std::map<std::string, bool> flags; // flags the site states, plus unstated opt-in flags as false
    std::optional<Dimension> geometry; // nullopt for an empty geometry
    std::vector<std::string> notes;    // inferences and values not understood, for warnings

    // nullopt: unknown (not stated and not opt-in, or stated in words the vocabulary lacks).
    [[nodiscard]] std::optional<bool> flag(const std::string& name) const;

    static ProjectProfile fromSite(const SiteResult& site, const Vocabulary& vocabulary);
};

} // namespace redline
