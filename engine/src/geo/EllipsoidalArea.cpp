#include "redline/geo/EllipsoidalArea.hpp"

#include <geodesic.h>
#include <ogr_spatialref.h>

#include <cmath>

#include "redline/geo/CrsTransform.hpp"

namespace redline
{

struct EllipsoidalMeasure::Impl
{
    geod_geodesic geod{};
    std::unique_ptr<CrsTransform> toGeographic;
};

EllipsoidalMeasure::EllipsoidalMeasure(const Crs& crs) : m_impl(std::make_unique<Impl>())
{
    const auto* srs = static_cast<const OGRSpatialReference*>(crs.nativeHandle());
    OGRErr err = OGRERR_NONE;
    const double a = srs->GetSemiMajor(&err);
    const double invF = srs->GetInvFlattening(&err);
    geod_init(&m_impl->geod, a, invF == 0 ? 0 : 1 / invF);
    // The geographic CRS on the same datum: no datum shift, only the inverse projection.
    OGRSpatialReference geog;
    geog.CopyGeogCSFrom(srs);
    char* wkt = nullptr;
    geog.exportToWkt(&wkt);
    Crs geographic = Crs::fromWkt(wkt ? wkt : "");
    CPLFree(wkt);
    m_impl->toGeographic = std::make_unique<CrsTransform>(crs, geographic);
}

EllipsoidalMeasure::~EllipsoidalMeasure() = default;

double EllipsoidalMeasure::area(const Geometry& g) const
{
    if (g.dimension() != Dimension::Area)
        return 0;
    const Geometry ll = m_impl->toGeographic->apply(g);
    double total = 0;
    for (const auto& part : ll.parts())
        for (std::size_t r = 0; r < part.size(); ++r)
        {
            const Ring& ring = part[r];
            if (ring.size() < 4)
                continue;
            // geod_polygonarea wants an open ring, lat/lon arrays.
            std::vector<double> lats, lons;
            lats.reserve(ring.size());
            lons.reserve(ring.size());
            for (std::size_t i = 0; i + 1 < ring.size(); ++i)
            {
                lons.push_back(ring[i].x);
                lats.push_back(ring[i].y);
            }
            double area = 0, perimeter = 0;
            geod_polygonarea(&m_impl->geod, lats.data(), lons.data(), static_cast<int>(lats.size()),
                             &area, &perimeter);
            total += (r == 0 ? 1 : -1) * std::fabs(area);
        }
    return total;
}

} // namespace redline
