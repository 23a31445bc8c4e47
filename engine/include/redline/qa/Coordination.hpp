#pragma once
// 三区三线 coordination (issue 14): every overlap between the ecological red line and the two other
// control lines of the territorial plan, permanent basic farmland (永久基本农田) and the urban
// development boundary (城镇开发边界), which must not overlap it. Each overlap names both
// features, its area (planar on the analysis CRS and on its ellipsoid) and the townships it lies
// in, and carries its polygons so that a viewer can draw it and zoom to it.
//
// Layers play their part by kind: `ecological_redline`, and `permanent_farmland` /
// `urban_development_boundary` or any spelling of those kinds in the vocabulary table
// (redline/rules/Terms.hpp: permanent_basic_farmland, basic_farmland, urban_boundary, …);
// `townships` names the township. Candidate pairs come from a packed R-tree over the farmland and
// boundary envelopes and a prepared red-line geometry, so the work grows as n log n in the
// features, not with every pair; red-line features are taken one per job on every core, so only
// a few are held as GEOS geometries at a time (a province's red line is 0.4 GB as coordinates).
// Pure function of its inputs: each call makes its own GEOS contexts (safe on any thread), and
// its results do not depend on the number of cores. Geometries are polygons in a projected CRS
// in metres; an invalid one is measured in its make-valid repaired form (`redline check` reads
// the store as stored and reports the fault itself).

#include <cstdint>
#include <string>
#include <vector>

#include "redline/geo/Crs.hpp"
#include "redline/geo/Geometry.hpp"
#include "redline/model/ZoneLayer.hpp"
#include "redline/qa/ZoningQa.hpp"

namespace redline
{

struct CoordinationOverlap
{
    std::string redlineLayer;
    std::string redlineId; // value of the red-line layer's id field
    std::int64_t redlineFid = -1;
    std::string otherLayer;
    std::string otherKind; // "permanent_farmland" or "urban_development_boundary"
    std::string otherId;
    std::int64_t otherFid = -1;
    Geometry region;                    // the overlap's polygons, analysis CRS
    double areaM2 = 0;                  // planar, analysis CRS
    double ellipsoidalAreaM2 = 0;       // on the analysis CRS's ellipsoid (PROJ geodesic)
    Point location;                     // a point inside the overlap (analysis CRS)
    std::vector<std::string> townships; // the townships it lies in, largest share first
};

struct CoordinationOptions
{
    double toleranceM2 = 1.0;       // overlaps of at most this area are ignored
    const QaScope* scope = nullptr; // when set: only pairs with a feature of the scope
};

// "permanent_farmland", "urban_development_boundary" or "" for a layer kind.
[[nodiscard]] std::string coordinationKind(const std::string& kind);

// Every overlap above the tolerance, ordered by kind (farmland first), red-line id, other id.
// Throws GeometryError when GEOS fails on a feature (the message names it).
[[nodiscard]] std::vector<CoordinationOverlap>
findCoordinationOverlaps(const std::vector<ZoneLayer>& layers, const Crs& analysisCrs,
                         const CoordinationOptions& options = {});

// The overlaps as QA findings (check `coordination_overlap`), with the message, location,
// lon/lat, area and township. Severity error — the three control lines must not overlap, so
// `redline check` fails — except in a scoped run (an edit's commit), where it is a warning that
// needs the planner's reason: an edit elsewhere on a zone must not be refused for a conflict that
// is still being coordinated (衔接调整), and the commit dialog still lists it.
[[nodiscard]] std::vector<QaFinding> coordinationFindings(const std::vector<ZoneLayer>& layers,
                                                          const Crs& analysisCrs,
                                                          const CoordinationOptions& options = {});

} // namespace redline
