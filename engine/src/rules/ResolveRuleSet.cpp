#include "redline/rules/ResolveRuleSet.hpp"

#include <filesystem>

#include "redline/core/Error.hpp"
#include "redline/plugin/Registry.hpp"
#include "redline/rules/DeclarativeRuleSet.hpp"

namespace redline
{

std::shared_ptr<const RuleSet> resolveRuleSet(const Registry& registry,
                                              const std::string& nameOrFile)
{
    if (auto registered = registry.ruleSet(nameOrFile))
        return registered;
    std::error_code ec;
    if (std::filesystem::is_regular_file(nameOrFile, ec))
        return DeclarativeRuleSet::fromFile(nameOrFile);
    std::string known;
    for (const auto& info : registry.list())
    {
        if (info.name == "none" || info.name.rfind("rules.", 0) == 0)
            known += (known.empty() ? "" : ", ") + info.name;
    }
    throw ConfigError("--rules '" + nameOrFile +
                      "': neither a rule file nor a registered rule set (known: " + known + ")");
}

} // namespace redline
