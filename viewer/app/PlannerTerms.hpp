#pragma once
// The planner's words in the viewer (issue 14): layer, field and coded-value labels from the one
// vocabulary table of the engine (redline/rules/Terms.hpp), which the legend and the reports read
// too. Used by the identify panel, the attribute table, the edit-layer picker and the attribute
// form. Pure functions; thread-safe.

#include <QString>
#include <string>

#include "redline/data/Attributes.hpp"

namespace redline
{

// 生态保护红线 for ecological_redline; the layer's name for kinds outside the table.
[[nodiscard]] QString layerTitle(const std::string& kind, const std::string& name);
// 编号, 红线类型 …; the field name itself when the table has no label for it.
[[nodiscard]] QString fieldTitle(const std::string& kind, const std::string& field);
// 水源涵养 for water_conservation in a field with a domain; the value as text otherwise.
[[nodiscard]] QString fieldValueText(const std::string& kind, const std::string& field,
                                     const AttributeValue& value);

} // namespace redline
