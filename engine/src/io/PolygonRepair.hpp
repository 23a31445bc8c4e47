#pragma once
// make-valid repair of invalid polygons on a caller's GEOS context (engine-internal): shared by
// the GDAL reader (zones and sites) and the site validation of SiteValidation.hpp.

#include <optional>
#include <string>

#include "geos/GeosContext.hpp"
#include "redline/geo/Geometry.hpp"

namespace redline::detail
{

// As redline::repairPolygon, on `ctx` (one thread).
[[nodiscard]] std::optional<std::string> repairPolygon(GeosContext& ctx, Geometry& g);

} // namespace redline::detail
