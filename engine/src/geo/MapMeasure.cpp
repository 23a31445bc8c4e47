#include "redline/geo/MapMeasure.hpp"

#include <geodesic.h>
#include <ogr_spatialref.h>

#include "redline/core/Error.hpp"
#include "redline/geo/CrsTransform.hpp"

namespace redline
{

struct MapMeasure::Impl
{
    geod_geodesic geod{};
    std::unique_ptr<CrsTransform> toGeographic;
    std::unique_ptr<EllipsoidalMeasure> area;
};

MapMeasure::MapMeasure(const Crs& crs) : m_impl(std::make_unique<Impl>())
{
    if (crs.isGeographic())
        throw CrsError("measuring needs a projected CRS, not " + crs.label() + ".");
    const auto* srs = static_cast<const OGRSpatialReference*>(crs.nativeHandle());
    OGRErr err = OGRERR_NONE;
    const double a = srs->GetSemiMajor(&err);
    const double invF = srs->GetInvFlattening(&err);
    geod_init(&m_impl->geod, a, invF == 0 ? 0 : 1 / invF);
    // Longitude/latitude on the same datum: the inverse projection only, no datum shift.
    m_impl->toGeographic = std::make_unique<CrsTransform>(crs, crs.geographicBase());
    m_impl->area = std::make_unique<EllipsoidalMeasure>(crs);
}

MapMeasure::~MapMeasure() = default;

double MapMeasure::geodesicDistance(Point a, Point b) const
{
    const Point la = m_impl->toGeographic->apply(a);
    const Point lb = m_impl->toGeographic->apply(b);
    double s12 = 0, azi1 = 0, azi2 = 0;
    geod_inverse(&m_impl->geod, la.y, la.x, lb.y, lb.x, &s12, &azi1, &azi2);
    return s12;
}

Measurement MapMeasure::measure(const Geometry& g) const
{
    Measurement m;
    m.planarLengthM = g.planarLength();
    for (const auto& part : g.parts())
        for (const Ring& ring : part)
            for (std::size_t i = 0; i + 1 < ring.size(); ++i)
                m.ellipsoidalLengthM += geodesicDistance(ring[i], ring[i + 1]);
    if (g.dimension() == Dimension::Area)
    {
        m.planarAreaM2 = g.planarArea();
        m.ellipsoidalAreaM2 = m_impl->area->area(g);
    }
    return m;
}

} // namespace redline
