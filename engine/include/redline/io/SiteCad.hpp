#pragma once
// Sites drawn in CAD (DXF, read by GDAL's DXF driver, which decodes text by $DWGCODEPAGE, e.g.
// ANSI_936 = GBK): designers draw a red line as a closed polyline and label it with a TEXT
// entity. GDAL returns both as lines and points; this turns them into polygon sites named by the
// label inside them. Pure function on a Layer; thread-safe.

#include <optional>
#include <string>

#include "redline/data/Layer.hpp"

namespace redline
{

[[nodiscard]] bool isCadSource(const std::string& path);

// Closed polylines → polygons; a text label inside a polygon becomes its `name` (and `site_id`
// when the drawing has none); text points are then dropped, as are open lines when any polygon
// exists. `cadLayer`: keep only entities on that CAD layer (DXF "Layer" field).
[[nodiscard]] Layer sitesFromCad(Layer layer, const std::optional<std::string>& cadLayer);

} // namespace redline
