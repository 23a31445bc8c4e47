#include "render/LayerCache.hpp"

#include <algorithm>
#include <cmath>

#include "render/GeometryPainter.hpp"

namespace redline
{
namespace
{

Ring simplifyRing(const Ring& ring, double tol, bool closed)
{
    if (ring.size() <= (closed ? 4U : 2U) || tol <= 0)
        return ring;
    Ring out;
    out.reserve(ring.size() / 2 + 2);
    out.push_back(ring.front());
    const double tol2 = tol * tol;
    for (std::size_t i = 1; i + 1 < ring.size(); ++i)
    {
        const double dx = ring[i].x - out.back().x;
        const double dy = ring[i].y - out.back().y;
        if (dx * dx + dy * dy >= tol2)
            out.push_back(ring[i]);
    }
    out.push_back(ring.back());
    return out;
}

double ringSignedArea(const Ring& r)
{
    double a = 0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i)
        a += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
    return a / 2;
}

} // namespace

std::vector<Part> simplifyParts(const std::vector<Part>& parts, Dimension dim, double tolerance)
{
    if (dim == Dimension::Point || tolerance <= 0)
        return parts;
    std::vector<Part> out;
    out.reserve(parts.size());
    for (const Part& part : parts)
    {
        Part p;
        for (std::size_t r = 0; r < part.size(); ++r)
        {
            Ring s = simplifyRing(part[r], tolerance, dim == Dimension::Area);
            if (dim == Dimension::Area && s.size() < 4)
            {
                if (r == 0)
                    break; // the shell is below the tolerance: the whole polygon is too small
                continue;
            }
            p.push_back(std::move(s));
        }
        if (!p.empty())
            out.push_back(std::move(p));
    }
    return out;
}

Point labelAnchorOf(const Geometry& g)
{
    if (g.isEmpty())
        return {};
    const auto& parts = g.parts();
    if (g.dimension() == Dimension::Point)
        return parts.front().front().front();
    if (g.dimension() == Dimension::Line)
    {
        const Ring* longest = &parts.front().front();
        for (const Part& p : parts)
            if (!p.empty() && p.front().size() > longest->size())
                longest = &p.front();
        return (*longest)[longest->size() / 2];
    }
    // Largest shell, its vertex centroid's y, then the widest run of the polygon on that row.
    const Part* best = nullptr;
    double bestArea = -1;
    for (const Part& p : parts)
    {
        if (p.empty())
            continue;
        const double a = std::abs(ringSignedArea(p.front()));
        if (a > bestArea)
        {
            bestArea = a;
            best = &p;
        }
    }
    if (best == nullptr)
        return {};
    double minY = best->front().front().y;
    double maxY = minY;
    for (const Point& q : best->front())
    {
        minY = std::min(minY, q.y);
        maxY = std::max(maxY, q.y);
    }
    const double y = (minY + maxY) / 2;
    std::vector<double> xs;
    for (const Ring& ring : *best)
    {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        {
            const Point a = ring[i];
            const Point b = ring[i + 1];
            if ((a.y > y) != (b.y > y))
                xs.push_back(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
        }
    }
    std::sort(xs.begin(), xs.end());
    double bestWidth = -1;
    Point anchor = best->front().front();
    for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
    {
        if (xs[i + 1] - xs[i] > bestWidth)
        {
            bestWidth = xs[i + 1] - xs[i];
            anchor = {(xs[i] + xs[i + 1]) / 2, y};
        }
    }
    return anchor;
}

LayerCache::LayerCache(std::shared_ptr<const Layer> layer) : m_layer(std::move(layer))
{
    const auto& features = m_layer->features;
    m_envelopes.reserve(features.size());
    m_anchors.reserve(features.size());
    for (const Feature& f : features)
    {
        m_envelopes.push_back(f.geometry.envelope());
        m_anchors.push_back(labelAnchorOf(f.geometry));
        m_extent.expandToInclude(f.geometry.envelope());
    }
    m_levels.resize(kLevelToleranceM.size() - 1);
    for (std::size_t level = 1; level < kLevelToleranceM.size(); ++level)
    {
        auto& out = m_levels[level - 1];
        out.reserve(features.size());
        for (const Feature& f : features)
        {
            // Build each level from the previous one: cheaper, and errors stay bounded by the
            // sum of the tolerances (< 1.4 x the level's own).
            const std::vector<Part>& from =
                level == 1 ? f.geometry.parts() : m_levels[level - 2][out.size()];
            out.push_back(simplifyParts(from, f.geometry.dimension(), kLevelToleranceM[level]));
        }
    }
}

std::size_t LayerCache::levelFor(double toleranceM) const
{
    std::size_t level = 0;
    for (std::size_t i = 1; i < kLevelToleranceM.size(); ++i)
        if (kLevelToleranceM[i] <= toleranceM)
            level = i;
    return level;
}

const std::vector<Part>& LayerCache::parts(std::size_t i, std::size_t level) const
{
    if (level == 0)
        return m_layer->features[i].geometry.parts();
    return m_levels[level - 1][i];
}

QPainterPath LayerCache::pixelPath(std::size_t i, std::size_t level, double metresPerPixel,
                                   double minStepPx) const
{
    const PixelScale scale{level, metresPerPixel, minStepPx};
    {
        const std::lock_guard lock(m_pixelMutex);
        if (!(m_pixelScale == scale))
        {
            m_pixelScale = scale;
            m_pixelPaths.assign(size(), std::nullopt);
        }
        if (m_pixelPaths[i])
            return *m_pixelPaths[i]; // implicitly shared: a reference count, no copy
    }
    // The view whose pixel (0, 0) is the extent's top-left corner.
    const MapTransform origin({m_extent.minX, m_extent.maxY}, metresPerPixel, QSizeF(0, 0));
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    appendPixelPath(path, parts(i, level), m_layer->features[i].geometry.dimension(), origin,
                    minStepPx);
    const std::lock_guard lock(m_pixelMutex);
    if (m_pixelScale == scale)
        m_pixelPaths[i] = path;
    return path;
}

} // namespace redline
