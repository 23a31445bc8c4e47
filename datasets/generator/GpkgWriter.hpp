#pragma once
// Writes OutLayers with GDAL (GeoPackage, GeoJSON). The file is first written under a temporary
// name and renamed when complete, so a failed run never leaves a half-written dataset.

#include <string>
#include <vector>

#include "Store.hpp"

namespace redline::datagen
{

// driver: "GPKG" or "GeoJSON"; epsg: CRS stamped on every layer (4549, or 4326 for GeoJSON).
void writeLayers(const std::string& path, const std::string& driver,
                 const std::vector<const OutLayer*>& layers, int epsg);

} // namespace redline::datagen
