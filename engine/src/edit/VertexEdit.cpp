#include "redline/edit/VertexEdit.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "redline/edit/EditErrors.hpp"

namespace redline
{

namespace
{

std::vector<Part> partsOf(const Geometry& g)
{
    return g.parts();
}

Ring& ringAt(std::vector<Part>& parts, VertexRef v)
{
    if (v.part >= parts.size() || v.ring >= parts[v.part].size() ||
        v.index >= parts[v.part][v.ring].size())
        throw EditError("vertex " + std::to_string(v.part) + "/" + std::to_string(v.ring) + "/" +
                        std::to_string(v.index) + " does not exist in the geometry.");
    return parts[v.part][v.ring];
}

bool isClosed(const Ring& r)
{
    return r.size() > 1 && r.front() == r.back();
}

double dist(Point a, Point b)
{
    return std::hypot(a.x - b.x, a.y - b.y);
}

Point closestOnSegment(Point p, Point a, Point b)
{
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    if (len2 == 0)
        return a;
    double t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
    t = std::max(0.0, std::min(1.0, t));
    return {a.x + t * dx, a.y + t * dy};
}

} // namespace

Geometry moveVertex(const Geometry& g, VertexRef v, Point to)
{
    std::vector<Part> parts = partsOf(g);
    Ring& r = ringAt(parts, v);
    const bool closed = g.dimension() == Dimension::Area && isClosed(r);
    r[v.index] = to;
    if (closed && (v.index == 0 || v.index + 1 == r.size()))
    {
        r.front() = to;
        r.back() = to;
    }
    return Geometry(g.type(), std::move(parts));
}

Geometry insertVertex(const Geometry& g, VertexRef after, Point p)
{
    std::vector<Part> parts = partsOf(g);
    Ring& r = ringAt(parts, after);
    if (g.dimension() == Dimension::Area && after.index + 1 == r.size())
        throw EditError("insert after the closing vertex: use index 0 for the first edge.");
    r.insert(r.begin() + static_cast<std::ptrdiff_t>(after.index + 1), p);
    return Geometry(g.type(), std::move(parts));
}

Geometry deleteVertex(const Geometry& g, VertexRef v)
{
    std::vector<Part> parts = partsOf(g);
    Ring& r = ringAt(parts, v);
    if (g.dimension() == Dimension::Area)
    {
        // A closed ring of n points has n - 1 distinct vertices; keep at least three.
        if (r.size() <= 4)
            throw EditError("a polygon ring needs at least three vertices.");
        const bool closing = v.index == 0 || v.index + 1 == r.size();
        if (closing)
        {
            r.erase(r.begin());
            r.back() = r.front();
        }
        else
            r.erase(r.begin() + static_cast<std::ptrdiff_t>(v.index));
    }
    else
    {
        if (g.dimension() == Dimension::Line && r.size() <= 2)
            throw EditError("a line needs at least two vertices.");
        if (g.dimension() == Dimension::Point)
            throw EditError("a point has no vertex to delete; delete the feature instead.");
        r.erase(r.begin() + static_cast<std::ptrdiff_t>(v.index));
    }
    return Geometry(g.type(), std::move(parts));
}

std::optional<VertexRef> nearestVertex(const Geometry& g, Point p, double tolerance)
{
    std::optional<VertexRef> best;
    double bestD = tolerance;
    const auto& parts = g.parts();
    for (std::size_t i = 0; i < parts.size(); ++i)
        for (std::size_t j = 0; j < parts[i].size(); ++j)
            for (std::size_t k = 0; k < parts[i][j].size(); ++k)
            {
                const double d = dist(p, parts[i][j][k]);
                if (d <= bestD)
                {
                    bestD = d;
                    best = VertexRef{i, j, k};
                }
            }
    return best;
}

std::optional<SnapResult> snapPoint(Point p, double tolerance,
                                    const std::vector<const Geometry*>& candidates)
{
    std::optional<SnapResult> vertex;
    std::optional<SnapResult> edge;
    for (const Geometry* g : candidates)
    {
        if (!g || g->isEmpty() ||
            !g->envelope().grownBy(tolerance).intersects({p.x, p.y, p.x, p.y}))
            continue;
        for (const Part& part : g->parts())
            for (const Ring& ring : part)
                for (std::size_t k = 0; k < ring.size(); ++k)
                {
                    const double d = dist(p, ring[k]);
                    if (d <= tolerance && (!vertex || d < vertex->distance))
                        vertex = SnapResult{ring[k], true, d};
                    if (k + 1 < ring.size())
                    {
                        const Point q = closestOnSegment(p, ring[k], ring[k + 1]);
                        const double e = dist(p, q);
                        if (e <= tolerance && (!edge || e < edge->distance))
                            edge = SnapResult{q, false, e};
                    }
                }
    }
    return vertex ? vertex : edge;
}

} // namespace redline
