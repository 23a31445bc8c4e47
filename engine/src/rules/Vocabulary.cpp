#include "redline/rules/Vocabulary.hpp"

#include "redline/rules/Terms.hpp"

namespace redline
{
namespace
{

std::set<std::string> termValues(const char* domain)
{
    std::set<std::string> values;
    for (const Term& t : findTermDomain(domain)->terms)
        values.insert(t.value);
    return values;
}

} // namespace

Vocabulary Vocabulary::builtin()
{
    Vocabulary v;
    v.zoneKinds = {"ecological_redline", "control_units", "water_protection_zones",
                   "protected_areas", "prohibited_zones"};
    v.projectTypes = termValues("project_type");
    v.constructions = termValues("construction");
    v.flags = {// RULEBOOK §0
               "discharges_pollutants", "sewage_outfall", "increases_discharge",
               "heavy_water_polluter", "high_total_nitrogen", "new_construction_land",
               "unavoidable", "in_county_plan", "national_major",
               // activities named by DW-06, DW-10, DW-12 and PA-03
               "stores_solid_waste", "hazardous_goods", "ship_washing", "pollutant_wharf",
               "toxic_container_washing", "high_toxicity_pesticide", "waste_dumping",
               "pollutes_or_damages"};
    v.protectiveKinds = {"ecological_redline", "water_protection_zones", "protected_areas",
                         "prohibited_zones"};
    return v;
}

std::vector<std::string> Vocabulary::zoneValue(const std::string& domain,
                                               const std::string& text) const
{
    auto values = canonicalValues(domain, text);
    if (!values.empty())
        return values;
    const auto extra = zoneValues.find(domain);
    if (extra != zoneValues.end())
    {
        const std::string word = normalizeSpelling(text);
        for (const auto& v : extra->second)
        {
            if (normalizeSpelling(v) == word)
                return {v};
        }
    }
    return {};
}

std::vector<std::string> Vocabulary::zoneDomainValues(const std::string& domain) const
{
    std::vector<std::string> values;
    if (const TermDomain* d = findTermDomain(domain))
    {
        for (const Term& t : d->terms)
            values.push_back(t.value);
    }
    if (const auto extra = zoneValues.find(domain); extra != zoneValues.end())
        values.insert(values.end(), extra->second.begin(), extra->second.end());
    return values;
}

} // namespace redline
