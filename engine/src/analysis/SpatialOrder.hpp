#pragma once
// Processing order for a batch of sites (engine-internal): indices sorted along a Morton
// (Z-order) curve of their envelope centres. TBB splits the range into contiguous halves, so each
// worker then meets mostly its own zones: fewer zones prepared twice and warmer caches. Results
// are still written at each site's input index.

#include <cstddef>
#include <vector>

#include "redline/data/Feature.hpp"

namespace redline::detail
{

[[nodiscard]] std::vector<std::size_t> mortonOrder(const std::vector<Feature>& sites);

} // namespace redline::detail
