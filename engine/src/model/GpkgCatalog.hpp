#pragma once
// A store's catalog kept inside a GeoPackage (engine-internal): table redline_catalog (one row
// per layer, the same columns as in a PostGIS store) and the analysis CRS in redline_meta. Written
// by `redline store pull` so that an offline copy screens exactly like the store it came from.

#include <optional>

#include <gdal_priv.h>

#include "redline/model/ZoningSource.hpp"

namespace redline::detail
{

// nullopt when the GeoPackage has no redline_catalog table.
[[nodiscard]] std::optional<StoreCatalog> readGpkgCatalog(GDALDataset& ds, const std::string& path);
void writeGpkgCatalog(GDALDataset& ds, const StoreCatalog& catalog, const std::string& path);

} // namespace redline::detail
