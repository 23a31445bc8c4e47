#pragma once
// RAII owner of a reentrant GEOS context handle (engine-internal), shared by screening, zoning QA,
// statistics and edit sessions. One per thread: contexts and every GEOS object made with one must
// stay on the thread that created them (STYLE B4). Contexts are created and finished one at a
// time under a process-wide lock (libgeos/geos#1311). GEOS reports errors through the handler;
// check(), require() and own() turn them into a GeometryError, so no GEOS status code leaks out.

#ifndef GEOS_USE_ONLY_R_API
#define GEOS_USE_ONLY_R_API
#endif
#include <memory>
#include <string>
#include <string_view>

#include <geos_c.h>

namespace redline::detail
{

class GeosContext
{
  public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;
    GeosContext(GeosContext&&) = delete;
    GeosContext& operator=(GeosContext&&) = delete;

    [[nodiscard]] GEOSContextHandle_t handle() const { return m_handle; }
    // Throws GeometryError("<what>: <GEOS message>") when GEOS recorded an error.
    void check(std::string_view what);
    // Throws GeometryError("<what>[: <GEOS message>]") when `ok` is false: for calls whose
    // failure is a status code (a predicate's 2, a measure's 0).
    void require(bool ok, std::string_view what);
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

// Takes ownership of a GEOS result, throwing GeometryError("<what> failed[: <GEOS message>]")
// when it is null.
[[nodiscard]] GeosGeomPtr own(GeosContext& ctx, GEOSGeometry* g, std::string_view what);

} // namespace redline::detail
