#pragma once
// Loads project sites as officers receive them: any GDAL source, a plugin-imported format
// (界址点 lists…), or WKT text; validates every site alike (SiteValidation.hpp: make-valid repair
// with a warning, unusable sites marked), checks the CRS, reprojects to the analysis CRS, warns
// about sites far outside the zoning extent. `--site-crs` values: EPSG/WKT text, "gcj02", "bd09".
// Thread-safety: each call opens its own datasets and transforms; call from any thread after
// gdalInit(). The Registry is only read.

#include <optional>
#include <string>
#include <vector>

#include "redline/data/Layer.hpp"
#include "redline/geo/Crs.hpp"

namespace redline
{

class Registry;

struct SiteSourceOptions
{
    std::optional<std::string> layerName;
    std::optional<std::string> siteCrs;   // as given on the command line
    std::optional<Envelope> zoningExtent; // in the analysis CRS, for far-away warnings
    // Local datum transformation for Xian 1980 / Beijing 1954 sources (`--towgs84`): 3 or 7
    // values dx,dy,dz (m), rx,ry,rz (arc-seconds), s (ppm), as in OGRSpatialReference::SetTOWGS84.
    std::optional<std::vector<double>> towgs84;
    // false: keep the source CRS (redline convert without --dst-crs); the analysis CRS is then
    // ignored, except for the far-away check.
    bool reproject = true;
    // true (redline screen, the viewer): a site that cannot be used (unrepairable geometry,
    // coordinates that cannot be transformed) stays in the layer with Feature::error set, so
    // that it gets the verdict `error` while the others are screened. false (redline convert):
    // the first such site ends the load. A source in which no site can be used is an error
    // either way.
    bool keepUnusableSites = false;
    // The GDAL drivers that may read the source (ReadOptions::drivers); empty: any.
    std::vector<std::string> drivers;
};

// Throws IoError / CrsError / GeometryError (one sentence naming file, layer and feature).
[[nodiscard]] Layer loadSites(const std::string& path, const Crs& analysisCrs,
                              const SiteSourceOptions& options, const Registry* registry);
// One site from WKT (`--site-wkt`), with its CRS as given (default the analysis CRS).
[[nodiscard]] Layer siteFromWkt(const std::string& wkt, const Crs& analysisCrs,
                                const SiteSourceOptions& options);

// Parses a --site-crs value; nullopt for the web datums "gcj02" / "bd09" (handled separately).
[[nodiscard]] std::optional<Crs> parseSiteCrs(const std::string& text);

// Parses a --towgs84 value "dx,dy,dz[,rx,ry,rz,s]" (3 or 7 numbers); throws ConfigError.
[[nodiscard]] std::vector<double> parseTowgs84(const std::string& text);

} // namespace redline
