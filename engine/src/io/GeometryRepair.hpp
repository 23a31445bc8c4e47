#pragma once
// Make-valid repair of invalid polygons (engine-internal), shared by the vector reader and the
// zoning-store loader so that a store reads the same from a file, from PostGIS and at any
// revision.

#include <optional>
#include <string>

#include "geos/GeosContext.hpp"
#include "redline/geo/Geometry.hpp"

namespace redline::detail
{

// Repairs an invalid polygon with GEOS make-valid, keeping only the polygonal part. Returns the
// reason GEOS gave for the invalidity, or nullopt when the geometry was valid (or not a polygon).
// Throws GeometryError when nothing polygonal is left.
std::optional<std::string> repairIfInvalid(GeosContext& ctx, Geometry& g);

} // namespace redline::detail
