#pragma once
// The one vocabulary table of Redline (issue 9): for every attribute domain — zone attributes
// (red-line type, control-unit type and key subtype, water-protection level, protected-area
// category and zoning, prohibition kind), project attributes (project type, construction kind,
// yes/no flags) and the zone kinds themselves — the canonical values rules and outputs use, the
// spellings real data uses for them, and each value's Chinese display label.
//
// Used by the rule engine (zone and project values are read through it), by `redline check` and
// the viewer's attribute form (redline/qa/AttributeDomains.hpp), and by report writers, which
// show zhLabel(domain, value) instead of the English code:
//
//     zhLabel("level", "I")                  == "一级保护区"
//     zhLabel("redline_type", "scenic")      == "风景名胜"
//     zhLabel("project_type", "hotel")       == "住宿（酒店、宾馆、民宿）"
//     zhLabel("zone_kind", "protected_areas") == "自然保护地"
//     canonicalValue("level", " 一级保护区 ") == "I"
//     canonicalValues("construction", "改扩建") == {"rebuild", "expansion"}
//     parseFlag("有") == true, parseFlag("√") == true, parseFlag("maybe") == nullopt
//
// A text outside a domain is unknown (empty / nullopt), never a default such as "no".
// Spellings match after trimming (ASCII blanks and U+3000), folding full-width ASCII (Ｉ, １) to
// ASCII and lower-casing ASCII. Pure data and functions; thread-safe.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace redline
{

struct Term
{
    std::string value;                  // canonical value, as rules and outputs write it
    std::string zh;                     // Chinese display label
    std::vector<std::string> spellings; // other ways data writes it (the label always matches)
};

struct TermDomain
{
    std::string name;  // "level", "zoning", "project_type", "flag", …
    std::string title; // what the values are, for messages ("water-protection level")
    std::vector<Term> terms;
    // Spellings that stand for several values at once (改扩建 = rebuild and expansion).
    std::vector<std::pair<std::string, std::vector<std::string>>> compounds;
};

// Every domain: zone_kind, redline_type, unit_type, key_subtype, level, category, zoning,
// prohibition, project_type, construction, flag.
[[nodiscard]] const std::vector<TermDomain>& termDomains();
// nullptr when there is no such domain.
[[nodiscard]] const TermDomain* findTermDomain(std::string_view domain);

// The canonical values a text stands for in `domain`: one value, several for a compound
// spelling, none when the text is not in the domain (or is blank).
[[nodiscard]] std::vector<std::string> canonicalValues(std::string_view domain,
                                                       std::string_view text);
// The single canonical value; nullopt when unknown or compound.
[[nodiscard]] std::optional<std::string> canonicalValue(std::string_view domain,
                                                        std::string_view text);
// Chinese label of a canonical value (a spelling is accepted too); "" when the value is not in
// the domain — show the value as given then.
[[nodiscard]] std::string zhLabel(std::string_view domain, std::string_view value);
// A yes/no project flag: true for 1/true/yes/y/是/有/√/✓, false for 0/false/no/n/否/无/×/✗;
// nullopt for anything else (unknown, never false).
[[nodiscard]] std::optional<bool> parseFlag(std::string_view text);

// The domain of a zone attribute of the conventional layers (DESIGN A1): level of
// water_protection_zones, zoning / legacy_zoning / category of protected_areas, redline_type,
// unit_type / key_subtype / total_load_cap (a flag) of control_units, prohibition of
// prohibited_zones. nullptr for free-text attributes.
[[nodiscard]] const char* zoneFieldDomain(std::string_view kind, std::string_view field);

// Chinese label of an attribute of a zone kind, as legends, forms and reports name it (issue 14):
// zhFieldLabel("ecological_redline", "zone_id") == "编号", (…, "redline_type") == "红线类型",
// ("water_protection_zones", "level") == "保护级别". A label given for the kind wins over the
// field's general one; "" when the field is not in the table (show the field name then).
[[nodiscard]] std::string zhFieldLabel(std::string_view kind, std::string_view field);
// Chinese display of a value of a zone attribute: the label of its coded value (水源涵养 for
// water_conservation) when the field has a domain and the value is in it, else the value as is.
[[nodiscard]] std::string zhFieldValue(std::string_view kind, std::string_view field,
                                       std::string_view value);

// Trimmed, full-width ASCII folded, ASCII lower-cased: the form spellings are compared in.
[[nodiscard]] std::string normalizeSpelling(std::string_view text);
// "I, II, quasi, rural": the canonical values of a domain, for messages.
[[nodiscard]] std::string domainValueList(std::string_view domain);

} // namespace redline
