#pragma once
// The geometry check every site goes through, whichever importer read it (界址点 lists, vertex
// rows, DXF, WKT, KML and any other GDAL source), the same as the GDAL reader applies to zones:
// invalid polygons are repaired with GEOS make-valid (the polygonal part is kept) and a warning
// names the site; a site with no geometry, a non-finite coordinate, a polygon left with no area
// or a line with no length is unusable: it keeps its place in the layer with Feature::error set,
// and Screening gives it the verdict `error`. Works in the layer's own CRS.
// Thread-safety: pure functions, each call uses its own GEOS context.

#include <optional>
#include <string>

#include "redline/data/Layer.hpp"

namespace redline
{

// Repairs `g` in place when it is an invalid polygon. Returns GEOS's reason for the invalidity
// ("Self-intersection[x y]"), or nullopt when `g` is valid or not a polygon. Throws
// GeometryError (naming the reason) when make-valid leaves nothing with an area.
[[nodiscard]] std::optional<std::string> repairPolygon(Geometry& g);

// Checks and repairs every feature of `layer` that has no Feature::error yet; repair warnings
// are appended to layer.warnings. Returns the number of unusable features (error set).
std::size_t validateSites(Layer& layer);

// How a site is named in messages: 'site_id', else 'name' (or KML's 'Name'), else "fid N".
[[nodiscard]] std::string siteLabel(const Feature& f);

} // namespace redline
