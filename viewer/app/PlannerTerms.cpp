#include "app/PlannerTerms.hpp"

#include "redline/rules/Terms.hpp"

namespace redline
{

QString layerTitle(const std::string& kind, const std::string& name)
{
    const std::string zh = zhLabel("zone_kind", kind);
    return QString::fromStdString(zh.empty() ? name : zh);
}

QString fieldTitle(const std::string& kind, const std::string& field)
{
    const std::string zh = zhFieldLabel(kind, field);
    return QString::fromStdString(zh.empty() ? field : zh);
}

QString fieldValueText(const std::string& kind, const std::string& field,
                       const AttributeValue& value)
{
    const std::string text = toText(value);
    return QString::fromStdString(zhFieldValue(kind, field, text));
}

} // namespace redline
