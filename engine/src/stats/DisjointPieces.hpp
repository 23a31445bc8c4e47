#pragma once
// The union of a set of polygons as pieces with pairwise disjoint interiors (engine-internal),
// for totals that need the dissolved area but not the dissolved shape (statistics, QA layer
// totals): a polygon that intersects no other is a piece as it is; each group of polygons
// connected by intersections is unioned into one piece. Candidate pairs come from a packed
// R-tree over the envelopes and are tested with a prepared intersects, so disjoint polygons
// (the usual zoning layer) cost one conversion each instead of a cascaded overlay of the whole
// layer, and only one group's GEOS geometries are alive at a time.

#include <cstddef>
#include <functional>
#include <span>

#include "redline/geo/Envelope.hpp"

#include "geos/GeosContext.hpp"

namespace redline::detail
{

// What `visit` receives with a piece that is one polygon as it is: that polygon's position;
// kUnionOfSeveral for a piece unioned from a group.
inline constexpr std::size_t kUnionOfSeveral = static_cast<std::size_t>(-1);

// `geometryOf(i)` gives polygon i (valid, polygonal) as a new GEOS geometry, or null when it has
// none; it may be called several times per polygon. `visit` receives every piece once, in the
// order of each group's first polygon. The pieces' union equals the union of all polygons.
void forEachDisjointPiece(GeosContext& h, std::span<const Envelope> envelopes,
                          const std::function<GeosGeomPtr(std::size_t)>& geometryOf,
                          const std::function<void(const GEOSGeometry*, std::size_t)>& visit);

} // namespace redline::detail
