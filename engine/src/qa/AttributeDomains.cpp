#include "redline/qa/AttributeDomains.hpp"

#include <algorithm>
#include <regex>

#include "redline/rules/Terms.hpp"

namespace redline
{
namespace
{

std::vector<std::string> allValues(const char* domain)
{
    std::vector<std::string> values;
    for (const Term& t : findTermDomain(domain)->terms)
        values.push_back(t.value);
    return values;
}

} // namespace

const std::vector<AttributeDomain>& attributeDomains()
{
    static const std::vector<AttributeDomain> kDomains = {
        {"ecological_redline", "redline_type", "redline_type", allValues("redline_type"), true},
        {"control_units", "unit_type", "unit_type", allValues("unit_type"), true},
        {"water_protection_zones", "level", "level", allValues("level"), true},
        {"protected_areas", "zoning", "zoning", {"core", "general"}, true},
        {"protected_areas", "category", "category", allValues("category"), false},
        {"prohibited_zones", "prohibition", "prohibition", allValues("prohibition"), false},
    };
    return kDomains;
}

bool inDomain(const AttributeDomain& d, const std::string& value)
{
    const auto canonical = canonicalValue(d.domain, value);
    return canonical && std::find(d.values.begin(), d.values.end(), *canonical) != d.values.end();
}

const std::vector<std::string>& keySubtypes()
{
    static const std::vector<std::string> kSubtypes = allValues("key_subtype");
    return kSubtypes;
}

namespace
{
char classDigit(const std::string& unitType)
{
    const auto type = canonicalValue("unit_type", unitType).value_or("");
    if (type == "priority")
        return '1';
    if (type == "key")
        return '2';
    if (type == "general")
        return '3';
    return '?';
}
} // namespace

std::string unitCodeProblem(const std::string& code, const std::string& unitType)
{
    static const std::regex kCode(R"(^ZH\d{6}[123]\d{4}$)");
    if (!std::regex_match(code, kCode))
        return "does not match ZH + 6-digit county code + class digit 1|2|3 + 4-digit serial";
    const char digit = classDigit(unitType);
    if (digit != '?' && code[8] != digit)
        return std::string("has class digit ") + code[8] + " but unit_type is '" + unitType +
               "' (" + digit + ")";
    return {};
}

std::string joinDomain(const std::vector<std::string>& values)
{
    std::string out;
    for (const auto& v : values)
        if (!v.empty())
            out += (out.empty() ? "" : ", ") + v;
    return out;
}

} // namespace redline
