#include "redline/core/CsvField.hpp"

namespace redline
{

std::string csvField(std::string_view text)
{
    if (text.find_first_of(",\"\n\r") == std::string_view::npos)
        return std::string(text);
    std::string out = "\"";
    for (const char c : text)
    {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

} // namespace redline
