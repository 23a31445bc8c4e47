#pragma once
// The benchmark store: the county's zoning tiled 'scale' times on a grid (≈ scale× features and
// vertices) plus 'sites' random sites. Not committed; written to outDir/zoning.gpkg, sites.gpkg.

#include <cstdint>
#include <string>

#include "World.hpp"

namespace redline::datagen
{

void writeScaledStore(const World& w, const std::string& outDir, int scale, int sites,
                      std::uint64_t seed);

} // namespace redline::datagen
