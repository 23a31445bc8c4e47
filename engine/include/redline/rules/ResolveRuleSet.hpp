#pragma once
// Resolves a `--rules` value (DESIGN A3): "none" and registered names ("rules.yongjia", or
// "yongjia" for "rules.yongjia") through the registry; anything else naming an existing file is
// loaded as a declarative rule file. Throws ConfigError for an unknown name.

#include <memory>
#include <string>

#include "redline/rules/RuleSet.hpp"

namespace redline
{

class Registry;

inline constexpr const char* kDefaultRuleSet = "rules.yongjia";

[[nodiscard]] std::shared_ptr<const RuleSet> resolveRuleSet(const Registry& registry,
                                                            const std::string& nameOrFile);

} // namespace redline
