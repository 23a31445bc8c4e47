#include "render/GeometryPainter.hpp"

#include <algorithm>

namespace redline
{

QPainterPath toPixelPath(const std::vector<Part>& parts, Dimension dim, const MapTransform& view,
                         double minStepPx)
{
    QPainterPath path;
    if (dim == Dimension::Point)
        return path;
    path.setFillRule(Qt::OddEvenFill);
    std::size_t n = 0;
    for (const Part& part : parts)
        for (const Ring& ring : part)
            n += ring.size();
    path.reserve(static_cast<int>(std::min<std::size_t>(n, 1U << 20)));
    const double step2 = minStepPx * minStepPx;
    for (const Part& part : parts)
    {
        for (const Ring& ring : part)
        {
            if (ring.size() < 2)
                continue;
            QPointF last = view.toPixel(ring.front().x, ring.front().y);
            path.moveTo(last);
            for (std::size_t i = 1; i < ring.size(); ++i)
            {
                const QPointF p = view.toPixel(ring[i].x, ring[i].y);
                const double dx = p.x() - last.x();
                const double dy = p.y() - last.y();
                // Always keep a line's last vertex so that ends stay where they are.
                if (dx * dx + dy * dy >= step2 || (i + 1 == ring.size() && dim == Dimension::Line))
                {
                    path.lineTo(p);
                    last = p;
                }
            }
            if (dim == Dimension::Area)
                path.closeSubpath();
        }
    }
    return path;
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
