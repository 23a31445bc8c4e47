#include "redline/model/ZoneLayer.hpp"

#include <array>
#include <string_view>

namespace redline
{

std::optional<ConventionalLayer> conventionalLayer(const std::string& layerName)
{
    struct Row
    {
        std::string_view layer;
        ConventionalLayer info;
    };
    // DESIGN A1: the first key attribute is the zone's id in every result.
    static constexpr std::array<Row, 11> kRows{{
        {"ecological_redline", {"ecological_redline", "zone_id", "name", true}},
        {"control_units", {"control_units", "unit_code", "name", true}},
        {"water_protection_zones", {"water_protection_zones", "zone_id", "source_name", true}},
        {"protected_areas", {"protected_areas", "zone_id", "name", true}},
        {"prohibited_zones", {"prohibited_zones", "zone_id", "name", true}},
        {"townships", {"townships", "code", "name", false}},
        {"county", {"county", "code", "name", false}},
        {"neighbours", {"neighbours", "code", "name", false}},
        {"rivers", {"rivers", "name", "name", false}},
        // 三区三线 (issue 14): reference layers for the coordination check, not screened.
        {"permanent_farmland", {"permanent_farmland", "zone_id", "name", false}},
        {"urban_development_boundary", {"urban_development_boundary", "zone_id", "name", false}},
    }};
    for (const auto& r : kRows)
        if (r.layer == layerName)
            return r.info;
    return std::nullopt;
}

} // namespace redline
