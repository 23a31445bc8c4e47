// Look-ups in the vocabulary table (TermTable.cpp): spelling -> canonical values, value -> label.
#include "redline/rules/Terms.hpp"

#include <map>
#include <string>

namespace redline
{
namespace
{

// Per domain: normalised spelling -> canonical values, and canonical value -> label.
struct DomainIndex
{
    const TermDomain* domain = nullptr;
    std::map<std::string, std::vector<std::string>, std::less<>> spellings;
    std::map<std::string, std::string, std::less<>> labels;
};

std::map<std::string, DomainIndex, std::less<>> buildIndex()
{
    std::map<std::string, DomainIndex, std::less<>> index;
    for (const TermDomain& d : termDomains())
    {
        DomainIndex& di = index[d.name];
        di.domain = &d;
        for (const Term& t : d.terms)
        {
            di.labels[t.value] = t.zh;
            for (const std::string* s : {&t.value, &t.zh})
                di.spellings[normalizeSpelling(*s)] = {t.value};
            for (const auto& s : t.spellings)
                di.spellings[normalizeSpelling(s)] = {t.value};
        }
        for (const auto& [spelling, values] : d.compounds)
            di.spellings[normalizeSpelling(spelling)] = values;
    }
    return index;
}

const DomainIndex* findIndex(std::string_view domain)
{
    static const auto kIndex = buildIndex();
    const auto it = kIndex.find(domain);
    return it == kIndex.end() ? nullptr : &it->second;
}

// Length of the UTF-8 sequence starting with byte `c` (1 for ASCII and stray bytes).
std::size_t sequenceLength(unsigned char c)
{
    if (c >= 0xF0)
        return 4;
    if (c >= 0xE0)
        return 3;
    if (c >= 0xC0)
        return 2;
    return 1;
}

} // namespace

std::string normalizeSpelling(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();)
    {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t n = std::min(sequenceLength(c), text.size() - i);
        if (n == 3 && c == 0xE3 && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) == 0x80)
            out += ' '; // U+3000 ideographic space
        else if (n == 3 && c == 0xEF)
        {
            // U+FF01..U+FF5E full-width ASCII: EF BC 81..BF, EF BD 80..9E.
            const auto b1 = static_cast<unsigned char>(text[i + 1]);
            const auto b2 = static_cast<unsigned char>(text[i + 2]);
            const unsigned code = ((c & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
            if (code >= 0xFF01 && code <= 0xFF5E)
                out += static_cast<char>(code - 0xFF01 + 0x21);
            else
                out.append(text.substr(i, n));
        }
        else
            out.append(text.substr(i, n));
        i += n;
    }
    for (char& c : out)
    {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    const auto first = out.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const auto last = out.find_last_not_of(" \t\r\n");
    return out.substr(first, last - first + 1);
}

const TermDomain* findTermDomain(std::string_view domain)
{
    const DomainIndex* index = findIndex(domain);
    return index ? index->domain : nullptr;
}

std::vector<std::string> canonicalValues(std::string_view domain, std::string_view text)
{
    const DomainIndex* index = findIndex(domain);
    if (!index)
        return {};
    const auto it = index->spellings.find(normalizeSpelling(text));
    return it == index->spellings.end() ? std::vector<std::string>{} : it->second;
}

std::optional<std::string> canonicalValue(std::string_view domain, std::string_view text)
{
    auto values = canonicalValues(domain, text);
    if (values.size() != 1)
        return std::nullopt;
    return std::move(values.front());
}

std::string zhLabel(std::string_view domain, std::string_view value)
{
    const DomainIndex* index = findIndex(domain);
    if (!index)
        return {};
    if (const auto it = index->labels.find(value); it != index->labels.end())
        return it->second;
    const auto canonical = canonicalValue(domain, value);
    return canonical ? index->labels.find(*canonical)->second : std::string();
}

std::optional<bool> parseFlag(std::string_view text)
{
    const auto value = canonicalValue("flag", text);
    if (!value)
        return std::nullopt;
    return *value == "true";
}

std::string domainValueList(std::string_view domain)
{
    const TermDomain* d = findTermDomain(domain);
    std::string out;
    if (d)
    {
        for (const Term& t : d->terms)
            out += (out.empty() ? "" : ", ") + t.value;
    }
    return out;
}

} // namespace redline
