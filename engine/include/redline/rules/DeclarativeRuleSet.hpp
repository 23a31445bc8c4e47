#pragma once
// A rule set read from declarative YAML rule records (RULEBOOK §0; the schema is documented at
// the top of plugins/rulesets/yongjia/yongjia_rules.yaml). Validated on load: unknown fields, bad
// enum values and unknown zone kinds throw ConfigError naming the file, line, rule and field.
//
// Evaluation of one hit (RULEBOOK §0):
//  - the rules of the hit's kind whose hit mode fits (overlap / buffer-only) are tried in order
//    of specificity (highest first, file order on ties; catch-all `fallback` rules last);
//  - a condition on a project attribute the site lacks (project_type, construction,
//    industry_code, zj_industrial_class, a boolean flag left empty/null) is "unknown": the rule
//    yields needs_review, 信息不足, naming the attribute. Exception: the rule file's
//    `opt_in_flags` (stated only when they apply, e.g. national_major) count as false;
//  - the first rule that matches decides the hit's verdict; when unknown rules come before it
//    and could have given another verdict, the hit is needs_review (信息不足) instead;
//  - `hit.rules` reports every rule whose conditions hold (not only the deciding one), in the
//    order tried, preceded by the unknown rules that were tried before the deciding one;
//    fallback rules are reported only when no other rule matched;
//  - a buffer-only hit is capped at needs_review; a hit matching no rule is allowed (符合).
// Site verdict = the most severe hit verdict; "outside" rules (TL-10) add a site-level
// needs_review and a warning when the store has the kind but the site overlaps none of it.
//
// Thread-safety: immutable after load; evaluate() may run concurrently.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "redline/rules/RuleRecord.hpp"
#include "redline/rules/RuleSet.hpp"
#include "redline/rules/Vocabulary.hpp"

namespace redline
{

struct ProjectProfile;

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
    [[nodiscard]] const Vocabulary& vocabulary() const { return m_vocabulary; }

    void evaluate(SiteResult& site, const RuleContext& context) const override;

    // Every rule in file order.
    [[nodiscard]] const std::vector<RuleRecord>& rules() const { return m_rules; }
    [[nodiscard]] const RuleRecord* findRule(const std::string& id) const;
    // Rules of one kind in the order they are tried within a hit.
    [[nodiscard]] std::vector<const RuleRecord*> rulesInOrder(const std::string& kind) const;
    // Plain-words description of a rule: conditions, precedence, verdict, reason, citation.
    // Throws ConfigError when there is no rule with that id.
    [[nodiscard]] std::string explain(const std::string& ruleId) const;

    DeclarativeRuleSet(std::string name, std::string version, std::string description,
                       std::string source, Vocabulary vocabulary, std::vector<RuleRecord> rules);

  private:
    struct Outcome;
    [[nodiscard]] Outcome evaluateHit(const Hit& hit, const std::string& kind,
                                      const SiteResult& site, const ProjectProfile& project,
                                      int depth) const;

    std::string m_name;
    std::string m_version;
    std::string m_description;
    std::string m_source;
    Vocabulary m_vocabulary;
    std::vector<RuleRecord> m_rules;
    std::map<std::string, std::vector<std::size_t>> m_order; // kind -> rule indices, tried order
};

} // namespace redline
