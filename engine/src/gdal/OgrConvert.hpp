#pragma once
// Conversion between OGR geometries and engine Geometry values (engine-internal).

#include <ogr_geometry.h>

#include <string>

#include "redline/geo/Geometry.hpp"

namespace redline::detail
{

// Throws GeometryError for empty or unsupported geometries (collections); curves are linearised
// and Z/M dropped (`droppedZm` is set when that happened).
[[nodiscard]] Geometry fromOgr(const OGRGeometry& g, bool* droppedZm = nullptr);
[[nodiscard]] OGRGeometryUniquePtr toOgr(const Geometry& g);
// Engine geometry from WKT text (throws GeometryError naming the text on failure).
[[nodiscard]] Geometry fromWkt(const std::string& wkt);

} // namespace redline::detail
