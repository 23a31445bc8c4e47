#pragma once
// Conversion between engine Geometry values and GEOS geometries (engine-internal).

#include "geos/GeosContext.hpp"
#include "redline/geo/Geometry.hpp"

namespace redline::detail
{

[[nodiscard]] GeosGeomPtr toGeos(GeosContext& ctx, const Geometry& g);
// Any GEOS geometry; collections are flattened into the highest dimension they contain
// (lower-dimension leftovers of an overlay, such as touching points, are dropped).
[[nodiscard]] Geometry fromGeos(GeosContext& ctx, const GEOSGeometry* g);

} // namespace redline::detail
