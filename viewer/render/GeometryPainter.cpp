#include "render/GeometryPainter.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace redline
{

namespace
{

// One ring's vertices in pixels, into `path`. Vertices closer than `minStepPx` to the last kept
// one are skipped; then runs of vertices that stay within `strip` pixels of the line from the last
// drawn vertex through the next kept one are drawn as one segment (Reumann-Witkam): on a
// zoomed-out view most vertices lie on nearly straight runs a pixel or two long, and every
// segment costs the stroker and the rasteriser alike. A skipped vertex stays within 2 × strip of
// what is drawn; strip 0 draws every kept vertex.
template <class It>
void addRing(QPainterPath& path, It begin, It end, bool line, const MapTransform& view,
             double minStepPx, double strip)
{
    QPointF anchor = view.toPixel(begin->x, begin->y); // last drawn
    path.moveTo(anchor);
    QPointF kept = anchor; // last kept, not yet drawn when `pending`
    bool pending = false;
    QPointF dir; // unit direction of the current run (valid when pending)
    const double step2 = minStepPx * minStepPx;
    for (It it = std::next(begin); it != end; ++it)
    {
        const QPointF p = view.toPixel(it->x, it->y);
        const double dx = p.x() - kept.x();
        const double dy = p.y() - kept.y();
        // Always keep a line's last vertex so that ends stay where they are.
        if (dx * dx + dy * dy < step2 && !(line && std::next(it) == end))
            continue;
        if (strip <= 0)
        {
            path.lineTo(p);
            kept = anchor = p;
            continue;
        }
        if (pending)
        {
            const QPointF v = p - anchor;
            if (std::abs(dir.x() * v.y() - dir.y() * v.x()) <= strip)
            {
                kept = p; // still on the run
                continue;
            }
            path.lineTo(kept);
            anchor = kept;
        }
        const QPointF v = p - anchor;
        const double length = std::hypot(v.x(), v.y());
        dir = length > 0 ? v / length : QPointF(1, 0);
        kept = p;
        pending = true;
    }
    if (pending)
        path.lineTo(kept);
}

// Twice the signed area (shoelace, relative to the first vertex for precision): positive for
// anticlockwise rings in map coordinates.
double ringSignedArea(const Ring& ring)
{
    double a = 0;
    const Point o = ring.front();
    for (std::size_t i = 1; i + 1 < ring.size(); ++i)
        a += (ring[i].x - o.x) * (ring[i + 1].y - o.y) - (ring[i + 1].x - o.x) * (ring[i].y - o.y);
    return a;
}

} // namespace

void appendPixelPath(QPainterPath& path, const std::vector<Part>& parts, Dimension dim,
                     const MapTransform& view, double minStepPx)
{
    if (dim == Dimension::Point)
        return;
    const double strip = minStepPx / 4;
    for (const Part& part : parts)
    {
        for (std::size_t r = 0; r < part.size(); ++r)
        {
            const Ring& ring = part[r];
            if (ring.size() < 2)
                continue;
            if (dim == Dimension::Line)
            {
                addRing(path, ring.begin(), ring.end(), true, view, minStepPx, strip);
                continue;
            }
            // Shells one way round, holes the other (in map coordinates: anticlockwise shells),
            // so that the winding fill keeps holes empty and fills overlapping features once.
            if ((ringSignedArea(ring) >= 0) == (r == 0))
                addRing(path, ring.begin(), ring.end(), false, view, minStepPx, strip);
            else
                addRing(path, ring.rbegin(), ring.rend(), false, view, minStepPx, strip);
            path.closeSubpath();
        }
    }
}

QPainterPath toPixelPath(const std::vector<Part>& parts, Dimension dim, const MapTransform& view,
                         double minStepPx)
{
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    appendPixelPath(path, parts, dim, view, minStepPx);
    return path;
}

QPainterPath dashesOf(const QPainterPath& path, const QList<qreal>& pattern)
{
    QPainterPath out;
    qreal cycle = 0;
    for (const qreal d : pattern)
        cycle += std::max<qreal>(d, 0);
    if (pattern.size() < 2 || cycle <= 0)
        return path;
    QPointF at;
    int dash = 0;            // position in the pattern (even: on)
    qreal left = pattern[0]; // of that dash or gap
    bool open = false;       // a dash subpath is open at `at`
    for (int i = 0; i < path.elementCount(); ++i)
    {
        const QPainterPath::Element e = path.elementAt(i);
        const QPointF p(e.x, e.y);
        if (e.isMoveTo())
        {
            at = p;
            dash = 0;
            left = pattern[0];
            open = false;
            continue;
        }
        const QPointF v = p - at;
        qreal length = std::hypot(v.x(), v.y());
        const QPointF unit = length > 0 ? v / length : QPointF();
        while (length > 0)
        {
            const qreal step = std::min(left, length);
            const QPointF next = at + unit * step;
            if (dash % 2 == 0)
            {
                if (!open)
                    out.moveTo(at);
                out.lineTo(next);
                open = true;
            }
            at = next;
            length -= step;
            left -= step;
            if (left <= 0)
            {
                dash = (dash + 1) % static_cast<int>(pattern.size());
                left = pattern[dash];
                open = false;
            }
        }
        at = p;
    }
    return out;
}

QPainterPath toPixelPath(const Geometry& g, const MapTransform& view, double minStepPx)
{
    return toPixelPath(g.parts(), g.dimension(), view, minStepPx);
}

std::vector<QPointF> toPixelPoints(const std::vector<Part>& parts, const MapTransform& view)
{
    std::vector<QPointF> out;
    for (const Part& part : parts)
        for (const Ring& ring : part)
            for (const Point& p : ring)
                out.push_back(view.toPixel(p.x, p.y));
    return out;
}

} // namespace redline
