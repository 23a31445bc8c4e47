#pragma once
// Coordinate reference system value: keeps its own copy of a GDAL/PROJ definition (pimpl, so no
// GDAL header leaks). Always in traditional GIS axis order (x = easting/longitude). Copyable;
// a Crs may be used by one thread at a time; copy it to share across threads.

#include <memory>
#include <optional>
#include <string>

#include "redline/geo/Envelope.hpp"

namespace redline
{

class Crs
{
  public:
    Crs();
    ~Crs();
    Crs(const Crs&);
    Crs& operator=(const Crs&);
    Crs(Crs&&) noexcept;
    Crs& operator=(Crs&&) noexcept;

    // "EPSG:4549", "4549", a WKT or PROJ string; throws CrsError naming the text if unknown.
    static Crs fromUserInput(const std::string& text);
    static Crs fromEpsg(int code);
    static Crs fromWkt(const std::string& wkt);
    // For engine internals only: a copy of an OGRSpatialReference (passed as void*), e.g. a
    // layer's, without a round trip through WKT.
    static Crs fromNativeHandle(const void* ogrSpatialReference);

    [[nodiscard]] bool isValid() const;
    [[nodiscard]] bool isGeographic() const;
    [[nodiscard]] std::optional<int> epsg() const;
    // "EPSG:4549" when an EPSG code is known, else the CRS's name.
    [[nodiscard]] std::string label() const;
    [[nodiscard]] std::string name() const;
    [[nodiscard]] std::string toWkt() const;
    // The geographic CRS on the same datum (a projected CRS's base; WGS 84 when there is none):
    // lon/lat without a datum shift, so a transform to it is quick to set up.
    [[nodiscard]] Crs geographicBase() const;
    // Area of use in degrees of longitude/latitude, if the definition records one.
    [[nodiscard]] std::optional<Envelope> areaOfUseLonLat() const;
    [[nodiscard]] bool isSame(const Crs& other) const;

    // For engine internals only: the OGRSpatialReference* (as void*) this value owns.
    [[nodiscard]] const void* nativeHandle() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace redline
