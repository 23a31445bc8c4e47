#pragma once
// What a PreparedStore holds (engine-internal): shared by PreparedStore::build and the store
// cache, which fills it from a mapped file.

#include <memory>

#include "analysis/FlatZones.hpp"
#include "redline/analysis/PreparedStore.hpp"

namespace redline::detail
{

struct PreparedStoreData
{
    std::string path;
    Crs analysisCrs;
    std::vector<PreparedLayer> layers;
    std::vector<ScreenedZone> zones;
    Envelope extent;
    std::vector<std::string> warnings;
    FlatZones owned;                     // in-memory builds
    std::shared_ptr<const void> mapping; // keeps a mapped cache file alive
    FlatZonesView view;                  // over `owned` or `mapping`
};

} // namespace redline::detail
