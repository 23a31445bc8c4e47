#pragma once
// Attribute names as rules see them: exact match first, then ASCII case-insensitive, because
// zoning and site files spell fields PWWPFGK / pwwpfgk / Project_Type alike. Private.

#include <optional>
#include <string>

#include "redline/data/Attributes.hpp"

namespace redline::detail
{

// The attribute's name as stored in `attributes`, or `name` itself when there is none.
[[nodiscard]] std::string storedName(const Attributes& attributes, const std::string& name);

[[nodiscard]] inline std::optional<std::string> textOf(const Attributes& attributes,
                                                       const std::string& name)
{
    return attributes.text(storedName(attributes, name));
}

} // namespace redline::detail
