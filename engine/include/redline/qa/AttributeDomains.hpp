#pragma once
// Attribute domains of the conventional zoning layers (DESIGN A1, RULEBOOK §1.2 and §9), shared
// by the zoning QA (`redline check`, edit commits) and the viewer's attribute form so that both
// apply the same rules. Values and their spellings come from the one vocabulary table
// (redline/rules/Terms.hpp) that the rule engine reads zones through: a value the table knows
// under another spelling (一级保护区 for level I) is accepted, anything else is a finding.
// Pure data and functions, thread-safe.

#include <string>
#include <vector>

namespace redline
{

struct AttributeDomain
{
    const char* kind;
    const char* field;
    const char* domain;              // vocabulary domain (redline/rules/Terms.hpp)
    std::vector<std::string> values; // canonical values a store may hold
    bool required;                   // the layer must have the field and every feature a value
};

// The enumerated attributes: redline_type, unit_type, level (with Zhejiang's `rural` 农村饮用水
// 水源保护范围 beside the HJ 338 levels), protected-area zoning (core / general: legacy and
// wetland-park zonings are imported as these, RULEBOOK §4) and, where the layer has them,
// protected-area category and prohibition kind.
[[nodiscard]] const std::vector<AttributeDomain>& attributeDomains();

// Whether `value` is one of d.values or a spelling of one in the vocabulary table.
[[nodiscard]] bool inDomain(const AttributeDomain& d, const std::string& value);

// Zhejiang's key-unit subtypes (`key_subtype`; empty is allowed for non-key units).
[[nodiscard]] const std::vector<std::string>& keySubtypes();

// Checks a 三线一单 unit code against `^ZH\d{6}[123]\d{4}$` and its class digit against
// `unit_type` (priority 1, key 2, general 3, in any spelling of the vocabulary). Returns "" when
// the code is fine, else the rest of a sentence that starts with the code, e.g. "has class digit
// 2 but unit_type is 'general' (3)".
[[nodiscard]] std::string unitCodeProblem(const std::string& code, const std::string& unitType);

// "a, b, c" (empty values skipped), for messages listing a domain.
[[nodiscard]] std::string joinDomain(const std::vector<std::string>& values);

} // namespace redline
