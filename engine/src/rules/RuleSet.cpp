#include "redline/rules/RuleSet.hpp"

namespace redline
{

const Vocabulary& RuleSet::vocabulary() const
{
    static const Vocabulary kBuiltin = Vocabulary::builtin();
    return kBuiltin;
}

} // namespace redline
