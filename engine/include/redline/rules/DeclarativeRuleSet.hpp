#pragma once
// A rule set read from declarative YAML rule records (RULEBOOK §0; the schema is documented at
// the top of plugins/rulesets/yongjia/yongjia_rules.yaml). Validated on load: unknown fields, bad
// enum values and unknown zone kinds throw ConfigError naming the file, line, rule and field.
//
// Evaluation of one hit (RULEBOOK §0, made fail safe by issue 9):
//  - the rules of the hit's kind whose hit mode fits (overlap / buffer-only) are tried in order
//    of specificity (highest first, file order on ties; catch-all `fallback` rules last); the
//    first rule that holds decides the hit's verdict, and every rule that holds is reported;
//  - values are read through the vocabulary table (redline/rules/Terms.hpp): a zone whose level
//    is 一级保护区 is level I, a site whose sewage_outfall is 有 has an outfall;
//  - a value that is needed but missing or not understood — a project attribute the site leaves
//    empty (except the rule file's `opt_in_flags`, which count as false when empty) or states in
//    words outside the vocabulary, a zone attribute outside its domain — is unknown. The hit is
//    then evaluated for every value the unknowns can take. When every value gives the same
//    verdict, that is the verdict; otherwise the hit takes the least severe verdict still
//    possible, but never less than needs_review (so "restricted or prohibited" gives
//    restricted, "allowed or prohibited" needs_review). The hit's first rule entry is then
//    MISSING-INFO (信息不足), naming the values that would decide and what each would give,
//    followed by the deciding rules of each outcome prefixed "信息不足，若 …：";
//  - fail safe: an overlapping hit on a protective zone (red line, water zone, protected area,
//    prohibition zone, priority control unit, the file's `protective_kinds`) that no rule
//    decides because no rule of the set covers that zone (a category or zoning the rules do not
//    name, a kind without rules) is needs_review with the rule entry UNDECIDED and a site
//    warning naming the layer, zone and its attributes — never allowed;
//  - a buffer-only hit is capped at needs_review; any other hit matching no rule is allowed.
// Site verdict = the most severe hit verdict; "outside" rules (TL-10) add a site-level
// needs_review and a warning when the store has the kind but the site overlaps none of it.
//
// Thread-safety: immutable after load (but for its memos of messages and hit verdicts, which
// guard themselves); evaluate() may run concurrently.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "redline/rules/RuleRecord.hpp"
#include "redline/rules/RuleSet.hpp"
#include "redline/rules/Vocabulary.hpp"

namespace redline
{
namespace detail
{
class HitMemo;
}

// Rule ids of the entries the engine adds itself (DESIGN A4 `rules`).
inline constexpr const char* kMissingInfoRuleId = "MISSING-INFO";
inline constexpr const char* kUndecidedRuleId = "UNDECIDED";
// Stands for "any value no rule names" among the values tried for an unknown.
inline constexpr const char* kOtherValue = "(other)";

class DeclarativeRuleSet final : public RuleSet
{
  public:
    // Throws IoError if the file cannot be read, ConfigError if it is not a valid rule file.
    static std::shared_ptr<const DeclarativeRuleSet> fromFile(const std::string& path);
    // `sourceName` names the text in error messages (a path or "rules.yongjia (built in)").
    static std::shared_ptr<const DeclarativeRuleSet> fromYamlText(const std::string& text,
                                                                  const std::string& sourceName);

    [[nodiscard]] std::string name() const override { return m_name; }
    [[nodiscard]] std::string version() const override { return m_version; }
    [[nodiscard]] const std::string& description() const { return m_description; }
    [[nodiscard]] const std::string& source() const { return m_source; }
    [[nodiscard]] const Vocabulary& vocabulary() const override { return m_vocabulary; }

    void evaluate(SiteResult& site, const RuleContext& context) const override;

    // Every rule in file order.
    [[nodiscard]] const std::vector<RuleRecord>& rules() const { return m_rules; }
    [[nodiscard]] const RuleRecord* findRule(const std::string& id) const;
    // Rules of one kind in the order they are tried within a hit.
    [[nodiscard]] const std::vector<const RuleRecord*>& rulesInOrder(const std::string& kind) const;
    // The values evaluation tries for a project attribute a hit of `kind` leaves unknown:
    // true/false for a flag; new/expansion/rebuild; 1–3; for project_type one type of each set
    // the kind's rules (and the kinds they take verdicts from) treat alike, kOtherValue for the
    // types they do not name; the industry-code prefixes those rules name plus kOtherValue.
    // Empty for names that are not project attributes.
    [[nodiscard]] const std::vector<std::string>& valuesToTry(const std::string& kind,
                                                              const std::string& attribute) const;
    // The values a tried value stands for (the project types treated alike), for messages.
    [[nodiscard]] std::vector<std::string> valuesStoodFor(const std::string& kind,
                                                          const std::string& attribute,
                                                          const std::string& value) const;
    // The sentence `make` writes for `key`, written once per rule set: evaluation messages
    // (the conditions of a MISSING-INFO entry) repeat on every hit of a zone, and spelling them
    // out costs more than deciding the hit. `key` must name everything the sentence depends on
    // besides this rule set. Bounded; thread-safe.
    [[nodiscard]] std::string memoText(const std::string& key,
                                       const std::function<std::string()>& make) const;

    // Plain-words description of a rule: conditions, precedence, verdict, reason, citation.
    // Throws ConfigError when there is no rule with that id.
    [[nodiscard]] std::string explain(const std::string& ruleId) const;

    DeclarativeRuleSet(std::string name, std::string version, std::string description,
                       std::string source, Vocabulary vocabulary, std::vector<RuleRecord> rules);
    ~DeclarativeRuleSet() override;
    // Holds pointers into its own rules: not copied or moved.
    DeclarativeRuleSet(const DeclarativeRuleSet&) = delete;
    DeclarativeRuleSet& operator=(const DeclarativeRuleSet&) = delete;

  private:
    std::string m_name;
    std::string m_version;
    std::string m_description;
    std::string m_source;
    Vocabulary m_vocabulary;
    std::vector<RuleRecord> m_rules;
    std::map<std::string, std::vector<const RuleRecord*>> m_order; // kind -> rules, tried order
    struct KindValues
    {
        std::vector<std::string> projectTypes;
        std::map<std::string, std::vector<std::string>> standsFor; // tried type -> types alike
        std::vector<std::string> industryCodes;
    };
    std::map<std::string, std::vector<std::string>> m_valuesToTry; // flags, construction, class
    std::map<std::string, KindValues> m_kindValues;                // per zone kind
    struct TextMemo;
    std::unique_ptr<TextMemo> m_texts;
    std::unique_ptr<detail::HitMemo> m_hits; // verdicts of hits already evaluated
};

} // namespace redline
