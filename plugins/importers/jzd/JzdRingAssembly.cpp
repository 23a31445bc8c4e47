#include "JzdRingAssembly.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <tuple>

namespace redline::jzd
{

namespace
{

double absArea(const Ring& r)
{
    double twice = 0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i)
        twice += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
    return std::abs(twice) / 2;
}

bool onSegment(const Point& p, const Point& a, const Point& b)
{
    const double cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    const double len = std::hypot(b.x - a.x, b.y - a.y);
    // Survey coordinates carry millimetres: within 1e-9 of the segment's length is "on" it.
    if (std::abs(cross) > 1e-9 * std::max(len, 1.0) * std::max(len, 1.0))
        return false;
    return p.x >= std::min(a.x, b.x) - 1e-9 && p.x <= std::max(a.x, b.x) + 1e-9 &&
           p.y >= std::min(a.y, b.y) - 1e-9 && p.y <= std::max(a.y, b.y) + 1e-9;
}

// Inside when no vertex is outside and at least one is strictly inside.
bool ringInside(const Ring& inner, const Ring& outer)
{
    bool strictlyInside = false;
    for (const Point& p : inner)
    {
        const int where = locatePoint(p, outer);
        if (where < 0)
            return false;
        strictlyInside = strictlyInside || where > 0;
    }
    return strictlyInside;
}

double cross(const Point& o, const Point& a, const Point& b)
{
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// Intersection point of segments ab and cd, if they meet (including touching).
std::optional<Point> segmentsMeet(const Point& a, const Point& b, const Point& c, const Point& d)
{
    const double d1 = cross(c, d, a);
    const double d2 = cross(c, d, b);
    const double d3 = cross(a, b, c);
    const double d4 = cross(a, b, d);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
    {
        const double t = d1 / (d1 - d2);
        return Point{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
    }
    for (const auto& [p, q, r] :
         {std::tuple{a, c, d}, std::tuple{b, c, d}, std::tuple{c, a, b}, std::tuple{d, a, b}})
        if (onSegment(p, q, r))
            return p;
    return std::nullopt;
}

} // namespace

std::optional<Point> selfIntersection(const Ring& input)
{
    // Repeated consecutive points would make neighbouring edges look non-adjacent.
    Ring ring;
    for (const Point& p : input)
        if (ring.empty() || !(ring.back() == p))
            ring.push_back(p);
    if (ring.size() < 4)
        return std::nullopt;
    const std::size_t n = ring.size() - 1; // edges; the last point repeats the first
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 2; j < n; ++j)
        {
            if (i == 0 && j == n - 1)
                continue; // adjacent through the closing point
            if (auto p = segmentsMeet(ring[i], ring[i + 1], ring[j], ring[j + 1]))
                return p;
        }
    return std::nullopt;
}

int locatePoint(const Point& p, const Ring& ring)
{
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
    {
        const Point& a = ring[i];
        const Point& b = ring[j];
        if (onSegment(p, a, b))
            return 0;
        if ((a.y > p.y) != (b.y > p.y))
        {
            const double xCross = a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x);
            if (p.x < xCross)
                inside = !inside;
        }
    }
    return inside ? 1 : -1;
}

Geometry assembleRings(const std::vector<Ring>& rings)
{
    std::vector<std::size_t> order(rings.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b)
                     { return absArea(rings[a]) > absArea(rings[b]); });

    // For every ring: the index of the shell it belongs to (itself for shells).
    std::vector<std::size_t> shellOf(rings.size());
    std::vector<bool> isShell(rings.size(), false);
    for (std::size_t k = 0; k < order.size(); ++k)
    {
        const std::size_t i = order[k];
        // The smallest larger ring containing it decides its role.
        std::optional<std::size_t> container;
        for (std::size_t m = k; m-- > 0;)
        {
            if (ringInside(rings[i], rings[order[m]]))
            {
                container = order[m];
                break;
            }
        }
        if (!container || !isShell[*container])
        {
            isShell[i] = true;
            shellOf[i] = i;
        }
        else
        {
            shellOf[i] = *container;
        }
    }

    std::vector<Part> parts;
    std::vector<std::size_t> partOfShell(rings.size());
    for (std::size_t i = 0; i < rings.size(); ++i)
    {
        if (!isShell[i])
            continue;
        partOfShell[i] = parts.size();
        parts.push_back({rings[i]});
    }
    for (std::size_t i = 0; i < rings.size(); ++i)
        if (!isShell[i])
            parts[partOfShell[shellOf[i]]].push_back(rings[i]);
    const GeometryType type =
        parts.size() == 1 ? GeometryType::Polygon : GeometryType::MultiPolygon;
    return Geometry(type, std::move(parts));
}

} // namespace redline::jzd
