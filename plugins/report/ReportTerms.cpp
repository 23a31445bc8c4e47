#include "report/ReportTerms.hpp"

#include <cmath>
#include <cstdio>
#include <map>

namespace redline
{

std::string zoneKindTitle(const std::string& kind)
{
    static const std::map<std::string, std::string> kTitles = {
        {"ecological_redline", "生态保护红线"},
        {"control_units", "环境管控单元"},
        {"water_protection_zones", "饮用水水源保护区"},
        {"protected_areas", "自然保护地"},
        {"prohibited_zones", "禁止类区域"},
        {"townships", "乡镇街道"},
        {"county", "县界"},
        {"neighbours", "相邻县市"},
        {"rivers", "河流水系"},
    };
    const auto it = kTitles.find(kind);
    return it != kTitles.end() ? it->second : kind;
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

std::string formatFixed(double v, int decimals)
{
    if (std::isnan(v))
        return "-";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string formatPercent(double share)
{
    return formatFixed(share * 100.0, 1) + "%";
}

} // namespace redline
