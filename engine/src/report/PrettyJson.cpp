#include "report/PrettyJson.hpp"

#include <stdexcept>

namespace redline::detail
{

void PrettyJson::newLine(std::size_t depth)
{
    m_out += '\n';
    m_out.append(depth * static_cast<std::size_t>(m_indent), ' ');
}

void PrettyJson::beforeValue()
{
    if (m_levels.empty())
        return;
    Level& level = m_levels.back();
    if (level.object)
        return; // key() placed it
    if (level.count++ > 0)
        m_out += ',';
    newLine(m_levels.size());
}

void PrettyJson::open(char bracket, bool object)
{
    beforeValue();
    m_out += bracket;
    m_levels.push_back({object, 0, {}});
}

void PrettyJson::close(char bracket, bool object)
{
    if (m_levels.empty() || m_levels.back().object != object)
        throw std::logic_error("PrettyJson: unbalanced close");
    const bool empty = m_levels.back().count == 0;
    m_levels.pop_back();
    if (!empty)
        newLine(m_levels.size());
    m_out += bracket;
}

PrettyJson& PrettyJson::beginObject()
{
    open('{', true);
    return *this;
}

PrettyJson& PrettyJson::endObject()
{
    close('}', true);
    return *this;
}

PrettyJson& PrettyJson::beginArray()
{
    open('[', false);
    return *this;
}

PrettyJson& PrettyJson::endArray()
{
    close(']', false);
    return *this;
}

PrettyJson& PrettyJson::key(std::string_view name)
{
    if (m_levels.empty() || !m_levels.back().object)
        throw std::logic_error("PrettyJson: a key outside an object");
    Level& level = m_levels.back();
    if (level.count > 0 && !(level.lastKey < name))
        throw std::logic_error("PrettyJson: key '" + std::string(name) + "' out of order");
    if (level.count++ > 0)
        m_out += ',';
    level.lastKey.assign(name);
    newLine(m_levels.size());
    m_out += nlohmann::json(level.lastKey).dump();
    m_out += ": ";
    return *this;
}

PrettyJson& PrettyJson::string(const std::string& value)
{
    beforeValue();
    m_out += nlohmann::json(value).dump();
    return *this;
}

PrettyJson& PrettyJson::number(double value)
{
    beforeValue();
    m_out += nlohmann::json(value).dump();
    return *this;
}

PrettyJson& PrettyJson::integer(std::int64_t value)
{
    beforeValue();
    m_out += std::to_string(value);
    return *this;
}

PrettyJson& PrettyJson::boolean(bool value)
{
    beforeValue();
    m_out += value ? "true" : "false";
    return *this;
}

PrettyJson& PrettyJson::null()
{
    beforeValue();
    m_out += "null";
    return *this;
}

PrettyJson& PrettyJson::strings(const std::vector<std::string>& values)
{
    beginArray();
    for (const auto& v : values)
        string(v);
    return endArray();
}

PrettyJson& PrettyJson::value(const nlohmann::json& v)
{
    if (v.is_object())
    {
        beginObject();
        for (const auto& [name, item] : v.items())
        {
            key(name);
            value(item);
        }
        return endObject();
    }
    if (v.is_array())
    {
        beginArray();
        for (const auto& item : v)
            value(item);
        return endArray();
    }
    beforeValue();
    m_out += v.dump();
    return *this;
}

} // namespace redline::detail
