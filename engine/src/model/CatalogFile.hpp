#pragma once
// catalog.yaml (DESIGN A1): maps GDAL sources and layers to zone kinds, id and name fields and
// per-layer options (engine-internal; read by FileSource).

#include <optional>
#include <string>
#include <vector>

#include "redline/geo/Crs.hpp"
#include "redline/model/ZoneLayer.hpp"

namespace redline::detail
{

struct CatalogEntry
{
    ZoneLayer layer;         // metadata (layer.layer stays null); name "" = the source's first
    std::string source;      // path, resolved against the catalog's folder
    std::string sourceLayer; // layer name inside the source ("" = the first)
};

struct CatalogFile
{
    std::optional<Crs> analysisCrs;
    std::vector<CatalogEntry> entries;
};

// Throws ConfigError naming the file, entry and field.
[[nodiscard]] CatalogFile readCatalogFile(const std::string& path);

} // namespace redline::detail
