#pragma once
// The closed vocabularies rule files are validated against (RULEBOOK §0 and its extensions).
// A rule file may extend them with its own `zone_kinds`, `project_types` and `flags` lists.
// Plain value; copy freely.

#include <set>
#include <string>

namespace redline
{

struct Vocabulary
{
    std::set<std::string> zoneKinds;     // DESIGN A1 kinds + catalog kinds the file declares
    std::set<std::string> projectTypes;  // RULEBOOK §0 list + extensions
    std::set<std::string> constructions; // new, expansion, rebuild
    std::set<std::string> flags;         // boolean project attributes
    // Flags an applicant states only when they apply (national_major, sewage_outfall…): not
    // stated counts as false. Any other flag not stated is unknown (信息不足). Empty by default;
    // a rule file lists its own under `opt_in_flags`.
    std::set<std::string> optInFlags;

    // The built-in vocabulary: the five screened kinds of DESIGN A1; the RULEBOOK project types
    // plus commercial, real_estate, aquaculture, recreation, swimming_facility, bbq_site,
    // camping_site, hotel, quarrying, cemetery, hazardous_depot, oil_depot, fuel_station, wharf,
    // development_zone, land_reclamation, waste_facility, source_protection, geological_survey,
    // archaeology; the RULEBOOK flags plus the activity flags the DW/PA rules name.
    static Vocabulary builtin();
};

// Site value -> vocabulary value: trims, lower-cases ASCII and maps the Chinese words officers
// type for `construction` (新建 -> new, 扩建 -> expansion, 改建 -> rebuild).
[[nodiscard]] std::string canonicalWord(const std::string& text);

} // namespace redline
