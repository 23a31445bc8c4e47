#include "edit/AttributeDomains.hpp"

#include "redline/qa/AttributeDomains.hpp"
#include "redline/rules/Terms.hpp"

namespace redline
{

std::vector<std::string> attributeDomain(const std::string& kind, const std::string& field)
{
    for (const AttributeDomain& d : attributeDomains())
        if (kind == d.kind && field == d.field)
            return d.values;
    if (kind == "control_units" && field == "key_subtype")
    {
        std::vector<std::string> values{""}; // non-key units have none
        values.insert(values.end(), keySubtypes().begin(), keySubtypes().end());
        return values;
    }
    return {};
}

std::vector<std::string> attributeProblems(const std::string& kind, const std::string& idField,
                                           const Attributes& values)
{
    std::vector<std::string> problems;
    if (!idField.empty() && values.text(idField).value_or("").empty())
        problems.push_back(idField + " must not be empty");
    for (const AttributeDomain& d : attributeDomains())
    {
        if (kind != d.kind)
            continue;
        const std::string v = values.text(d.field).value_or("");
        if (!inDomain(d, v) && (d.required || !v.empty()))
            problems.push_back(d.field + std::string(" '") + v + "' is not one of " +
                               joinDomain(d.values));
    }
    if (kind == "control_units")
    {
        const std::string field = idField.empty() ? "unit_code" : idField;
        const std::string code = values.text(field).value_or("");
        if (const std::string problem =
                unitCodeProblem(code, values.text("unit_type").value_or(""));
            !problem.empty())
            problems.push_back(field + " '" + code + "' " + problem);
        const std::string subtype = values.text("key_subtype").value_or("");
        if (!subtype.empty() && !canonicalValue("key_subtype", subtype))
            problems.push_back("key_subtype '" + subtype + "' is not one of " +
                               joinDomain(keySubtypes()));
    }
    return problems;
}

} // namespace redline
