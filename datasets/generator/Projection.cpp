#include "Projection.hpp"

#include <cmath>
#include <stdexcept>

#include <geodesic.h>
#include <ogr_spatialref.h>

namespace redline::datagen
{

struct GkProjection::Impl
{
    OGRSpatialReference geographic;
    OGRSpatialReference projected;
    std::unique_ptr<OGRCoordinateTransformation> forward;
    std::unique_ptr<OGRCoordinateTransformation> inverse;
    geod_geodesic grs80{};
};

GkProjection::GkProjection() : m_impl(std::make_unique<Impl>())
{
    // Traditional GIS order on both sides: x = longitude / easting, as everywhere in Redline.
    m_impl->geographic.importFromEPSG(4490);
    m_impl->geographic.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    m_impl->projected.importFromEPSG(4549);
    m_impl->projected.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    m_impl->forward.reset(
        OGRCreateCoordinateTransformation(&m_impl->geographic, &m_impl->projected));
    m_impl->inverse.reset(
        OGRCreateCoordinateTransformation(&m_impl->projected, &m_impl->geographic));
    if (!m_impl->forward || !m_impl->inverse)
    {
        throw std::runtime_error("cannot create the EPSG:4490 <-> EPSG:4549 transformation");
    }
    geod_init(&m_impl->grs80, 6378137.0, 1.0 / 298.257222101);
}

GkProjection::~GkProjection() = default;

Xy GkProjection::toGk(Xy lonLat) const
{
    double x = lonLat.x;
    double y = lonLat.y;
    if (!m_impl->forward->Transform(1, &x, &y))
    {
        throw std::runtime_error("projection to EPSG:4549 failed");
    }
    return {x, y};
}

Xy GkProjection::toLonLat(Xy gk) const
{
    double x = gk.x;
    double y = gk.y;
    if (!m_impl->inverse->Transform(1, &x, &y))
    {
        throw std::runtime_error("inverse projection from EPSG:4549 failed");
    }
    return {x, y};
}

GeomPtr GkProjection::toGk(const GEOSGeometry* lonLatGeom) const
{
    return transformXy(lonLatGeom, [this](Xy p) { return toGk(p); });
}

GeomPtr GkProjection::toLonLat(const GEOSGeometry* gkGeom) const
{
    return transformXy(gkGeom, [this](Xy p) { return toLonLat(p); });
}

double GkProjection::ellipsoidalArea(const GEOSGeometry* gkGeom) const
{
    double total = 0;
    for (const auto& poly : polygons(gkGeom))
    {
        for (std::size_t r = 0; r < poly.size(); ++r)
        {
            std::vector<double> lats;
            std::vector<double> lons;
            // The closing vertex repeats the first; geod_polygonarea closes rings itself.
            for (std::size_t i = 0; i + 1 < poly[r].size(); ++i)
            {
                const Xy ll = toLonLat(poly[r][i]);
                lons.push_back(ll.x);
                lats.push_back(ll.y);
            }
            double a = 0;
            double perimeter = 0;
            geod_polygonarea(&m_impl->grs80, lats.data(), lons.data(),
                             static_cast<int>(lats.size()), &a, &perimeter);
            total += r == 0 ? std::fabs(a) : -std::fabs(a);
        }
    }
    return total;
}

} // namespace redline::datagen
