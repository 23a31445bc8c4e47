#include "edit/AttributeDomains.hpp"

#include <algorithm>
#include <regex>

namespace redline
{

namespace
{

struct Domain
{
    const char* kind;
    const char* field;
    std::vector<std::string> values;
};

// `rural` (农村饮用水水源保护范围) is accepted beside the HJ 338 levels, as by the engine's QA.
const std::vector<Domain>& domains()
{
    static const std::vector<Domain> kDomains = {
        {"ecological_redline",
         "redline_type",
         {"water_conservation", "soil_conservation", "scenic"}},
        {"control_units", "unit_type", {"priority", "key", "general"}},
        {"control_units", "key_subtype", {"", "urban_living", "industrial_cluster"}},
        {"water_protection_zones", "level", {"I", "II", "quasi", "rural"}},
        {"protected_areas", "zoning", {"core", "general"}},
    };
    return kDomains;
}

std::string joined(const std::vector<std::string>& values)
{
    std::string out;
    for (const auto& v : values)
        if (!v.empty())
            out += (out.empty() ? "" : ", ") + v;
    return out;
}

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

std::vector<std::string> attributeDomain(const std::string& kind, const std::string& field)
{
    for (const Domain& d : domains())
        if (kind == d.kind && field == d.field)
            return d.values;
    return {};
}

std::vector<std::string> attributeProblems(const std::string& kind, const std::string& idField,
                                           const Attributes& values)
{
    std::vector<std::string> problems;
    if (!idField.empty() && values.text(idField).value_or("").empty())
        problems.push_back(idField + " must not be empty");
    for (const Domain& d : domains())
    {
        if (kind != d.kind)
            continue;
        const std::string v = values.text(d.field).value_or("");
        if (std::find(d.values.begin(), d.values.end(), v) == d.values.end())
            problems.push_back(d.field + std::string(" '") + v + "' is not one of " +
                               joined(d.values));
    }
    if (kind == "control_units")
    {
        static const std::regex kCode(R"(^ZH\d{6}[123]\d{4}$)");
        const std::string field = idField.empty() ? "unit_code" : idField;
        const std::string code = values.text(field).value_or("");
        const std::string type = values.text("unit_type").value_or("");
        if (!std::regex_match(code, kCode))
            problems.push_back(field + " '" + code +
                               "' does not match ZH + 6-digit county code + class digit 1|2|3 + "
                               "4-digit serial");
        else if (classDigit(type) != '?' && code[8] != classDigit(type))
            problems.push_back(field + " '" + code + "' has class digit " + code[8] +
                               " but unit_type '" + type + "' needs " + classDigit(type));
    }
    return problems;
}

} // namespace redline
