#include "geos/GeosContext.hpp"

#include <mutex>

#include "redline/core/Error.hpp"

namespace redline::detail
{

namespace
{
// GEOS_init_r touches shared state; creating contexts one at a time keeps ThreadSanitizer quiet
// (libgeos/geos#1311).
std::mutex g_initMutex;
} // namespace

GeosContext::GeosContext()
{
    std::lock_guard lock(g_initMutex);
    m_handle = GEOS_init_r();
    GEOSContext_setErrorMessageHandler_r(m_handle, &GeosContext::onError, this);
}

GeosContext::~GeosContext()
{
    std::lock_guard lock(g_initMutex);
    GEOS_finish_r(m_handle);
}

void GeosContext::onError(const char* message, void* userdata)
{
    static_cast<GeosContext*>(userdata)->m_lastError = message ? message : "unknown GEOS error";
}

void GeosContext::check(std::string_view what)
{
    if (!m_lastError.empty())
        require(false, what);
}

void GeosContext::require(bool ok, std::string_view what)
{
    if (ok)
        return;
    std::string msg(what);
    if (!m_lastError.empty())
        msg += ": " + m_lastError;
    m_lastError.clear();
    throw GeometryError(msg);
}

GeosGeomPtr own(GeosContext& ctx, GEOSGeometry* g, std::string_view what)
{
    ctx.require(g != nullptr, std::string(what) + " failed");
    return GeosGeomPtr(g, GeosGeomDeleter{ctx.handle()});
}

} // namespace redline::detail
