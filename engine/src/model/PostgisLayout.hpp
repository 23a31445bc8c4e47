#pragma once
// How a zoning store is laid out in a PostGIS schema (engine-internal), shared by the reader,
// the transaction and `redline store push/pull`:
//
//   redline_meta       key/value: format, store_id (uuid), analysis_crs, pushed_from, pushed_at
//   redline_catalog    one row per layer: position, layer, table_name, kind, id_field,
//                      name_field, buffer_m, screened, official_area_km2, srid
//   redline_revisions  revision, time, user, reason, added, modified, deleted, warnings
//   redline_audit      id, revision, time, user, layer, fid, operation, old/new geometry (in the
//                      layer's SRID), old/new attributes (json, in column order), reason
//   <layer tables>     fid bigint identity primary key, geom geometry(<type>, <srid>) NOT NULL
//                      with a GiST index, then the attributes (bigint, double precision, text),
//                      NOT NULL on the id field and CHECK constraints for the attribute domains.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "redline/data/Attributes.hpp"
#include "redline/geo/Geometry.hpp"

namespace redline::detail::postgis
{

constexpr int kFormatVersion = 1;

enum class ColumnType
{
    Integer,
    Real,
    Text
};

struct Column
{
    std::string name;
    ColumnType type = ColumnType::Text;
};

struct LayerTable
{
    std::string table;
    int srid = 0;
    std::string geometryType;    // PostGIS typmod name: "MULTIPOLYGON", "GEOMETRY", …
    std::vector<Column> columns; // attributes, table order (fid and geom excluded)
};

// The PostgreSQL type of an attribute column.
[[nodiscard]] const char* sqlType(ColumnType t);
// Attribute value as a text statement parameter (NULL for monostate); doubles exactly (%.17g).
[[nodiscard]] std::optional<std::string> parameterText(const AttributeValue& v);
// A geometry brought to the column's type where that is lossless (Polygon <-> one-part
// MultiPolygon, and so on), as OGR's GeoPackage writer does.
[[nodiscard]] Geometry fitToColumn(const Geometry& g, const std::string& geometryType);
// ISO WKB (little endian) of a geometry, and back (throws GeometryError).
[[nodiscard]] std::string toWkb(const Geometry& g);
[[nodiscard]] Geometry fromWkb(std::string_view wkb, bool* droppedZm = nullptr);

} // namespace redline::detail::postgis
