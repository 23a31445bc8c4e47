#pragma once
// Builds a parcel's polygon from its rings. 圈号 ≥ 2 means "hole" to some producers and "another
// part" to others (JZD_FORMAT.md), so the role of each ring is decided by containment: a ring
// inside a shell is a hole, a ring inside a hole is an island (a new part). Pure, thread-safe.

#include <optional>
#include <vector>

#include "redline/geo/Geometry.hpp"

namespace redline::jzd
{

// Rings must be closed. Returns a Polygon (one shell) or a MultiPolygon; parts in file order.
[[nodiscard]] Geometry assembleRings(const std::vector<Ring>& rings);

// A point where two non-adjacent edges of a closed ring cross or touch (a self-intersection,
// which survey validation flags), or nullopt. O(n²): rings of a parcel have at most hundreds of
// points.
[[nodiscard]] std::optional<Point> selfIntersection(const Ring& ring);

// -1 outside, 0 on the boundary, 1 inside (even–odd rule).
[[nodiscard]] int locatePoint(const Point& p, const Ring& ring);

} // namespace redline::jzd
