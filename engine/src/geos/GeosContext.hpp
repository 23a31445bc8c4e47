#pragma once
// RAII owner of a reentrant GEOS context handle (engine-internal). One per thread: contexts and
// every GEOS object made with one must stay on the thread that created them (STYLE B4).
// GEOS reports errors through the handler; check() turns the last one into a GeometryError.

#ifndef GEOS_USE_ONLY_R_API
#define GEOS_USE_ONLY_R_API
#endif
#include <geos_c.h>

#include <memory>
#include <string>

namespace redline::detail
{

class GeosContext
{
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    [[nodiscard]] GEOSContextHandle_t handle() const { return m_handle; }
    // Throws GeometryError with GEOS's last message (and `what`) when one was recorded.
    void check(const char* what);
    [[nodiscard]] const std::string& lastError() const { return m_lastError; }
    void clearError() { m_lastError.clear(); }

private:
    static void onError(const char* message, void* userdata);
    GEOSContextHandle_t m_handle = nullptr;
    std::string m_lastError;
};

struct GeosGeomDeleter
{
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSGeometry* g) const
    {
        if (g)
            GEOSGeom_destroy_r(ctx, g);
    }
};
using GeosGeomPtr = std::unique_ptr<GEOSGeometry, GeosGeomDeleter>;

struct GeosPreparedDeleter
{
    GEOSContextHandle_t ctx = nullptr;
    void operator()(const GEOSPreparedGeometry* g) const
    {
        if (g)
            GEOSPreparedGeom_destroy_r(ctx, g);
    }
};
using GeosPreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, GeosPreparedDeleter>;

// Wraps a result, throwing GeometryError (with GEOS's message) when it is null.
GeosGeomPtr own(GeosContext& ctx, GEOSGeometry* g, const char* what);

} // namespace redline::detail
