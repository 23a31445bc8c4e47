#pragma once
// One screening request (STYLE A8, OSRM's parameters structs): plain fields that the CLI fills
// from its options and the service from its process inputs, checked by problem() before the
// engine runs. Field names in problems are the service's input names (`site_crs`); the CLI shows
// them as options (`--site-crs`). Add a new screening option here, in problem(), and where
// ScreeningEngine turns the request into loader and screening options.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace redline
{

// What is wrong with a request: the offending input and one plain sentence.
struct RequestProblem
{
    std::string input;   // "sites", "site_crs", "buffer", "towgs84", "rules", "threads"
    std::string message; // "must be a number of metres between 0 and 100000"
};

struct ScreeningRequest
{
    // The sites: exactly one of a source path (any format loadSites reads) or WKT text.
    std::string sitesPath;
    std::string siteWkt;
    // The bytes of the sites source, read from memory instead of the file `sitesPath`, which
    // then only names it (its extension picks the GDAL driver: "sites.geojson"). For formats
    // GDAL reads (GeoJSON, KML, GeoPackage…); the importer plugins (界址点 lists, vertex tables)
    // need a file.
    std::string sitesData;
    // How the report names the sites source (`sites_source`); default `sitesPath` or
    // "--site-wkt". The service gives the uploaded file's name: `sitesPath` is then replaced by
    // it in every warning and error, so no temporary path reaches the report or the client.
    std::string sitesLabel;
    std::string siteLayer;         // empty: the source's first layer
    std::string siteCrs;           // EPSG code, WKT, "gcj02", "bd09"; empty: the source's own
    std::string towgs84;           // "dx,dy,dz[,rx,ry,rz,s]" for Xian 1980 / Beijing 1954 sources
    std::optional<double> bufferM; // every layer's proximity distance; default per layer
    // Project attributes applied to every site, over the file's own (e.g. project_type for a
    // 界址点 list that has none), as the applicant states them (`--site-attr KEY=VALUE`).
    std::vector<std::pair<std::string, std::string>> siteAttributes;
    // Which source field holds which project attribute (`--fields NAME=SOURCE`), before the
    // known aliases (ProjectAttributeMapping).
    std::vector<std::pair<std::string, std::string>> fields;
    std::string rules;    // rule set name or file; empty: the engine's default
    // Build each partial overlap's geometry (drawn by maps: gpkg and html outputs, the
    // service's reports); without it only its measures.
    bool overlapGeometry = true;
    // Attach the whole store to the report (ScreeningReport::zoning) for outputs that draw the
    // zoning around each site (html).
    bool zoningContext = false;
    unsigned threads = 0; // 0: the engine's shared pool (all cores)
    // Called from worker threads as sites finish (CLI progress on a terminal).
    std::function<void(std::size_t done, std::size_t total)> progress;

    // nullopt when the request can run; otherwise the first problem found. Does not open files.
    [[nodiscard]] std::optional<RequestProblem> problem() const;
};

inline constexpr double kMaxBufferM = 100000; // 100 km: beyond any county's extent

} // namespace redline
