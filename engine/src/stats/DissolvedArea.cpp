#include "stats/DissolvedArea.hpp"

#include "geos/GeosConvert.hpp"
#include "geos/GeosOps.hpp"

namespace redline::detail
{

void DissolvedArea::add(const GEOSGeometry* piece)
{
    const double a = area(m_h, piece);
    m_planar += a;
    if (m_measure == nullptr || a <= 0)
        return;
    const Geometry g = polygonalFromGeos(m_h, piece);
    m_geodesic += m_measure->geodesicArea(g);
    m_extent.expandToInclude(g.envelope());
    const GeosGeomPtr c = own(m_h, GEOSGetCentroid_r(m_h.handle(), piece), "centroid");
    if (isEmpty(m_h, c.get()))
        return;
    double x = 0;
    double y = 0;
    GEOSGeomGetX_r(m_h.handle(), c.get(), &x);
    GEOSGeomGetY_r(m_h.handle(), c.get(), &y);
    m_momentX += a * x;
    m_momentY += a * y;
}

double DissolvedArea::ellipsoidalM2() const
{
    if (m_measure == nullptr || m_planar <= 0)
        return m_geodesic;
    const Point centroid{m_momentX / m_planar, m_momentY / m_planar};
    return m_measure->areaFromPlanar(m_planar, centroid, m_extent).value_or(m_geodesic);
}

} // namespace redline::detail
