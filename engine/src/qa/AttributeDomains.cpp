#include "redline/qa/AttributeDomains.hpp"

#include <regex>

namespace redline
{

const std::vector<AttributeDomain>& attributeDomains()
{
    static const std::vector<AttributeDomain> kDomains = {
        {"ecological_redline",
         "redline_type",
         {"water_conservation", "soil_conservation", "scenic"}},
        {"control_units", "unit_type", {"priority", "key", "general"}},
        {"water_protection_zones", "level", {"I", "II", "quasi", "rural"}},
        {"protected_areas", "zoning", {"core", "general"}},
    };
    return kDomains;
}

const std::vector<std::string>& keySubtypes()
{
    static const std::vector<std::string> kSubtypes = {"urban_living", "industrial_cluster"};
    return kSubtypes;
}

namespace
{
char classDigit(const std::string& unitType)
{
    if (unitType == "priority")
        return '1';
    if (unitType == "key")
        return '2';
    if (unitType == "general")
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
