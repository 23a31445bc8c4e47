#pragma once
// Writes layers to a GDAL vector file atomically (temporary file in the same folder, then rename).
// Driver chosen from the extension (.gpkg, .geojson, .shp, .csv, .kml ...).

#include <string>
#include <utility>
#include <vector>

#include "redline/data/Layer.hpp"

namespace redline
{

// Writes all layers into one file at `path` (formats that hold one layer take only the first).
// `metadata` becomes dataset metadata items where the format keeps them (GeoPackage:
// gpkg_metadata). Throws IoError; on failure nothing is left at `path` or beside it.
void writeLayers(const std::string& path, const std::vector<Layer>& layers,
                 const std::vector<std::pair<std::string, std::string>>& metadata = {});

} // namespace redline
