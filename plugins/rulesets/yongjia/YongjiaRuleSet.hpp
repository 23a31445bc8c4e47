#pragma once
// rules.yongjia: the Zhejiang / Yongjia County rule set (RULEBOOK §1–§5) as a declarative rule
// set read from the embedded yongjia_rules.yaml. The default of `redline screen --rules`.

#include <memory>

#include "redline/rules/DeclarativeRuleSet.hpp"

namespace redline
{

class Registry;

inline constexpr const char* kYongjiaRuleSetName = "rules.yongjia";

// Parsed once (thread-safe), then shared. Throws ConfigError if the embedded file is invalid.
[[nodiscard]] std::shared_ptr<const DeclarativeRuleSet> yongjiaRuleSet();

void registerYongjiaRuleSet(Registry& registry);

} // namespace redline
