#pragma once
// One zoning-QA finding: what is wrong, where (analysis-CRS coordinates and lon/lat), how much
// area is involved, and which feature(s). Plain value type.

#include <cstdint>
#include <optional>
#include <string>

#include "redline/geo/Geometry.hpp"

namespace redline
{

enum class QaSeverity
{
    Warning,
    Error
};

[[nodiscard]] const char* toString(QaSeverity s); // "warning" / "error"

struct QaFinding
{
    QaSeverity severity = QaSeverity::Error;
    // Check code: invalid_geometry, empty_geometry, missing_id, duplicate_id, missing_field,
    // attribute_domain, unit_code, partition_overlap, partition_gap, partition_overshoot,
    // water_nesting, cross_layer_conflict, coordination_overlap, official_area.
    std::string check;
    std::string layer;
    std::string featureId;  // value of the layer's id field ("" when none)
    std::int64_t fid = -1;  // OGR feature id, -1 when the finding is about a region or a layer
    std::string otherLayer; // second feature of overlaps and conflicts
    std::string otherFeatureId;
    std::int64_t otherFid = -1;
    std::string message;                 // one plain sentence
    std::optional<Point> location;       // analysis CRS
    std::optional<Point> locationLonLat; // CGCS2000 longitude/latitude (degrees)
    double areaM2 = 0;                   // planar m² of the faulty region (0 when not areal)
    std::string township;                // township(s) the region lies in, when known ("、")
};

} // namespace redline
