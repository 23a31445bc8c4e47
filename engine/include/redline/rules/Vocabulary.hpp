#pragma once
// The closed vocabularies a rule file is validated against and a site is read with (RULEBOOK §0
// and its extensions). The built-in words come from the vocabulary table
// (redline/rules/Terms.hpp); a rule file may extend them with its own `zone_kinds`,
// `project_types`, `flags`, `zone_values` and `protective_kinds` lists. Plain value; copy freely.

#include <map>
#include <set>
#include <string>
#include <vector>

namespace redline
{

struct Vocabulary
{
    std::set<std::string> zoneKinds;     // DESIGN A1 kinds + catalog kinds the file declares
    std::set<std::string> projectTypes;  // the table's project types + extensions
    std::set<std::string> constructions; // new, expansion, rebuild
    std::set<std::string> flags;         // boolean project attributes
    // Flags an applicant states only when they apply (national_major, sewage_outfall…): not
    // stated counts as false. Any other flag not stated is unknown (信息不足); a stated value the
    // vocabulary does not know is unknown for every flag. Empty by default; a rule file lists its
    // own under `opt_in_flags`.
    std::set<std::string> optInFlags;
    // Extra values of zone-attribute domains (domain -> values), e.g. {prohibition: [no_fishing]}.
    std::map<std::string, std::set<std::string>> zoneValues;
    // Kinds whose overlapping hits are never `allowed` when no rule decides them (fail safe):
    // ecological_redline, water_protection_zones, protected_areas, prohibited_zones + extensions.
    // Priority control units (unit_type priority, or not known) are protective too.
    std::set<std::string> protectiveKinds;

    // The built-in vocabulary: the five screened kinds of DESIGN A1; the project types and
    // construction kinds of the vocabulary table (RULEBOOK project types plus commercial,
    // real_estate, hotel, … named by ERL-02, DW-03/04/08/10, PA-02/06/07, NX-01..03); the
    // RULEBOOK flags plus the activity flags the DW/PA rules name.
    static Vocabulary builtin();

    // Canonical values of a zone attribute in this vocabulary (the table's spellings, then this
    // file's zone_values); empty when the value is not known.
    [[nodiscard]] std::vector<std::string> zoneValue(const std::string& domain,
                                                     const std::string& text) const;
    // Every value a zone-attribute domain may take (table + zone_values).
    [[nodiscard]] std::vector<std::string> zoneDomainValues(const std::string& domain) const;
};

} // namespace redline
