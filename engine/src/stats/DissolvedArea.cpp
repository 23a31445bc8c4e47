#include "stats/DissolvedArea.hpp"

#include "geos/GeosConvert.hpp"
#include "geos/GeosOps.hpp"

namespace redline::detail
{

PieceArea DissolvedArea::measure(const GEOSGeometry* piece) const
{
    PieceArea out;
    out.planar = area(m_h, piece);
    if (m_measure == nullptr || out.planar <= 0)
        return out;
    const Geometry g = polygonalFromGeos(m_h, piece);
    out.geodesic = m_measure->geodesicArea(g);
    out.extent = g.envelope();
    const GeosGeomPtr c = own(m_h, GEOSGetCentroid_r(m_h.handle(), piece), "centroid");
    if (isEmpty(m_h, c.get()))
        return out;
    double x = 0;
    double y = 0;
    GEOSGeomGetX_r(m_h.handle(), c.get(), &x);
    GEOSGeomGetY_r(m_h.handle(), c.get(), &y);
    out.momentX = out.planar * x;
    out.momentY = out.planar * y;
    return out;
}

void DissolvedArea::add(const PieceArea& piece)
{
    m_planar += piece.planar;
    m_geodesic += piece.geodesic;
    m_momentX += piece.momentX;
    m_momentY += piece.momentY;
    m_extent.expandToInclude(piece.extent);
}

double DissolvedArea::ellipsoidalM2() const
{
    if (m_measure == nullptr || m_planar <= 0)
        return m_geodesic;
    const Point centroid{m_momentX / m_planar, m_momentY / m_planar};
    return m_measure->areaFromPlanar(m_planar, centroid, m_extent).value_or(m_geodesic);
}

} // namespace redline::detail
