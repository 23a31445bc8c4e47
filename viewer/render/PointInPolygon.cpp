#include "render/PointInPolygon.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace redline
{

bool polygonContains(const Geometry& g, Point p)
{
    if (g.dimension() != Dimension::Area)
        return false;
    const Envelope& e = g.envelope();
    if (p.x < e.minX || p.x > e.maxX || p.y < e.minY || p.y > e.maxY)
        return false;
    for (const Part& part : g.parts())
    {
        bool inside = false;
        // Even-odd over shell and holes: a point in a hole crosses one more ring.
        for (const Ring& ring : part)
        {
            for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
            {
                const Point a = ring[i];
                const Point b = ring[j];
                if ((a.y > p.y) != (b.y > p.y) &&
                    p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
                    inside = !inside;
            }
        }
        if (inside)
            return true;
    }
    return false;
}

std::optional<std::size_t> featureContaining(const Layer& layer, Point p)
{
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        if (polygonContains(layer.features[i].geometry, p))
            return i;
    return std::nullopt;
}

double distanceToBoundary(const Geometry& g, Point p)
{
    double best = std::numeric_limits<double>::infinity();
    for (const Part& part : g.parts())
    {
        for (const Ring& ring : part)
        {
            if (ring.size() == 1)
                best = std::min(best, std::hypot(ring[0].x - p.x, ring[0].y - p.y));
            for (std::size_t i = 0; i + 1 < ring.size(); ++i)
            {
                const Point a = ring[i];
                const Point b = ring[i + 1];
                const double dx = b.x - a.x;
                const double dy = b.y - a.y;
                const double len2 = dx * dx + dy * dy;
                double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
                t = std::clamp(t, 0.0, 1.0);
                best = std::min(best, std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y));
            }
        }
    }
    return best;
}

} // namespace redline
