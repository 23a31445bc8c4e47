#pragma once
// Feature attributes: an ordered list of (name, value) pairs, as read from the source (UTF-8).

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace redline
{

using AttributeValue = std::variant<std::monostate, std::int64_t, double, std::string>;

class Attributes
{
public:
    void set(const std::string& name, AttributeValue value);
    [[nodiscard]] const AttributeValue* find(const std::string& name) const;
    // The value as text ("" for null); nullopt when the field is absent or null.
    [[nodiscard]] std::optional<std::string> text(const std::string& name) const;
    [[nodiscard]] std::optional<double> number(const std::string& name) const;
    // Yes/no values are read through the vocabulary table: redline/rules/Terms.hpp parseFlag().
    [[nodiscard]] const std::vector<std::pair<std::string, AttributeValue>>& items() const
    {
        return m_items;
    }
    [[nodiscard]] bool empty() const { return m_items.empty(); }

private:
    std::vector<std::pair<std::string, AttributeValue>> m_items;
};

[[nodiscard]] std::string toText(const AttributeValue& v);

} // namespace redline
