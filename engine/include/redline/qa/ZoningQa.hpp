#pragma once
// Zoning-layer QA (issue 6, item 1): geometry validity, partition layers without overlaps or
// gaps, attribute domains, water zones nested per source, cross-layer conflicts and the
// reconciliation of layer totals with the official figures of the catalog.
// Pure function of its inputs; each call creates its own GEOS context, so concurrent calls on
// different threads are safe. Geometries must be in a projected CRS in metres.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "redline/geo/Crs.hpp"
#include "redline/geo/Envelope.hpp"
#include "redline/model/ZoneLayer.hpp"
#include "redline/qa/QaReport.hpp"

namespace redline
{

// Restricts the findings to what an edit changed: feature checks run on the listed features only,
// pair checks on pairs with at least one listed feature, region checks (gaps, overshoots, nesting)
// on regions meeting one of the envelopes. Layer totals are checked for the listed layers.
struct QaScope
{
    std::map<std::string, std::set<std::int64_t>> features; // layer name -> fids
    std::vector<Envelope> regions;                          // analysis CRS
};

struct QaOptions
{
    double toleranceM2 = 1.0;            // overlaps, gaps and misfits below this are ignored
    double officialToleranceKm2 = 0.005; // allowed |layer total - official figure|
    std::optional<QaScope> scope;
    std::string storeLabel; // written into the report
};

[[nodiscard]] QaReport runZoningQa(const std::vector<ZoneLayer>& layers, const Crs& analysisCrs,
                                   const QaOptions& options = {});

// Opens a zoning store (GeoPackage or catalog.yaml) reading geometries as stored (no repair,
// so invalid ones are reported) in the analysis CRS, and runs the QA on it.
// Throws IoError / ConfigError / CrsError when the store cannot be read at all.
[[nodiscard]] QaReport checkZoningStore(const std::string& storePath,
                                        const QaOptions& options = {});

} // namespace redline
