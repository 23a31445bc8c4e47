#include "rulesets/yongjia/YongjiaRuleSet.hpp"

#include "redline/plugin/Registry.hpp"
#include "rulesets/yongjia/YongjiaRulesText.hpp"

namespace redline
{

std::shared_ptr<const DeclarativeRuleSet> yongjiaRuleSet()
{
    // A function-local static is initialised once even with concurrent callers; the registry's
    // factory is called on every lookup, so this keeps parsing to once per process.
    static const std::shared_ptr<const DeclarativeRuleSet> ruleSet =
        DeclarativeRuleSet::fromYamlText(yongjiaRulesYaml(), "rules.yongjia (built in)");
    return ruleSet;
}

void registerYongjiaRuleSet(Registry& registry)
{
    registry.addRuleSet({kYongjiaRuleSetName,
                         "Zhejiang / Yongjia County screening rules with citations (RULEBOOK "
                         "§1–§5); the default"},
                        [] { return yongjiaRuleSet(); });
}

} // namespace redline
