#pragma once
// Chinese web-map datums: GCJ-02 (AutoNavi/Tencent) and BD-09 (Baidu) <-> WGS84/CGCS2000
// longitude/latitude in degrees. Forward formulas are the published obfuscation; inverses are
// iterative (round-trip error < 0.5 m anywhere in China). Outside China the shift is zero.
// Pure functions, thread-safe.

#include "redline/geo/Geometry.hpp"

namespace redline
{

[[nodiscard]] bool isInsideChinaForGcj(double lon, double lat);
[[nodiscard]] Point wgs84ToGcj02(Point lonLat);
[[nodiscard]] Point gcj02ToWgs84(Point lonLat);
[[nodiscard]] Point gcj02ToBd09(Point lonLat);
[[nodiscard]] Point bd09ToGcj02(Point lonLat);
[[nodiscard]] Point wgs84ToBd09(Point lonLat);
[[nodiscard]] Point bd09ToWgs84(Point lonLat);

enum class WebDatum
{
    Gcj02,
    Bd09
};
// Converts every vertex of a lon/lat geometry from the web datum to WGS84/CGCS2000.
[[nodiscard]] Geometry webDatumToWgs84(const Geometry& g, WebDatum datum);

} // namespace redline
