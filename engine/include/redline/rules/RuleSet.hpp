#pragma once
// A rule set turns a site's hits into verdicts with citations (RULEBOOK §0). Implementations are
// registered in the plugin Registry (e.g. "rules.yongjia"). evaluate() must be thread-safe (it is
// called concurrently for different sites) and must not call GEOS or GDAL.

#include <set>
#include <string>

#include "redline/analysis/SiteResult.hpp"
#include "redline/rules/Vocabulary.hpp"

namespace redline
{

struct RuleContext
{
    std::set<std::string> kindsPresent; // zone kinds the store holds (for "outside every unit")
};

class RuleSet
{
  public:
    virtual ~RuleSet() = default;
    [[nodiscard]] virtual std::string name() const = 0;
    [[nodiscard]] virtual std::string version() const = 0;
    // Fills hit.rules / hit.verdict of every hit and site.verdict (and may add warnings).
    virtual void evaluate(SiteResult& site, const RuleContext& context) const = 0;
    // The project attributes and values the rule set reads (for ProjectAttributeMapping);
    // the built-in vocabulary unless the rule set extends it.
    [[nodiscard]] virtual const Vocabulary& vocabulary() const;
};

// The rule set used before/without rules: every hit needs_review, a site with no hit is allowed.
class OverlapOnlyRuleSet final : public RuleSet
{
  public:
    [[nodiscard]] std::string name() const override { return "none"; }
    [[nodiscard]] std::string version() const override { return "1"; }
    void evaluate(SiteResult& site, const RuleContext& context) const override;
};

} // namespace redline
