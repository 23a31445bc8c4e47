#pragma once
// Exact site × zone facts (engine-internal): overlap area/length, containment, distance.
// Works on GEOS objects of one worker thread.

#include <optional>

#include "analysis/PreparedZone.hpp"
#include "redline/analysis/SiteResult.hpp"
#include "redline/geo/EllipsoidalArea.hpp"

namespace redline::detail
{

struct SiteGeos
{
    const Geometry* geometry = nullptr; // analysis CRS
    GEOSGeometry* geos = nullptr;
    double area = 0;
    double length = 0;
    double ellipsoidalArea = 0; // the site's own, reused when a zone contains it
};

// Returns the hit's measured part (overlap*, distance, contains, overlap geometry), or nullopt
// when the zone is farther than `bufferM`.
[[nodiscard]] std::optional<Hit> measureOverlap(GeosContext& ctx, const SiteGeos& site,
                                                const PreparedZone& zone, const Envelope& zoneEnv,
                                                double bufferM, const EllipsoidalMeasure& measure);

} // namespace redline::detail
