#include "BuiltinPlugins.hpp"

#include "redline/plugin/Registry.hpp"

namespace redline
{

void registerBuiltinPlugins(Registry& registry)
{
    registry.addRuleSet({"none", "Overlaps only: every hit needs_review, no hit allowed"},
                        [] { return std::make_shared<const OverlapOnlyRuleSet>(); });
}

} // namespace redline
