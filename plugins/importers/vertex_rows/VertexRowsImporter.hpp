#pragma once
// Plugin "import.vertex_rows": sites in spreadsheets and CSV files (.csv, .xlsx, .ods), in the
// three layouts officers receive: a WKT column; one row per vertex (site id, vertex order,
// optional ring/圈号, x, y); or one row per point site (lon/lat or x/y). Coordinate columns are
// found by name (lon/lat, 经度/纬度, x/y, X坐标/Y坐标, easting/northing) and x/y by magnitude
// (8-digit easting carries the zone prefix). The CRS is guessed from the coordinates (lon/lat →
// EPSG:4490, zone-prefixed Gauss–Krüger → CGCS2000 zone) with a warning; --site-crs overrides
// it. Reads the first sheet. A site whose rows make no geometry (bad WKT, too few vertices) is
// kept with Feature::error (a per-site `error`); loadSites validates and repairs the others.
// Stateless, thread-safe.

#include <string>

#include "redline/plugin/Registry.hpp"

namespace redline
{

class VertexRowsImporter final : public SiteImporter
{
  public:
    static PluginInfo info();

    [[nodiscard]] bool canRead(const std::string& path) const override;
    [[nodiscard]] Layer read(const std::string& path) const override;
};

} // namespace redline
