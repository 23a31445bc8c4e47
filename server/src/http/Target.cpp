#include "http/Target.hpp"

namespace redline::service
{

namespace
{

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::optional<std::string> percentDecode(std::string_view text, bool plusIsSpace)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        char c = text[i];
        if (c == '%')
        {
            if (i + 2 >= text.size())
                return std::nullopt;
            const int hi = hexValue(text[i + 1]), lo = hexValue(text[i + 2]);
            if (hi < 0 || lo < 0)
                return std::nullopt;
            c = static_cast<char>(hi * 16 + lo);
            i += 2;
        }
        else if (c == '+' && plusIsSpace)
            c = ' ';
        if (c == '\0')
            return std::nullopt;
        out.push_back(c);
    }
    return out;
}

std::string percentEncode(std::string_view text)
{
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text)
    {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~')
            out.push_back(static_cast<char>(c));
        else
        {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

std::optional<std::map<std::string, std::string>> parseForm(std::string_view text)
{
    std::map<std::string, std::string> out;
    while (!text.empty())
    {
        const std::size_t amp = text.find('&');
        const std::string_view pair = text.substr(0, amp);
        text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
        if (pair.empty())
            continue;
        const std::size_t eq = pair.find('=');
        auto key = percentDecode(pair.substr(0, eq), true);
        auto value = eq == std::string_view::npos ? std::optional<std::string>("")
                                                  : percentDecode(pair.substr(eq + 1), true);
        if (!key || !value || !out.emplace(*key, *value).second)
            return std::nullopt;
    }
    return out;
}

std::optional<Target> Target::parse(std::string_view target)
{
    if (target.empty() || target[0] != '/')
        return std::nullopt;
    Target t;
    const std::size_t q = target.find('?');
    std::string_view path = target.substr(0, q);
    if (q != std::string_view::npos)
    {
        auto query = parseForm(target.substr(q + 1));
        if (!query)
            return std::nullopt;
        t.query = std::move(*query);
    }
    while (!path.empty())
    {
        path.remove_prefix(1); // the '/'
        const std::size_t slash = path.find('/');
        auto segment = percentDecode(path.substr(0, slash), false);
        if (!segment || segment->find('/') != std::string::npos)
            return std::nullopt;
        if (!segment->empty())
            t.segments.push_back(std::move(*segment));
        path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
    }
    return t;
}

const std::string* Target::param(const std::string& name) const
{
    auto it = query.find(name);
    return it == query.end() ? nullptr : &it->second;
}

} // namespace redline::service
