#pragma once
// A site geometry as flat arrays for the local overlay (engine-internal): all vertices in one
// array, one entry per polygon ring, line part or point, rings oriented by a sign so that the
// interior lies on the left. Rebuilt per site in a worker's scratch space.

#include <cstdint>
#include <vector>

#include "redline/geo/Geometry.hpp"

namespace redline::detail
{

struct SiteRing
{
    std::uint32_t first; // first vertex in SiteShape::points
    std::uint32_t count; // vertices (closing one included for polygon rings)
    std::int32_t sign;   // polygon rings: +1 when the interior lies left of the stored direction
};

struct SiteShape
{
    void assign(const Geometry& g);

    Dimension dimension = Dimension::Point;
    bool multiPoint = false;
    std::vector<Point> points;
    std::vector<SiteRing> rings;
    Envelope envelope;
};

} // namespace redline::detail
