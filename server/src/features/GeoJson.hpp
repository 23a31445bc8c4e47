#pragma once
// GeoJSON text for engine geometries and attributes, and the transform of analysis-CRS
// geometries to OGC:CRS84 (longitude, latitude), which is what OGC API – Features serves.

#include <string>

#include "redline/data/Attributes.hpp"
#include "redline/geo/Geometry.hpp"

namespace redline::service
{

// `decimals` places (8 for degrees: about a millimetre).
[[nodiscard]] std::string geometryToGeoJson(const Geometry& g, int decimals);
[[nodiscard]] std::string attributesToGeoJson(const Attributes& a);
// Per-thread cached transform from the CRS given as WKT to CRS84. Throws CrsError.
[[nodiscard]] Geometry toCrs84(const Geometry& g, const std::string& fromWkt);

} // namespace redline::service
