#pragma once
// Attribute domains the viewer checks before it applies an attribute edit (DESIGN A1, RULEBOOK
// §1.2): the enumerations of the conventional layer kinds, the control-unit code
// `^ZH\d{6}[123]\d{4}$` whose class digit must agree with `unit_type`, and a non-empty id.
// The rules come from the engine (redline/qa/AttributeDomains.hpp, as in `redline check`), checked
// here so that a planner sees the problem in the form instead of at save time. Pure, thread-safe.

#include <string>
#include <vector>

#include "redline/data/Attributes.hpp"

namespace redline
{

// Allowed values of `field` for a layer kind; empty when the field is free text.
[[nodiscard]] std::vector<std::string> attributeDomain(const std::string& kind,
                                                       const std::string& field);

// One sentence per problem ("unit_type 'foo' is not one of priority, key, general"); empty when
// the attributes may be applied. `idField` is the layer's id field (zone_id, unit_code, code).
[[nodiscard]] std::vector<std::string>
attributeProblems(const std::string& kind, const std::string& idField, const Attributes& values);

} // namespace redline
