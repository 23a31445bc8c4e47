#pragma once
// The part of a zoning store a batch of sites needs (issue 10, province scale): the sites'
// envelope grown by the largest proximity distance, so that every zone a site can overlap or lie
// near has an envelope meeting it. Loading only that window from a large store gives the same
// results as loading everything. Pure function, thread-safe.

#include <optional>
#include <vector>

#include "redline/data/Layer.hpp"
#include "redline/model/ZoneLayer.hpp"

namespace redline
{

// nullopt when the window would cover more than a quarter of `storeExtent` (loading everything
// is then as cheap) or there are no sites. `bufferOverride` is ScreeningOptions::bufferM.
[[nodiscard]] std::optional<Envelope> screeningWindow(const Layer& sites,
                                                      const std::vector<ZoneLayer>& catalog,
                                                      std::optional<double> bufferOverride,
                                                      const Envelope& storeExtent);

} // namespace redline
