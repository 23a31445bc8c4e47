#pragma once
// Writes layers to a GDAL vector file through AtomicFile (nothing partial is left behind; links,
// devices, FIFOs and "-" are respected). Formats: gpkg (several layers), geojson, shp, csv, kml,
// gml; chosen by WriteOptions::format or else by the path's extension.
//
// Nothing is dropped silently; what a format cannot hold is adapted and said in
// WriteResult::warnings:
// - Shapefile: UTF-8 text with a .cpg; field names longer than 10 bytes get unique short names
//   (ShapefileFields.hpp); text longer than 254 bytes is cut at a character boundary; a layer
//   mixing points, lines and polygons becomes one Shapefile per kind, "<name>_points.shp",
//   "<name>_lines.shp", "<name>_polygons.shp" (WriteResult::files lists them).
// - CSV: geometry as a WKT column, UTF-8 with a byte-order mark (spreadsheet programs then read
//   Chinese); a CSV file has no CRS, so the warnings name the one its coordinates are in.
// - GDAL's own warnings while writing, each naming the file.
// Call from any thread after gdalInit().

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "redline/data/Layer.hpp"

namespace redline
{

struct WriteOptions
{
    std::string format; // gpkg | geojson | shp | csv | kml | gml; empty: by the path's extension
};

// Dataset metadata items, written where the format keeps them (GeoPackage: gpkg_metadata), e.g.
// the provenance of a screening result (store, store_revision, rule_set, rule_set_version).
using DatasetMetadata = std::vector<std::pair<std::string, std::string>>;

struct WriteResult
{
    std::vector<std::string> files;    // the files written (several for split Shapefiles)
    std::vector<std::string> warnings; // one sentence each, naming the file
};

// The format name for a path's extension (".gpkg" -> "gpkg", ".json" -> "geojson", ...), or
// nullopt when the extension is not one the writer knows.
[[nodiscard]] std::optional<std::string> vectorFormatForPath(const std::string& path);

// Writes all layers into one file at `path`; formats other than gpkg hold one layer and refuse
// more. Throws IoError (unknown format, cannot create or write) naming the file; on failure
// nothing is left at `path` or beside it.
WriteResult writeLayers(const std::string& path, const std::vector<Layer>& layers,
                        const WriteOptions& options = {}, const DatasetMetadata& metadata = {});

} // namespace redline
