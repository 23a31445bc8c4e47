#include "redline/rules/IndustryCode.hpp"

#include <array>
#include <cctype>
#include <string_view>

namespace redline
{
namespace
{

struct DivisionRange
{
    int first;
    int last;
    char section;
};

// GB/T 4754-2017 sections by division (two-digit 大类).
constexpr std::array<DivisionRange, 20> kSections{{
    {1, 5, 'A'},   {6, 12, 'B'},  {13, 43, 'C'}, {44, 46, 'D'}, {47, 50, 'E'},
    {51, 52, 'F'}, {53, 60, 'G'}, {61, 62, 'H'}, {63, 65, 'I'}, {66, 69, 'J'},
    {70, 70, 'K'}, {71, 72, 'L'}, {73, 75, 'M'}, {76, 79, 'N'}, {80, 82, 'O'},
    {83, 83, 'P'}, {84, 85, 'Q'}, {86, 90, 'R'}, {91, 96, 'S'}, {97, 97, 'T'},
}};

struct ClassEntry
{
    std::string_view prefix;
    int zjClass;
};

// RULEBOOK §6.1. Longer prefixes are listed before the shorter ones they refine.
constexpr std::array<ClassEntry, 23> kClassTable{{
    {"C3360", 3}, {"C2211", 3}, {"C2212", 3}, {"C2221", 3}, {"C2222", 3}, {"C2223", 3},
    {"C1910", 3}, {"C1713", 3}, {"C2925", 3}, {"C26", 3},   {"C27", 3},   {"C1951", 2},
    {"C1952", 2}, {"C1953", 2}, {"C1954", 2}, {"C1959", 2}, {"C2929", 2}, {"C3441", 2},
    {"C3443", 2}, {"C2231", 2}, {"C2239", 2}, {"C181", 2},  {"C245", 2},
}};

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

} // namespace

std::optional<std::string> normalizeIndustryCode(const std::string& text)
{
    std::string code;
    for (char c : text)
    {
        if (std::isspace(static_cast<unsigned char>(c)) == 0)
            code.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    if (code.empty())
        return std::nullopt;
    const bool hasLetter = code[0] >= 'A' && code[0] <= 'T';
    const std::string digits = hasLetter ? code.substr(1) : code;
    if (digits.size() > 4)
        return std::nullopt;
    for (char c : digits)
    {
        if (std::isdigit(static_cast<unsigned char>(c)) == 0)
            return std::nullopt;
    }
    if (hasLetter)
        return code;
    if (digits.size() < 2)
        return std::nullopt;
    const int division = std::stoi(digits.substr(0, 2));
    for (const auto& range : kSections)
    {
        if (division >= range.first && division <= range.last)
            return std::string(1, range.section) + digits;
    }
    return std::nullopt;
}

std::optional<int> inferZjIndustrialClass(const std::string& normalizedCode)
{
    for (const auto& entry : kClassTable)
    {
        if (startsWith(normalizedCode, entry.prefix))
            return entry.zjClass;
    }
    return std::nullopt;
}

std::optional<std::string> inferProjectType(const std::string& normalizedCode)
{
    if (normalizedCode.empty())
        return std::nullopt;
    if (normalizedCode[0] == 'C')
        return "industrial";
    if (normalizedCode[0] == 'B')
        return "mining";
    if (startsWith(normalizedCode, "A031") || startsWith(normalizedCode, "A032"))
        return "livestock_farm";
    if (startsWith(normalizedCode, "H62"))
        return "catering";
    return std::nullopt;
}

bool industryCodeInRange(const std::string& code, const std::string& lo, const std::string& hi)
{
    return code.substr(0, lo.size()) >= lo && code.substr(0, hi.size()) <= hi;
}

} // namespace redline
