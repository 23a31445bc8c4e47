#pragma once
// Geodesic (ellipsoidal) area and length of geometries given in a projected or geographic CRS,
// computed on that CRS's ellipsoid with PROJ's geodesic routines (Karney). Not thread-safe:
// one instance per thread.

#include <memory>

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

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace redline
