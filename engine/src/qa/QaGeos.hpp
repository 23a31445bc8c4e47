#pragma once
// Internal GEOS helpers for zoning QA, statistics and edit sessions (reentrant C API only).
// A GeosHandle owns one context; use it on one thread only. Errors raised inside GEOS are kept
// by the handler and turned into GeometryError by check(), so no GEOS status code leaks out.

#include <memory>
#include <string>
#include <vector>

#include <geos_c.h>

#include "redline/geo/Geometry.hpp"

namespace redline::qa::detail
{

class GeosHandle
{
  public:
    GeosHandle();
    ~GeosHandle();
    GeosHandle(const GeosHandle&) = delete;
    GeosHandle& operator=(const GeosHandle&) = delete;

    [[nodiscard]] GEOSContextHandle_t get() const { return m_ctx; }
    // Throws GeometryError("<what>: <GEOS message>") when `ok` is false.
    void check(bool ok, const std::string& what) const;

  private:
    static void onError(const char* message, void* userdata);
    GEOSContextHandle_t m_ctx = nullptr;
    std::string m_lastError;
};

struct GeomDeleter
{
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSGeometry* g) const
    {
        if (g)
            GEOSGeom_destroy_r(ctx, g);
    }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

[[nodiscard]] GeomPtr wrap(const GeosHandle& h, GEOSGeometry* g, const std::string& what);
[[nodiscard]] GeomPtr toGeos(const GeosHandle& h, const Geometry& g);
// Polygonal parts only (points and lines of mixed results are dropped); empty -> empty Geometry.
[[nodiscard]] Geometry polygonalFromGeos(const GeosHandle& h, const GEOSGeometry* g);
// Line parts only.
[[nodiscard]] Geometry linealFromGeos(const GeosHandle& h, const GEOSGeometry* g);
[[nodiscard]] GeomPtr clone(const GeosHandle& h, const GEOSGeometry* g);
[[nodiscard]] double area(const GeosHandle& h, const GEOSGeometry* g);
[[nodiscard]] double length(const GeosHandle& h, const GEOSGeometry* g);
[[nodiscard]] bool isEmpty(const GeosHandle& h, const GEOSGeometry* g);
[[nodiscard]] Envelope envelopeOf(const GeosHandle& h, const GEOSGeometry* g);
// A point guaranteed to lie in the geometry (for locating findings).
[[nodiscard]] Point pointOnSurface(const GeosHandle& h, const GEOSGeometry* g);
[[nodiscard]] GeomPtr intersection(const GeosHandle& h, const GEOSGeometry* a,
                                   const GEOSGeometry* b);
[[nodiscard]] GeomPtr difference(const GeosHandle& h, const GEOSGeometry* a, const GEOSGeometry* b);
// Union of many geometries (cascaded). An empty list gives an empty polygon.
[[nodiscard]] GeomPtr unionAll(const GeosHandle& h, const std::vector<const GEOSGeometry*>& gs);
// Polygons of a (multi)polygon or collection, each as its own geometry.
[[nodiscard]] std::vector<GeomPtr> polygonsOf(const GeosHandle& h, const GEOSGeometry* g);
// The polygon(s) with holes removed.
[[nodiscard]] GeomPtr fillHoles(const GeosHandle& h, const GEOSGeometry* g);
// Polygonal part of a geometry as a GEOS (multi)polygon (drops lines/points of collections).
[[nodiscard]] GeomPtr polygonalPart(const GeosHandle& h, const GEOSGeometry* g);

} // namespace redline::qa::detail
