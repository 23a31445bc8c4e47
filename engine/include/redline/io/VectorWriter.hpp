#pragma once
// Writes layers to a GDAL vector file atomically (temporary file in the same folder, then rename).
// Driver chosen from the extension (.gpkg, .geojson, .shp, .csv, .kml ...).

#include <string>
#include <vector>

#include "redline/data/Layer.hpp"

namespace redline
{

// Writes all layers into one file at `path` (formats that hold one layer take only the first).
// Throws IoError; on failure nothing is left at `path` or beside it.
void writeLayers(const std::string& path, const std::vector<Layer>& layers);

} // namespace redline
