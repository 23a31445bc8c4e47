#include "report/ReportTerms.hpp"

#include "redline/rules/Terms.hpp"

namespace redline
{

std::string zoneKindTitle(const std::string& kind)
{
    std::string zh = zhLabel("zone_kind", kind);
    return zh.empty() ? kind : zh;
}

const std::vector<std::string>& reportedKinds()
{
    static const std::vector<std::string> kKinds = {"ecological_redline", "water_protection_zones",
                                                    "protected_areas", "prohibited_zones",
                                                    "control_units"};
    return kKinds;
}

std::string geometryTypeTitle(GeometryType type)
{
    switch (type)
    {
    case GeometryType::Point:
        return "点";
    case GeometryType::MultiPoint:
        return "多点";
    case GeometryType::LineString:
        return "线";
    case GeometryType::MultiLineString:
        return "多线";
    case GeometryType::Polygon:
        return "面";
    case GeometryType::MultiPolygon:
        return "多面";
    }
    return toString(type);
}

std::string formatPercent(double share)
{
    return formatFixed(share * 100.0, 1) + "%";
}

} // namespace redline
