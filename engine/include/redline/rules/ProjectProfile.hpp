#pragma once
// The project facts rules look at, read once from a site's attributes (RULEBOOK §0 table), with
// the inferences the rule engine documents: zj_industrial_class from industry_code (§6.1), and
// project_type, when the site gives none, from industry_code or else from an explicit
// zj_industrial_class (-> industrial). Plain value.

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
    std::optional<std::string> projectType;  // a vocabulary word, explicit or inferred
    bool projectTypeInferred = false;
    std::optional<std::string> construction; // new / expansion / rebuild
    std::optional<int> zjClass;              // 1..3, explicit or inferred
    bool zjClassInferred = false;
    std::map<std::string, bool> flags; // flags the site states, plus opt-in flags as false
    std::optional<Dimension> geometry; // nullopt for an empty geometry
    std::vector<std::string> notes;    // inferences and ignored values, for warnings

    // nullopt: the site does not state the flag and it is not opt-in (unknown).
    [[nodiscard]] std::optional<bool> flag(const std::string& name) const;

    // Values outside the vocabulary are ignored (treated as missing) with a note.
    static ProjectProfile fromSite(const SiteResult& site, const Vocabulary& vocabulary);
};

} // namespace redline
