#pragma once
// The union of a set of polygons as pieces with pairwise disjoint interiors (engine-internal),
// for totals that need the dissolved area but not the dissolved shape (statistics, QA layer
// totals): a polygon that intersects no other is a piece as it is; each group of polygons
// connected by intersections is unioned into one piece. Candidate pairs come from a packed
// R-tree over the envelopes and are tested with a prepared intersects, so disjoint polygons
// (the usual zoning layer) cost one conversion each instead of a cascaded overlay of the whole
// layer. The pieces are positions, not geometries: each is made (and measured) when needed, on
// any thread (ParallelJobs.hpp), so only a few pieces' GEOS geometries are alive at a time.

#include <cstddef>
#include <functional>
#include <span>
#include <vector>

#include "redline/geo/Envelope.hpp"

#include "geos/GeosContext.hpp"

namespace redline::detail
{

// One piece: the positions of its polygons, ascending. One position: that polygon as it is;
// several: their union.
using Piece = std::vector<std::size_t>;

// `geometryOf(i)` gives polygon i (valid, polygonal) as a new GEOS geometry of `h`, or null when
// it has none; it may be called several times per polygon. Every polygon is in exactly one piece;
// pieces come in the order of their first polygon, and their union equals the union of all
// polygons. Only the candidate pairs' geometries are made, two at a time.
[[nodiscard]] std::vector<Piece>
disjointPieces(GeosContext& h, std::span<const Envelope> envelopes,
               const std::function<GeosGeomPtr(std::size_t)>& geometryOf);

// A piece as one geometry of `h`: the polygon itself (null when it has none), or the polygonal
// part of the union of its polygons. Callable on any thread with that thread's context and a
// `geometryOf` making geometries of it.
[[nodiscard]] GeosGeomPtr pieceGeometry(GeosContext& h, const Piece& piece,
                                        const std::function<GeosGeomPtr(std::size_t)>& geometryOf);

} // namespace redline::detail
