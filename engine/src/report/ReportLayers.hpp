#pragma once
// The GeoPackage form of a screening report (engine-internal): layer `sites` (site geometry,
// verdict, areas) and layer `hits` (one row per hit with the CSV columns; geometry = the overlap
// part, none for buffer-only hits).

#include <vector>

#include "redline/analysis/ScreeningReport.hpp"
#include "redline/data/Layer.hpp"

namespace redline::detail
{

[[nodiscard]] std::vector<Layer> reportLayers(const ScreeningReport& report);

} // namespace redline::detail
