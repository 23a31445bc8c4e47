#pragma once
// One declarative rule record (RULEBOOK §0) as loaded from a rule file, and the conditions it is
// made of. Plain values: built by the rule-file parser, read by DeclarativeRuleSet and by
// `redline rules --explain`. Immutable once loaded; safe to share between threads.

#include <optional>
#include <string>
#include <vector>

#include "redline/analysis/Verdict.hpp"

namespace redline
{

// Which hits a rule applies to. "Outside" is a site-level rule: the site overlaps no zone of the
// rule's kind although the store has that kind (TL-10).
enum class HitMode
{
    Overlap, // overlapping / containing hits (the default)
    Buffer,  // buffer-only hits (distance > 0 or edge contact, no overlap)
    Any,
    Outside
};

[[nodiscard]] const char* toString(HitMode mode);

struct Condition
{
    enum class Type
    {
        ZoneText,      // a zone attribute: equals / one of / not one of / contains / exists;
                       // values of a domain attribute (level, zoning…) are stored canonical
        AlsoHit,       // the site also overlaps another zone of `kind` whose attributes match
        ProjectText,   // project_type / construction: one of / not one of
        Flag,          // a boolean project flag is true / false
        IndustryCode,  // GB/T 4754 code by prefix list or inclusive range
        IndustryClass, // zj_industrial_class one of (explicit or inferred from industry_code)
        GeometryKind,  // site geometry is point / line / area
        AnyOf          // at least one child group (each an all-of list) holds
    };
    enum class TextOp
    {
        OneOf, // also plain equality (one value)
        NotOneOf,
        Contains, // substring, any of the values
        Exists,   // the attribute is present and non-empty (`values` empty)
        Missing
    };

    Type type = Type::ZoneText;
    std::string field; // attribute / flag name; the zone kind for AlsoHit
    TextOp op = TextOp::OneOf;
    std::vector<std::string> values; // text values, industry prefixes, geometry kinds
    std::vector<int> classes;        // IndustryClass
    std::optional<std::pair<std::string, std::string>> range; // IndustryCode range [lo, hi]
    bool flagValue = true;
    std::vector<std::vector<Condition>> groups; // AnyOf: alternatives; AlsoHit: one group
};

// Text a matching rule adds to its reason when the note's project tests hold (ERL-06: "with
// new_construction_land … the provincial government's 认定意见").
struct RuleNote
{
    std::vector<Condition> when;
    std::string zh;
    std::string en;
};

struct RuleRecord
{
    std::string id;
    std::string zoneKind;
    std::vector<Condition> zone;    // on the hit's zone attributes (and other hits of the site)
    std::vector<Condition> project; // on the site's attributes
    HitMode hit = HitMode::Overlap;
    std::optional<Verdict> verdict;
    // Instead of a fixed verdict: evaluate the rules of this zone kind on the same hit and take
    // their verdict (TL-01: a priority unit built on the red line follows the red-line rules).
    std::string verdictFromKind;
    std::string reasonZh;
    std::string reasonEn;
    std::string citation;
    std::string confidence; // "V", "P", "U" or "" ("-" in the file)
    std::vector<RuleNote> notes;
    int specificity = 0; // higher is tried first; default = number of conditions
    bool specificityGiven = false;
    // Catch-all ("anything else"): tried only after every non-fallback rule of the kind, and not
    // reported when a non-fallback rule matched.
    bool fallback = false;
    std::size_t index = 0; // position in the file (ties keep file order)
    int line = 0;          // line in the source file (1-based), 0 when unknown
};

} // namespace redline
