#include "ReportTerms.hpp"

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

std::string formatPercent(double share)
{
    return formatFixed(share * 100.0, 1) + "%";
}

} // namespace redline
