#include "redline/io/ShapefileFields.hpp"

#include <cctype>
#include <set>

namespace redline
{

namespace
{

std::string foldAsciiCase(const std::string& s)
{
    std::string out = s;
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

std::string utf8Prefix(const std::string& text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return text;
    std::size_t end = maxBytes;
    // Back off while the byte at `end` continues a multi-byte character (10xxxxxx).
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end);
}

std::vector<std::string> shapefileFieldNames(const std::vector<std::string>& names)
{
    std::set<std::string> taken;
    for (const auto& n : names)
        if (n.size() <= kShapefileNameBytes)
            taken.insert(foldAsciiCase(n));
    std::vector<std::string> out;
    std::set<std::string> keptShort; // short names already placed (a repeated one is renamed)
    for (const auto& n : names)
    {
        if (n.size() <= kShapefileNameBytes && keptShort.insert(foldAsciiCase(n)).second)
        {
            out.push_back(n);
            continue;
        }
        std::string candidate = utf8Prefix(n, kShapefileNameBytes);
        for (int k = 1; taken.count(foldAsciiCase(candidate)) > 0; ++k)
        {
            const std::string suffix = "_" + std::to_string(k);
            candidate = utf8Prefix(n, kShapefileNameBytes - suffix.size()) + suffix;
        }
        taken.insert(foldAsciiCase(candidate));
        out.push_back(candidate);
    }
    return out;
}

} // namespace redline
