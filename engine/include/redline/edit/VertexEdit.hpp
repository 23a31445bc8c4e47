#pragma once
// Vertex-level editing and snapping for interactive tools (the viewer's select / move / add /
// delete vertex and snapping to visible layers). Pure functions on engine values, no GEOS, no Qt;
// coordinates in the CRS of the geometries (the analysis CRS in edit sessions). Thread-safe.

#include <optional>
#include <vector>

#include "redline/geo/Geometry.hpp"

namespace redline
{

struct VertexRef
{
    std::size_t part = 0;
    std::size_t ring = 0;
    std::size_t index = 0;
    friend bool operator==(const VertexRef&, const VertexRef&) = default;
};

// Moves a vertex; moving the first/last vertex of a closed ring moves both (the ring stays
// closed). Throws EditError when the reference is out of range.
[[nodiscard]] Geometry moveVertex(const Geometry& g, VertexRef v, Point to);
// Inserts a vertex after `v` (i.e. on the edge v -> v+1).
[[nodiscard]] Geometry insertVertex(const Geometry& g, VertexRef after, Point p);
// Deletes a vertex; throws EditError when a polygon ring would keep fewer than three distinct
// vertices (or a line fewer than two).
[[nodiscard]] Geometry deleteVertex(const Geometry& g, VertexRef v);
// The vertex nearest to `p` within `tolerance`, if any.
[[nodiscard]] std::optional<VertexRef> nearestVertex(const Geometry& g, Point p, double tolerance);

struct SnapResult
{
    Point point;
    bool onVertex = false; // false: on an edge
    double distance = 0;
};

// Snaps `p` to the nearest vertex of `candidates` within `tolerance`; failing that, to the nearest
// point on one of their edges within `tolerance`. Vertices win over edges so that shared
// boundaries are reused exactly.
[[nodiscard]] std::optional<SnapResult> snapPoint(Point p, double tolerance,
                                                  const std::vector<const Geometry*>& candidates);

} // namespace redline
