#include "redline/geo/Crs.hpp"

#include <ogr_spatialref.h>

#include "redline/core/Error.hpp"

#include "gdal/GdalErrorScope.hpp"

namespace redline
{

struct Crs::Impl
{
    OGRSpatialReference srs;
};

Crs::Crs() : m_impl(std::make_unique<Impl>())
{
    m_impl->srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
}
Crs::~Crs() = default;
Crs::Crs(const Crs& o) : m_impl(std::make_unique<Impl>())
{
    m_impl->srs = o.m_impl->srs;
    m_impl->srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
}
Crs& Crs::operator=(const Crs& o)
{
    if (this != &o)
    {
        m_impl->srs = o.m_impl->srs;
        m_impl->srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }
    return *this;
}
Crs::Crs(Crs&&) noexcept = default;
Crs& Crs::operator=(Crs&&) noexcept = default;

Crs Crs::fromUserInput(const std::string& text)
{
    Crs c;
    std::string t = text;
    if (!t.empty() && t.find_first_not_of("0123456789") == std::string::npos)
        t = "EPSG:" + t;
    detail::GdalErrorScope gdal(text);
    if (t.empty() || c.m_impl->srs.SetFromUserInput(t.c_str()) != OGRERR_NONE)
        throw CrsError("Unknown coordinate reference system '" + text + "'" + gdal.failureReason() +
                       "; expected e.g. EPSG:4549, EPSG:4490, a WKT or a PROJ string.");
    c.m_impl->srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return c;
}

Crs Crs::fromEpsg(int code)
{
    Crs c;
    detail::GdalErrorScope gdal("EPSG:" + std::to_string(code));
    if (c.m_impl->srs.importFromEPSG(code) != OGRERR_NONE)
        throw CrsError("Unknown EPSG code " + std::to_string(code) + gdal.failureReason() + ".");
    c.m_impl->srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return c;
}

Crs Crs::fromWkt(const std::string& wkt)
{
    Crs c;
    detail::GdalErrorScope gdal("WKT");
    if (c.m_impl->srs.importFromWkt(wkt.c_str()) != OGRERR_NONE)
        throw CrsError("Cannot parse the coordinate reference system WKT" + gdal.failureReason() +
                       ".");
    c.m_impl->srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return c;
}

Crs Crs::fromNativeHandle(const void* ogrSpatialReference)
{
    Crs c;
    c.m_impl->srs = *static_cast<const OGRSpatialReference*>(ogrSpatialReference);
    c.m_impl->srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return c;
}

bool Crs::isValid() const
{
    return !m_impl->srs.IsEmpty();
}
bool Crs::isGeographic() const
{
    return m_impl->srs.IsGeographic() != 0;
}

std::optional<int> Crs::epsg() const
{
    if (!isValid())
        return std::nullopt;
    const char* auth = m_impl->srs.GetAuthorityName(nullptr);
    const char* code = m_impl->srs.GetAuthorityCode(nullptr);
    if (auth && code && std::string(auth) == "EPSG")
        return std::stoi(code);
    // Shapefile .prj files carry no authority: ask PROJ for a confident match (no match is an
    // answer, not a problem to report).
    detail::GdalErrorScope quiet(name());
    OGRSpatialReference copy(m_impl->srs);
    if (copy.AutoIdentifyEPSG() == OGRERR_NONE)
    {
        auth = copy.GetAuthorityName(nullptr);
        code = copy.GetAuthorityCode(nullptr);
        if (auth && code && std::string(auth) == "EPSG")
            return std::stoi(code);
    }
    return std::nullopt;
}

std::string Crs::name() const
{
    const char* n = m_impl->srs.GetName();
    return n ? n : "";
}

std::string Crs::label() const
{
    if (auto code = epsg())
        return "EPSG:" + std::to_string(*code);
    return name();
}

std::string Crs::toWkt() const
{
    char* wkt = nullptr;
    const char* opts[] = {"FORMAT=WKT2_2019", nullptr};
    m_impl->srs.exportToWkt(&wkt, opts);
    std::string s = wkt ? wkt : "";
    CPLFree(wkt);
    return s;
}

Crs Crs::geographicBase() const
{
    Crs c;
    if (m_impl->srs.IsEmpty() || c.m_impl->srs.CopyGeogCSFrom(&m_impl->srs) != OGRERR_NONE)
        return fromEpsg(4326);
    c.m_impl->srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return c;
}

std::optional<Envelope> Crs::areaOfUseLonLat() const
{
    double w = 0, s = 0, e = 0, n = 0;
    const char* areaName = nullptr;
    if (!m_impl->srs.GetAreaOfUse(&w, &s, &e, &n, &areaName) || w == -1000)
        return std::nullopt;
    return Envelope{w, s, e, n};
}

bool Crs::isSame(const Crs& other) const
{
    const char* opts[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", nullptr};
    return m_impl->srs.IsSame(&other.m_impl->srs, opts) != 0;
}

const void* Crs::nativeHandle() const
{
    return &m_impl->srs;
}

} // namespace redline
