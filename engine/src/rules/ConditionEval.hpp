#pragma once
// Three-valued evaluation of rule conditions against one hit and the site's project profile.
// A condition is unknown when it needs a value nobody gave or nobody understood: a project
// attribute the site lacks (or states in words outside the vocabulary), or a zone attribute of a
// vocabulary domain whose value is not in it (level '一级水源'). A zone attribute that is simply
// empty does not match. The evaluation can be asked to assume values for unknowns (HitEvaluation
// tries each possible value). Private to the engine.

#include <map>
#include <string>
#include <vector>

#include "redline/analysis/SiteResult.hpp"
#include "redline/rules/ProjectProfile.hpp"
#include "redline/rules/RuleRecord.hpp"
#include "redline/rules/Vocabulary.hpp"

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
    // Keys of the values that made the result unknown: a project attribute name
    // ("unavoidable") or a zone attribute key (zoneValueKey).
    std::vector<std::string> missing;
};

// A zone attribute of a vocabulary domain as rules see it: canonical values, none when empty,
// or unknown (the raw text is not in the vocabulary).
struct ZoneValue
{
    bool present = false; // non-blank in the data
    bool known = false;   // canonical values below are valid
    std::vector<std::string> values;
};

// Zone attributes as rules read them, worked out once per hit and field and kept for the many
// passes one evaluation makes. Fields are passed by reference and cached by address: they must
// outlive the reader (a rule condition's field, or a static string). Used by one thread.
class ZoneReader
{
  public:
    explicit ZoneReader(const Vocabulary& vocabulary) : m_vocabulary(vocabulary) {}
    // A field of a vocabulary domain.
    [[nodiscard]] const ZoneValue& value(const Hit& hit, const std::string& field,
                                         const char* domain);
    // A field whose value is not in the vocabulary, taken to be `value`.
    [[nodiscard]] const ZoneValue& assumed(const Hit& hit, const std::string& field,
                                           const std::string& value);
    // A free-text field, trimmed and case-folded (normalizeSpelling); "" when absent or blank.
    [[nodiscard]] const std::string& text(const Hit& hit, const std::string& field);

  private:
    using FieldKey = std::pair<const Hit*, const std::string*>;
    const Vocabulary& m_vocabulary;
    std::map<FieldKey, ZoneValue> m_values;
    std::map<FieldKey, std::string> m_texts;
    std::map<std::pair<FieldKey, std::string>, ZoneValue> m_assumed;
};

// What conditions are evaluated against. `zoneAssumptions` maps zoneValueKey -> canonical value
// for zone attributes whose value is not in the vocabulary.
struct EvalContext
{
    const SiteResult& site;
    const ProjectProfile& project;
    const Vocabulary& vocabulary;
    const std::map<std::string, std::string>& zoneAssumptions;
    ZoneReader& zones;
};

[[nodiscard]] ConditionResult evaluateAll(const std::vector<Condition>& conditions, const Hit& hit,
                                          const EvalContext& context);

// Whether a rule's hit mode admits this hit.
[[nodiscard]] bool hitModeAdmits(HitMode mode, const Hit& hit);

// Key of one zone's attribute among the unknowns: "zone" TAB kind TAB layer TAB zone id TAB
// field.
[[nodiscard]] std::string zoneValueKey(const Hit& hit, const std::string& field);
[[nodiscard]] bool isZoneValueKey(const std::string& key);
// {kind, layer, zone id, field} of a zone value key.
[[nodiscard]] std::vector<std::string> splitZoneValueKey(const std::string& key);

// The canonical values of a domain field, an assumption first.
[[nodiscard]] const ZoneValue& readZoneValue(const Hit& hit, const std::string& field,
                                             const char* domain, const EvalContext& context);

} // namespace redline::detail
