#pragma once
// Helpers shared by the zoning-layer builders.

#include <functional>

#include "World.hpp"

namespace redline::datagen
{

// Buffer of the river between two chainages; flat ends when 'flatEnds'.
GeomPtr corridor(const XyRing& line, double from, double to, double halfWidth,
                 bool flatEnds = false);
// Geometry scaled by 'factor' about 'centre'.
GeomPtr scaled(const GEOSGeometry* g, Xy centre, double factor);
// Warped (organic) and clipped to the county, cleaned.
GeomPtr organicInCounty(const World& w, const GEOSGeometry* g);
// Polygon -> MultiPolygon (GeoPackage layers are declared MultiPolygon).
GeomPtr asMulti(GeomPtr g);
// Chainage on the 楠溪江 of anchor point 楠溪江#k.
double nanxiChainage(const World& w, int k);
// Finds x in [lo, hi] with f(x) = target for an increasing f; stops when |f - target| < tol.
double bisect(const std::function<double(double)>& f, double lo, double hi, double target,
              double tol, const char* what);

} // namespace redline::datagen
