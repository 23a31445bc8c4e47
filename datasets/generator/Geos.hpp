#pragma once
// Minimal RAII layer over the reentrant GEOS C API for the (single-threaded) generator. One
// context for the whole process; every GEOS failure throws std::runtime_error with GEOS's text.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <geos_c.h>

namespace redline::datagen
{

struct Xy
{
    double x = 0;
    double y = 0;
};
using XyRing = std::vector<Xy>;

GEOSContextHandle_t geosContext();

struct GeomDeleter
{
    void operator()(GEOSGeometry* g) const;
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

// Takes ownership of a GEOS result; throws if it is null (GEOS reported an error).
GeomPtr own(GEOSGeometry* g, const char* what);

GeomPtr clone(const GEOSGeometry* g);
GeomPtr emptyPolygon();
// Closed shell (the closing point is added if missing) and optional holes.
GeomPtr makePolygon(const XyRing& shell, const std::vector<XyRing>& holes = {});
GeomPtr makeLine(const XyRing& points);
GeomPtr makePoint(Xy p);
GeomPtr makeCollection(int type, std::vector<GeomPtr> parts);

GeomPtr buffer(const GEOSGeometry* g, double distance, int quadSegs = 8, bool flatEnds = false);
GeomPtr intersection(const GEOSGeometry* a, const GEOSGeometry* b);
GeomPtr difference(const GEOSGeometry* a, const GEOSGeometry* b);
GeomPtr unite(const GEOSGeometry* a, const GEOSGeometry* b);
GeomPtr unionAll(const std::vector<const GEOSGeometry*>& parts);
// Polygonal, valid result: make-valid, drop points/lines, empty polygon if nothing is left.
GeomPtr cleanPolygonal(const GEOSGeometry* g);
GeomPtr densify(const GEOSGeometry* g, double maxSegment);
GeomPtr transformXy(const GEOSGeometry* g, const std::function<Xy(Xy)>& fn);
GeomPtr pointOnSurface(const GEOSGeometry* g);
GeomPtr envelope(const GEOSGeometry* g);

double area(const GEOSGeometry* g);
double length(const GEOSGeometry* g);
double distance(const GEOSGeometry* a, const GEOSGeometry* b);
bool intersects(const GEOSGeometry* a, const GEOSGeometry* b);
bool isValid(const GEOSGeometry* g);
bool isEmpty(const GEOSGeometry* g);
Xy pointXy(const GEOSGeometry* point);
// Vertices of every ring / line (points included), for coordinate-wise processing.
std::vector<XyRing> rings(const GEOSGeometry* g);
// Each polygon of a Polygon / MultiPolygon as {shell, holes...}.
std::vector<std::vector<XyRing>> polygons(const GEOSGeometry* g);
std::vector<unsigned char> toWkb(const GEOSGeometry* g);
GeomPtr fromWkb(const std::vector<unsigned char>& wkb);
std::string toWkt(const GEOSGeometry* g);

} // namespace redline::datagen
