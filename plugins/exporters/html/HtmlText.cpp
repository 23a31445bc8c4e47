#include "exporters/html/HtmlText.hpp"

namespace redline
{

std::string htmlEscape(const std::string& s)
{
    std::string out;
    out.reserve(s.size());
    for (const char c : s)
    {
        switch (c)
        {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string htmlLines(const std::string& s)
{
    const std::string escaped = htmlEscape(s);
    std::string out;
    for (const char c : escaped)
        if (c == '\n')
            out += "<br>";
        else
            out += c;
    return out;
}

} // namespace redline
