#pragma once
// Seeded synthetic zoning store and site batch for the screening benchmarks and the PostGIS
// parity check (issue 2, item 7). Deterministic on every platform: std::mt19937_64 with our own
// mapping to doubles (the standard distributions are not specified bit-for-bit).
//
// Zones are in EPSG:4549 (CGCS2000 / 3-degree GK CM 120E, metres) around Yongjia County, with the
// conventional layer names of DESIGN A1. Sites are mostly polygons, plus lines and points, with
// deliberate edge cases: sites sharing edges exactly with a zone, sites inside holes, sites
// straddling hole rings, points on zone vertices, and a share of sites in EPSG:4490 (lon/lat).

#include <cstdint>
#include <string>
#include <vector>

#include "redline/data/Layer.hpp"

namespace redline::bench
{

struct WorkloadSpec
{
    std::uint64_t seed = 20260601;
    Envelope extent{540000, 3090000, 600000, 3150000}; // 60 km x 60 km, EPSG:4549
    std::size_t redlinePolygons = 300;
    std::size_t minVertices = 1000; // per red-line shell
    std::size_t maxVertices = 5000;
    double minRadiusM = 250; // red-line polygon base radius range
    double maxRadiusM = 1500;
    std::size_t controlColumns = 12; // control units: columns x rows cells partitioning extent
    std::size_t controlRows = 13;
    std::size_t waterZones = 40;
    std::size_t protectedAreas = 20;
    // 三区三线 reference layers for the coordination check (issue 14), not screened; 0 = none.
    // Drawn from their own random stream after everything else, so the other layers and the
    // sites are the same with or without them.
    std::size_t farmlandParcels = 0;  // permanent_farmland: 20-120 vertex parcels of 5-80 ha
    std::size_t developmentZones = 0; // urban_development_boundary: 1-4 km towns
    std::size_t sites = 10000;
    double otherCrsShare = 0.1; // share of ordinary sites written in EPSG:4490

    // The county-sized benchmark workload of issue 2 item 7.
    [[nodiscard]] static WorkloadSpec county();
    // The county workload with `storeScale` times its area and zones (same densities; the extent
    // grows about the county's centre, taller than wide to stay near EPSG:4549's central
    // meridian) and `sites` sites. storeScale 30 with 100,000 sites is the province workload of
    // issue 13; 10 and 30 with 10,000 sites give its scaling table.
    [[nodiscard]] static WorkloadSpec scaled(double storeScale, std::size_t sites);
    [[nodiscard]] static WorkloadSpec province() { return scaled(30, 100000); }
    // A small workload of `sites` sites on a 20 km x 20 km extent (parity check under ctest).
    [[nodiscard]] static WorkloadSpec small(std::size_t sites);
    // Adds the coordination layers at the county's density (600 farmland parcels and 12 towns
    // per county-sized area), scaled with the extent.
    void addCoordinationLayers();
};

struct Workload
{
    std::vector<Layer> zoneLayers; // ecological_redline, control_units, water_protection_zones,
                                   // protected_areas [, permanent_farmland,
                                   // urban_development_boundary]; EPSG:4549
    Layer sites;                   // layer "sites", EPSG:4549
    Layer sitesOtherCrs;           // layer "sites", EPSG:4490 (lon/lat)
};

[[nodiscard]] Workload generateWorkload(const WorkloadSpec& spec);

// Writes DIR/zoning.gpkg, DIR/sites.gpkg (EPSG:4549) and DIR/sites_4490.gpkg. Throws IoError.
void writeWorkload(const Workload& workload, const std::string& dir);

} // namespace redline::bench
