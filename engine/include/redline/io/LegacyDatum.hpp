#pragma once
// The legacy Chinese geodetic datums Xian 1980 and Beijing 1954 (and New Beijing). PROJ knows no
// published transformation from them to CGCS2000/WGS84, so coordinates on them can only be
// placed correctly with a local 7-parameter set (from the provincial surveying bureau).
// Pure functions on Crs values; thread-safe on distinct Crs objects.

#include <optional>
#include <string>
#include <vector>

#include "redline/geo/Crs.hpp"

namespace redline
{

// "Xian 1980", "Beijing 1954" or "New Beijing" when the CRS (or its base geographic CRS) is on
// that datum; nullopt otherwise.
[[nodiscard]] std::optional<std::string> legacyDatumOf(const Crs& crs);

// The CRS bound to WGS84 with the given Helmert parameters (3 or 7 values, see
// SiteSourceOptions::towgs84), as a PROJ string. PROJ applies the parameters only on the way to
// WGS84 itself (EPSG:4326), not to CGCS2000: transform to EPSG:4326 first and treat the result as
// CGCS2000 lon/lat (the two agree within about a metre). Throws CrsError.
[[nodiscard]] Crs withTowgs84(const Crs& crs, const std::vector<double>& params);

} // namespace redline
