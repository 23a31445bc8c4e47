#include "redline/rules/Vocabulary.hpp"

#include <algorithm>
#include <cctype>

namespace redline
{

Vocabulary Vocabulary::builtin()
{
    Vocabulary v;
    v.zoneKinds = {"ecological_redline", "control_units", "water_protection_zones",
                   "protected_areas", "prohibited_zones"};
    v.projectTypes = {// RULEBOOK §0
                      "industrial", "livestock_farm", "road", "railway", "pipeline", "power_line",
                      "telecom", "water_supply", "flood_control", "hydrology", "tourism_facility",
                      "catering", "residential", "public_service", "mining", "eco_restoration",
                      "research_monitoring", "resident_livelihood", "forestry", "other",
                      // extensions named by ERL-02, DW-03/04/08/10, PA-02/06/07, NX-01..03
                      "commercial", "real_estate", "aquaculture", "recreation", "swimming_facility",
                      "bbq_site", "camping_site", "hotel", "quarrying", "cemetery",
                      "hazardous_depot", "oil_depot", "fuel_station", "wharf", "development_zone",
                      "land_reclamation", "waste_facility", "source_protection",
                      "geological_survey", "archaeology"};
    v.constructions = {"new", "expansion", "rebuild"};
    v.flags = {// RULEBOOK §0
               "discharges_pollutants", "sewage_outfall", "increases_discharge",
               "heavy_water_polluter", "high_total_nitrogen", "new_construction_land",
               "unavoidable", "in_county_plan", "national_major",
               // activities named by DW-06, DW-10, DW-12 and PA-03
               "stores_solid_waste", "hazardous_goods", "ship_washing", "pollutant_wharf",
               "toxic_container_washing", "high_toxicity_pesticide", "waste_dumping",
               "pollutes_or_damages"};
    return v;
}

std::string canonicalWord(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    std::string word = text.substr(first, last - first + 1);
    std::transform(word.begin(), word.end(), word.begin(),
                   [](char c)
                   { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    if (word == "新建")
        return "new";
    if (word == "扩建")
        return "expansion";
    if (word == "改建")
        return "rebuild";
    return word;
}

} // namespace redline
