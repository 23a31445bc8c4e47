#pragma once
// Lon/lat (CGCS2000, treated as equal to WGS84: < 1 m apart) <-> EPSG:4549 metres, and the
// ellipsoidal area of EPSG:4549 polygons on the CGCS2000 (GRS80) ellipsoid.

#include <memory>

#include "Geos.hpp"

namespace redline::datagen
{

class GkProjection
{
public:
    GkProjection();
    ~GkProjection();
    GkProjection(const GkProjection&) = delete;
    GkProjection& operator=(const GkProjection&) = delete;

    [[nodiscard]] Xy toGk(Xy lonLat) const;
    [[nodiscard]] Xy toLonLat(Xy gk) const;
    [[nodiscard]] GeomPtr toGk(const GEOSGeometry* lonLatGeom) const;
    [[nodiscard]] GeomPtr toLonLat(const GEOSGeometry* gkGeom) const;
    // m² on GRS80 of the polygonal parts of an EPSG:4549 geometry (holes subtracted).
    [[nodiscard]] double ellipsoidalArea(const GEOSGeometry* gkGeom) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace redline::datagen
