#include "redline/data/Attributes.hpp"

#include "redline/core/Numbers.hpp"

namespace redline
{

void Attributes::set(const std::string& name, AttributeValue value)
{
    for (auto& [n, v] : m_items)
        if (n == name)
        {
            v = std::move(value);
            return;
        }
    m_items.emplace_back(name, std::move(value));
}

const AttributeValue* Attributes::find(const std::string& name) const
{
    for (const auto& [n, v] : m_items)
        if (n == name)
            return &v;
    return nullptr;
}

std::string toText(const AttributeValue& v)
{
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&v))
        return formatSignificant(*d, 15);
    if (const auto* s = std::get_if<std::string>(&v))
        return *s;
    return {};
}

std::optional<std::string> Attributes::text(const std::string& name) const
{
    const auto* v = find(name);
    if (!v || std::holds_alternative<std::monostate>(*v))
        return std::nullopt;
    return toText(*v);
}

std::optional<double> Attributes::number(const std::string& name) const
{
    const auto* v = find(name);
    if (!v)
        return std::nullopt;
    if (const auto* i = std::get_if<std::int64_t>(v))
        return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(v))
        return *d;
    if (const auto* s = std::get_if<std::string>(v))
        return parseNumber(*s);
    return std::nullopt;
}

} // namespace redline
