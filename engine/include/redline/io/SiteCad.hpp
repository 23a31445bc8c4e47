#pragma once
// Sites drawn in CAD (DXF, read by GDAL's DXF driver, which decodes text by $DWGCODEPAGE, e.g.
// ANSI_936 = GBK): designers draw a red line as a closed polyline and label it with a TEXT
// entity. GDAL returns both as lines and points; this turns them into sites. Pure function on a
// Layer; thread-safe.

#include <optional>
#include <string>

#include "redline/data/Layer.hpp"

namespace redline
{

[[nodiscard]] bool isCadSource(const std::string& path);

// "UTF-8" for a DXF written by AutoCAD 2007 or later ($ACADVER AC1021 and up), whose text is
// UTF-8 whatever $DWGCODEPAGE says; GDAL 3.6 decodes by $DWGCODEPAGE alone (a Chinese AutoCAD
// writes ANSI_936), so the reader must be told. nullopt for older or unreadable files.
[[nodiscard]] std::optional<std::string> cadTextEncoding(const std::string& path);

// Closed polylines and polylines whose last point repeats the first → polygon sites (parcels),
// named by a text label inside them (`name`, and `site_id` when the drawing has none); other open
// polylines → line sites, with a warning naming their entities; texts are labels; other entities
// are ignored with a warning. Sites without a label get their DXF entity handle as `site_id`. A drawing with no polyline at all is an IoError (one sentence).
// `cadLayer`: keep only entities on that CAD layer (DXF "Layer" field).
[[nodiscard]] Layer sitesFromCad(Layer layer, const std::optional<std::string>& cadLayer);

} // namespace redline
