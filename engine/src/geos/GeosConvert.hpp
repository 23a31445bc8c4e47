#pragma once
// Conversion between engine Geometry values and GEOS geometries (engine-internal).

#include "redline/geo/Geometry.hpp"

#include "geos/GeosContext.hpp"

namespace redline::detail
{

// What toGeos does with a polygon ring GEOS would refuse (open, or fewer than four points).
enum class OpenRings
{
    Reject, // GeometryError naming GEOS's reason (screening: importers deliver closed rings)
    Close,  // close it and pad it with its first point, so that a validity check reports the
            // real fault instead of the conversion failing (zoning QA, statistics, edits)
};

// A single type (Point, LineString, Polygon) with several parts becomes the matching Multi type,
// so no part is dropped; a polygon part without rings becomes an empty polygon.
[[nodiscard]] GeosGeomPtr toGeos(GeosContext& ctx, const Geometry& g,
                                 OpenRings open = OpenRings::Reject);
// Any GEOS geometry; collections are flattened into the highest dimension they contain
// (lower-dimension leftovers of an overlay, such as touching points, are dropped). A single GEOS
// type with one part stays single.
[[nodiscard]] Geometry fromGeos(GeosContext& ctx, const GEOSGeometry* g);
// Polygonal parts only (points and lines of mixed results are dropped); one part is a Polygon,
// several a MultiPolygon, none an empty Geometry.
[[nodiscard]] Geometry polygonalFromGeos(GeosContext& ctx, const GEOSGeometry* g);
// Line parts only, as polygonalFromGeos.
[[nodiscard]] Geometry linealFromGeos(GeosContext& ctx, const GEOSGeometry* g);

} // namespace redline::detail
