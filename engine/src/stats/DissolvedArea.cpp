#include "stats/DissolvedArea.hpp"

#include "geos/GeosConvert.hpp"
#include "geos/GeosOps.hpp"

namespace redline::detail
{

PieceArea measurePiece(GeosContext& h, const EllipsoidalMeasure* measure, const GEOSGeometry* piece)
{
    PieceArea out;
    out.planar = area(h, piece);
    if (measure == nullptr || out.planar <= 0)
        return out;
    const Geometry g = polygonalFromGeos(h, piece);
    out.geodesic = measure->geodesicArea(g);
    out.extent = g.envelope();
    const GeosGeomPtr c = own(h, GEOSGetCentroid_r(h.handle(), piece), "centroid");
    if (isEmpty(h, c.get()))
        return out;
    double x = 0;
    double y = 0;
    GEOSGeomGetX_r(h.handle(), c.get(), &x);
    GEOSGeomGetY_r(h.handle(), c.get(), &y);
    out.momentX = out.planar * x;
    out.momentY = out.planar * y;
    return out;
}

PieceArea DissolvedArea::measure(const GEOSGeometry* piece) const
{
    return measurePiece(m_h, m_measure, piece);
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
