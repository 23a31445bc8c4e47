#include "redline/geo/EnvelopeClipper.hpp"

#include "geos/GeosContext.hpp"
#include "geos/GeosConvert.hpp"

namespace redline
{

struct EnvelopeClipper::Impl
{
    detail::GeosContext ctx;
};

EnvelopeClipper::EnvelopeClipper(const Envelope& box, double tolerance)
    : m_box(box), m_tolerance(tolerance), m_impl(std::make_unique<Impl>())
{
}

EnvelopeClipper::~EnvelopeClipper() = default;

Geometry EnvelopeClipper::clip(const Geometry& g)
{
    const Envelope& e = g.envelope();
    if (g.isEmpty() || !e.intersects(m_box))
        return {};
    const bool inside = e.minX >= m_box.minX && e.maxX <= m_box.maxX && e.minY >= m_box.minY &&
                        e.maxY <= m_box.maxY;
    if (inside && m_tolerance <= 0)
        return g;
    detail::GeosContext& ctx = m_impl->ctx;
    detail::GeosGeomPtr result = detail::toGeos(ctx, g);
    if (!inside)
        result = detail::own(ctx,
                             GEOSClipByRect_r(ctx.handle(), result.get(), m_box.minX, m_box.minY,
                                              m_box.maxX, m_box.maxY),
                             "clipping to a rectangle");
    if (m_tolerance > 0 && g.dimension() != Dimension::Point)
        result = detail::own(ctx, GEOSSimplify_r(ctx.handle(), result.get(), m_tolerance),
                             "simplifying for drawing");
    Geometry out = detail::fromGeos(ctx, result.get());
    if (out.isEmpty() || out.dimension() != g.dimension())
        return {}; // only a touching edge or corner
    return out;
}

} // namespace redline
