#pragma once
// Site tables as officers receive them (CSV, XLSX, ODS): rows of attributes read through GDAL,
// with no geometry; importers (plugins/importers/vertex_rows) build the geometry from coordinate
// or WKT columns. Opens its own dataset per call: call from any thread after gdalInit().

#include <optional>
#include <string>
#include <vector>

#include "redline/data/Attributes.hpp"
#include "redline/geo/Geometry.hpp"

namespace redline
{

struct SiteTable
{
    std::string source;
    std::string name;                    // sheet / layer name
    std::vector<std::string> fieldNames; // in column order
    std::vector<Attributes> rows;        // text as written; numeric cells as numbers
    std::vector<std::string> warnings;   // what GDAL said while reading, naming the file
};

// Throws IoError naming the file (and sheet) when GDAL cannot read it as a table.
[[nodiscard]] SiteTable readSiteTable(const std::string& path,
                                      const std::optional<std::string>& sheet = std::nullopt);

// Geometry from WKT text (throws GeometryError quoting the start of the text).
[[nodiscard]] Geometry geometryFromWkt(const std::string& wkt);

} // namespace redline
