#pragma once
// Plugin "import.jzd": 界址点 coordinate lists (.txt with a [地块坐标] section, JZD_FORMAT.md).
// GBK or UTF-8 (BOM or not); several parcels per file; X/Y column order and the Gauss–Krüger
// CRS are worked out from the coordinates and the header; header area, point count and ring
// closure are checked, with warnings in layer.warnings; a self-crossing parcel is repaired with
// GEOS make-valid (warning naming the parcel and the crossing), and a parcel that cannot be
// built or repaired is kept with Feature::error (a per-site `error`, not a failed file).
// Stateless, thread-safe.

#include <string>

#include "redline/plugin/Registry.hpp"

namespace redline
{

class JzdImporter final : public SiteImporter
{
  public:
    static PluginInfo info();

    [[nodiscard]] bool canRead(const std::string& path) const override;
    [[nodiscard]] Layer read(const std::string& path) const override;
};

// Header area and computed area differ "beyond tolerance" when the difference exceeds the larger
// of half a unit in the header's last decimal and this share of the computed area (1 %: GK
// planar vs ellipsoidal area differ by < 0.3 % in a 3-degree zone; unit mix-ups are ×15, ×10⁴).
inline constexpr double kJzdAreaTolerance = 0.01;

} // namespace redline
