#include "model/PostgisLayout.hpp"

#include <cstdio>

#include <ogr_geometry.h>

#include "redline/core/Error.hpp"

#include "gdal/OgrConvert.hpp"

namespace redline::detail::postgis
{

const char* sqlType(ColumnType t)
{
    switch (t)
    {
    case ColumnType::Integer:
        return "bigint";
    case ColumnType::Real:
        return "double precision";
    case ColumnType::Text:
        return "text";
    }
    return "text";
}

std::optional<std::string> parameterText(const AttributeValue& v)
{
    if (std::holds_alternative<std::monostate>(v))
        return std::nullopt;
    if (const auto* n = std::get_if<std::int64_t>(&v))
        return std::to_string(*n);
    if (const auto* d = std::get_if<double>(&v))
    {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", *d);
        return std::string(buf);
    }
    return std::get<std::string>(v);
}

Geometry fitToColumn(const Geometry& g, const std::string& geometryType)
{
    const GeometryType t = g.type();
    const bool oneVsMulti = g.parts().size() == 1;
    if (geometryType == "MULTIPOLYGON" && t == GeometryType::Polygon)
        return Geometry(GeometryType::MultiPolygon, g.parts());
    if (geometryType == "POLYGON" && t == GeometryType::MultiPolygon && oneVsMulti)
        return Geometry(GeometryType::Polygon, g.parts());
    if (geometryType == "MULTILINESTRING" && t == GeometryType::LineString)
        return Geometry(GeometryType::MultiLineString, g.parts());
    if (geometryType == "LINESTRING" && t == GeometryType::MultiLineString && oneVsMulti)
        return Geometry(GeometryType::LineString, g.parts());
    if (geometryType == "MULTIPOINT" && t == GeometryType::Point)
        return Geometry(GeometryType::MultiPoint, g.parts());
    if (geometryType == "POINT" && t == GeometryType::MultiPoint && oneVsMulti)
        return Geometry(GeometryType::Point, g.parts());
    return g;
}

std::string toWkb(const Geometry& g)
{
    const OGRGeometryUniquePtr og = toOgr(g);
    std::string bytes(static_cast<std::size_t>(og->WkbSize()), '\0');
    og->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(bytes.data()), wkbVariantIso);
    return bytes;
}

Geometry fromWkb(std::string_view wkb, bool* droppedZm)
{
    OGRGeometry* raw = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &raw, wkb.size()) != OGRERR_NONE ||
        !raw)
        throw GeometryError("unreadable geometry (WKB)");
    const OGRGeometryUniquePtr owned(raw);
    return fromOgr(*owned, droppedZm);
}

} // namespace redline::detail::postgis
