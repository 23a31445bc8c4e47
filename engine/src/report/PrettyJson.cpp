#include "report/PrettyJson.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace redline::detail
{

namespace
{

// The length of the well-formed UTF-8 sequence that starts at p[0] >= 0x80 (Unicode Table 3-7: no
// overlongs, no surrogates, nothing above U+10FFFF: what nlohmann's strict decoder accepts), or
// 0 when it is not one.
std::size_t utf8SequenceLength(const unsigned char* p, const unsigned char* end)
{
    const unsigned char b = *p;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF)
        n = 1;
    else if (b >= 0xE0 && b <= 0xEF)
    {
        n = 2;
        lo = b == 0xE0 ? 0xA0 : 0x80;
        hi = b == 0xED ? 0x9F : 0xBF;
    }
    else if (b >= 0xF0 && b <= 0xF4)
    {
        n = 3;
        lo = b == 0xF0 ? 0x90 : 0x80;
        hi = b == 0xF4 ? 0x8F : 0xBF;
    }
    else
        return 0;
    if (static_cast<std::size_t>(end - p) <= n || p[1] < lo || p[1] > hi)
        return 0;
    for (std::size_t k = 2; k <= n; ++k)
        if (p[k] < 0x80 || p[k] > 0xBF)
            return 0;
    return n + 1;
}

// A JSON string as nlohmann's dump() writes it (ensure_ascii off): UTF-8 copied as is, quote,
// backslash and control characters escaped; one pass. Text that is not UTF-8 goes to nlohmann
// itself, which refuses it (json::type_error) exactly as the document's dump would.
void appendString(std::string& out, std::string_view s)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = bytes + s.size();
    const std::size_t rollback = out.size();
    out += '"';
    std::size_t from = 0; // start of the bytes not yet written, none of which needs escaping
    for (std::size_t i = 0; i < s.size(); ++i)
    {
        const char c = s[i];
        if (static_cast<unsigned char>(c) >= 0x80)
        {
            const std::size_t n = utf8SequenceLength(bytes + i, end);
            if (n == 0)
            {
                out.resize(rollback);
                out += nlohmann::json(std::string(s)).dump();
                return;
            }
            i += n - 1;
            continue;
        }
        if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20)
            continue;
        out.append(s.data() + from, i - from);
        from = i + 1;
        switch (c)
        {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
        {
            char code[8];
            std::snprintf(code, sizeof code, "\\u%04x", static_cast<unsigned>(c));
            out += code;
        }
        }
    }
    out.append(s.data() + from, s.size() - from);
    out += '"';
}

// A number as nlohmann's dump() writes it: its own shortest round-trip digits (Grisu2), "null"
// for NaN and infinities.
void appendNumber(std::string& out, double v)
{
    if (!std::isfinite(v))
    {
        out += "null";
        return;
    }
    std::array<char, 64> buffer{};
    const char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
    out.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
}

} // namespace

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
    appendString(m_out, name);
    m_out += ": ";
    return *this;
}

PrettyJson& PrettyJson::string(const std::string& value)
{
    beforeValue();
    appendString(m_out, value);
    return *this;
}

PrettyJson& PrettyJson::number(double value)
{
    beforeValue();
    appendNumber(m_out, value);
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
    if (v.is_string())
        return string(v.get_ref<const std::string&>());
    if (v.is_number_float())
        return number(v.get<double>());
    beforeValue();
    m_out += v.dump(); // integers, true/false, null
    return *this;
}

} // namespace redline::detail
