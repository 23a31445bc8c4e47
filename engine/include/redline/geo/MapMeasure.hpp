#pragma once
// Measuring on the map (issue 14): the length of a drawn line or polygon outline and the area of
// a drawn polygon, on the analysis CRS's plane and on its ellipsoid. Ellipsoidal length is the sum
// of the geodesics between consecutive vertices (PROJ's geodesic routines, Karney), ellipsoidal
// area that of EllipsoidalMeasure. Units: metres and square metres. Not thread-safe (it owns PROJ
// transforms): one instance per thread.

#include <memory>

#include "redline/geo/Crs.hpp"
#include "redline/geo/EllipsoidalArea.hpp"
#include "redline/geo/Geometry.hpp"

namespace redline
{

struct Measurement
{
    double planarLengthM = 0; // the line, or the polygon's outline (closing segment included)
    double ellipsoidalLengthM = 0;
    double planarAreaM2 = 0; // polygons only
    double ellipsoidalAreaM2 = 0;
};

class MapMeasure
{
  public:
    // `crs` must be projected (the analysis CRS); throws CrsError otherwise.
    explicit MapMeasure(const Crs& crs);
    ~MapMeasure();
    MapMeasure(const MapMeasure&) = delete;
    MapMeasure& operator=(const MapMeasure&) = delete;

    [[nodiscard]] Measurement measure(const Geometry& lineOrPolygon) const;
    // Geodesic distance between two points of the CRS, metres.
    [[nodiscard]] double geodesicDistance(Point a, Point b) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace redline
