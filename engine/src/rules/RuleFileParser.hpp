#pragma once
// Reads and validates a declarative rule file (YAML). Private to the engine.

#include <string>
#include <vector>

#include "redline/rules/RuleRecord.hpp"
#include "redline/rules/Vocabulary.hpp"

namespace redline::detail
{

struct RuleFile
{
    std::string name;
    std::string version;
    std::string description;
    Vocabulary vocabulary;
    std::vector<RuleRecord> rules;
};

// Throws ConfigError "<source>:<line>: rule '<id>': field '<f>': <problem>" on the first problem.
[[nodiscard]] RuleFile parseRuleFile(const std::string& text, const std::string& sourceName);

} // namespace redline::detail
