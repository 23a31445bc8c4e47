#pragma once
// Loads project sites as officers receive them: any GDAL source, a plugin-imported format
// (界址点 lists…), or WKT text; checks the CRS, reprojects to the analysis CRS, warns about sites
// far outside the zoning extent. `--site-crs` values: EPSG/WKT text, "gcj02", "bd09".

#include <optional>
#include <string>

#include "redline/data/Layer.hpp"
#include "redline/geo/Crs.hpp"

namespace redline
{

class Registry;

struct SiteSourceOptions
{
    std::optional<std::string> layerName;
    std::optional<std::string> siteCrs; // as given on the command line
    std::optional<Envelope> zoningExtent; // in the analysis CRS, for far-away warnings
};

// Throws IoError / CrsError / GeometryError (one sentence naming file, layer and feature).
[[nodiscard]] Layer loadSites(const std::string& path, const Crs& analysisCrs,
                              const SiteSourceOptions& options, const Registry* registry);
// One site from WKT (`--site-wkt`), with its CRS as given (default the analysis CRS).
[[nodiscard]] Layer siteFromWkt(const std::string& wkt, const Crs& analysisCrs,
                                const SiteSourceOptions& options);

// Parses a --site-crs value; nullopt for the web datums "gcj02" / "bd09" (handled separately).
[[nodiscard]] std::optional<Crs> parseSiteCrs(const std::string& text);

} // namespace redline
