#pragma once
// Area statistics of a zoning store (issue 6, item 2): area of every layer and of every class of
// it (redline_type, unit_type, level, category, prohibition), optionally by township. Areas are
// planar in the analysis CRS (DESIGN A4) of the dissolved features, so overlapping zones of one
// class are not counted twice; ellipsoidal areas (CGCS2000) are given beside them.
// Pure function; each call has its own GEOS context (thread-safe across calls).

#include <ostream>
#include <string>
#include <vector>

#include "redline/geo/Crs.hpp"
#include "redline/model/ZoneLayer.hpp"

namespace redline
{

struct AreaRow
{
    std::string layer;
    std::string kind;
    std::string classField;   // "" for layers without classes
    std::string className;    // "*" = all classes of the layer
    std::string townshipCode; // "*" = the whole store
    std::string townshipName;
    std::size_t featureCount = 0; // features of the class (by township: whose envelope meets it)
    double areaM2 = 0;
    double ellipsoidalM2 = 0;

    [[nodiscard]] double areaKm2() const { return areaM2 / 1e6; }
    [[nodiscard]] double areaMu() const { return areaM2 * 15.0 / 10000.0; } // 1 亩 = 10000/15 m²
};

struct StatsOptions
{
    bool byTownship = false;
};

// The attribute that classes a layer of this kind, "" when there is none.
[[nodiscard]] std::string classFieldOf(const std::string& kind);

[[nodiscard]] std::vector<AreaRow> computeZoningStats(const std::vector<ZoneLayer>& layers,
                                                      const Crs& analysisCrs,
                                                      const StatsOptions& options = {});

void writeStatsCsv(const std::vector<AreaRow>& rows, std::ostream& out);
void writeStatsJson(const std::vector<AreaRow>& rows, const std::string& store,
                    const std::string& crs, std::ostream& out);
void writeStatsText(const std::vector<AreaRow>& rows, std::ostream& out);

} // namespace redline
