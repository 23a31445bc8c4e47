#pragma once
// Checked GEOS measures, overlays and decompositions on owned geometries (engine-internal), used
// by zoning QA, statistics and edit sessions. Every failure is a GeometryError naming the step.

#include <vector>

#include "redline/geo/Envelope.hpp"
#include "redline/geo/Geometry.hpp"

#include "geos/GeosContext.hpp"

namespace redline::detail
{

[[nodiscard]] GeosGeomPtr clone(GeosContext& ctx, const GEOSGeometry* g);
// Planar measures in the units of the geometry's CRS.
[[nodiscard]] double area(GeosContext& ctx, const GEOSGeometry* g);
[[nodiscard]] double length(GeosContext& ctx, const GEOSGeometry* g);
[[nodiscard]] bool isEmpty(GeosContext& ctx, const GEOSGeometry* g);
[[nodiscard]] Envelope envelopeOf(GeosContext& ctx, const GEOSGeometry* g);
// A point guaranteed to lie in the geometry (for locating findings).
[[nodiscard]] Point pointOnSurface(GeosContext& ctx, const GEOSGeometry* g);
[[nodiscard]] GeosGeomPtr intersection(GeosContext& ctx, const GEOSGeometry* a,
                                       const GEOSGeometry* b);
[[nodiscard]] GeosGeomPtr difference(GeosContext& ctx, const GEOSGeometry* a,
                                     const GEOSGeometry* b);
// Union of many geometries (cascaded). An empty list gives an empty polygon.
[[nodiscard]] GeosGeomPtr unionAll(GeosContext& ctx, const std::vector<const GEOSGeometry*>& gs);
// Polygons of a (multi)polygon or collection, each as its own geometry.
[[nodiscard]] std::vector<GeosGeomPtr> polygonsOf(GeosContext& ctx, const GEOSGeometry* g);
// The polygon(s) with holes removed.
[[nodiscard]] GeosGeomPtr fillHoles(GeosContext& ctx, const GEOSGeometry* g);
// Polygonal part of a geometry as a GEOS (multi)polygon (drops lines/points of collections).
[[nodiscard]] GeosGeomPtr polygonalPart(GeosContext& ctx, const GEOSGeometry* g);

} // namespace redline::detail
