
#include <nlohmann/json.hpp>

#include "redline/core/CsvField.hpp"
#include "redline/core/Numbers.hpp"
#include "redline/stats/ZoningStats.hpp"

namespace redline
{

namespace
{

std::string fixed(double v, int decimals)
{
    return formatFixed(v, decimals);
}

} // namespace

void writeStatsCsv(const std::vector<AreaRow>& rows, std::ostream& out)
{
    out << "layer,kind,class_field,class,township_code,township_name,features,area_m2,area_km2,"
           "area_mu,ellipsoidal_m2\n";
    for (const auto& r : rows)
        out << csvField(r.layer) << ',' << csvField(r.kind) << ',' << csvField(r.classField) << ','
            << csvField(r.className) << ',' << csvField(r.townshipCode) << ','
            << csvField(r.townshipName) << ',' << r.featureCount << ',' << fixed(r.areaM2, 2) << ','
            << fixed(r.areaKm2(), 6) << ',' << fixed(r.areaMu(), 2) << ','
            << fixed(r.ellipsoidalM2, 2) << '\n';
}

void writeStatsJson(const std::vector<AreaRow>& rows, const std::string& store,
                    const std::string& crs, std::ostream& out)
{
    nlohmann::ordered_json j;
    j["zones"] = store;
    j["analysis_crs"] = crs;
    j["rows"] = nlohmann::ordered_json::array();
    for (const auto& r : rows)
    {
        nlohmann::ordered_json rj;
        rj["layer"] = r.layer;
        rj["kind"] = r.kind;
        rj["class_field"] = r.classField;
        rj["class"] = r.className;
        rj["township_code"] = r.townshipCode;
        rj["township_name"] = r.townshipName;
        rj["features"] = r.featureCount;
        rj["area_m2"] = r.areaM2;
        rj["area_km2"] = r.areaKm2();
        rj["area_mu"] = r.areaMu();
        rj["ellipsoidal_m2"] = r.ellipsoidalM2;
        j["rows"].push_back(rj);
    }
    out << j.dump(2) << '\n';
}

void writeStatsText(const std::vector<AreaRow>& rows, std::ostream& out)
{
    std::string lastLayer;
    for (const auto& r : rows)
    {
        if (r.layer != lastLayer)
        {
            out << r.layer << " [" << r.kind << "]\n";
            lastLayer = r.layer;
        }
        std::string label = r.className == "*" ? "all" : r.classField + "=" + r.className;
        if (r.townshipCode != "*")
            label += "  @ " + r.townshipName + " (" + r.townshipCode + ")";
        out << "  " << label << ": " << fixed(r.areaM2, 2) << " m²  " << fixed(r.areaKm2(), 4)
            << " km²  " << fixed(r.areaMu(), 1) << " 亩\n";
    }
}

} // namespace redline
