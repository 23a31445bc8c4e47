#include "redline/geo/CrsTransform.hpp"

#include <ogr_spatialref.h>

#include <cmath>

#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"

#include "gdal/GdalErrorScope.hpp"

namespace redline
{

struct CrsTransform::Impl
{
    std::unique_ptr<OGRCoordinateTransformation> ct;
    std::string from;
    std::string to;
};

CrsTransform::CrsTransform(const Crs& from, const Crs& to) : m_impl(std::make_unique<Impl>())
{
    m_impl->from = from.label();
    m_impl->to = to.label();
    m_identity = from.isSame(to);
    if (m_identity)
        return;
    const auto* src = static_cast<const OGRSpatialReference*>(from.nativeHandle());
    const auto* dst = static_cast<const OGRSpatialReference*>(to.nativeHandle());
    detail::GdalErrorScope gdal(m_impl->from);
    m_impl->ct.reset(OGRCreateCoordinateTransformation(src, dst));
    if (!m_impl->ct)
        throw CrsError("No coordinate transformation from " + m_impl->from + " to " + m_impl->to +
                       " is available" + gdal.failureReason() + ".");
}

CrsTransform::~CrsTransform() = default;

Point CrsTransform::apply(Point p) const
{
    if (m_identity)
        return p;
    double x = p.x, y = p.y;
    int ok = 0;
    // PROJ says why a coordinate fails; the reason goes into the error (probing callers, such as
    // the far-away diagnosis, catch it), never to stderr.
    detail::GdalErrorScope gdal(m_impl->from);
    if (!m_impl->ct->Transform(1, &x, &y, nullptr, &ok) || !ok || !std::isfinite(x) ||
        !std::isfinite(y))
        throw CrsError("Coordinate (" + formatFixed(p.x, 6) + ", " + formatFixed(p.y, 6) +
                       ") cannot be transformed from " + m_impl->from + " to " + m_impl->to +
                       gdal.failureReason() + ".");
    return {x, y};
}

Geometry CrsTransform::apply(const Geometry& g) const
{
    if (m_identity)
        return g;
    std::vector<Part> parts = g.parts();
    detail::GdalErrorScope gdal(m_impl->from);
    for (auto& part : parts)
        for (auto& ring : part)
        {
            std::vector<double> xs(ring.size()), ys(ring.size());
            std::vector<int> ok(ring.size(), 0);
            for (std::size_t i = 0; i < ring.size(); ++i)
            {
                xs[i] = ring[i].x;
                ys[i] = ring[i].y;
            }
            const bool all = m_impl->ct->Transform(ring.size(), xs.data(), ys.data(), nullptr,
                                                   ok.data()) != 0;
            for (std::size_t i = 0; i < ring.size(); ++i)
            {
                if (!all || !ok[i] || !std::isfinite(xs[i]) || !std::isfinite(ys[i]))
                    throw CrsError("Coordinate (" + formatFixed(ring[i].x, 6) + ", " +
                                   formatFixed(ring[i].y, 6) + ") cannot be transformed from " +
                                   m_impl->from + " to " + m_impl->to + gdal.failureReason() + ".");
                ring[i] = {xs[i], ys[i]};
            }
        }
    return Geometry(g.type(), std::move(parts));
}

} // namespace redline
