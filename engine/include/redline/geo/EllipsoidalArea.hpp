#pragma once
// Geodesic (ellipsoidal) area and length of geometries given in a projected or geographic CRS,
// computed on that CRS's ellipsoid with PROJ's geodesic routines (Karney). Not thread-safe:
// one instance per thread.

#include <memory>
#include <optional>

#include "redline/geo/Crs.hpp"
#include "redline/geo/Geometry.hpp"

namespace redline
{

class EllipsoidalMeasure
{
public:
    explicit EllipsoidalMeasure(const Crs& crs);
    ~EllipsoidalMeasure();
    EllipsoidalMeasure(const EllipsoidalMeasure&) = delete;
    EllipsoidalMeasure& operator=(const EllipsoidalMeasure&) = delete;

    // m² of polygons (holes subtracted); 0 for points and lines.
    [[nodiscard]] double area(const Geometry& g) const;
    // m² of a polygon known by its planar area, area centroid and extent, for polygons small
    // enough (≤ 2 km) for the Transverse Mercator areal scale at the centroid (as area() uses);
    // nullopt otherwise: then measure the geometry itself with area().
    [[nodiscard]] std::optional<double> areaFromPlanar(double planarArea, const Point& centroid,
                                                       const Envelope& extent) const;
    // m² of polygons by the geodesic polygon area alone, whatever their size: for pieces of a
    // larger whole whose own size decides between the two methods (statistics, QA totals).
    [[nodiscard]] double geodesicArea(const Geometry& g) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace redline
