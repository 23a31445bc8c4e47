#pragma once
// A store's layers exactly as stored at one revision (engine-internal, for push and pull): the
// features in each layer's own CRS, not repaired, in fid order, with the declared field and
// geometry types.

#include <string>
#include <vector>

#include "redline/model/ZoningSource.hpp"

#include "model/PostgisLayout.hpp"

namespace redline::detail
{

struct StoredLayer
{
    ZoneLayer info; // catalog entry (info.layer null)
    Crs crs;        // the CRS the features are in
    std::vector<postgis::Column> columns;
    std::string geometryType; // PostGIS typmod name, "GEOMETRY" when the features mix types
    std::vector<Feature> features;
};

[[nodiscard]] std::vector<StoredLayer> readStoredLayers(ZoningSource& source, int revision);

} // namespace redline::detail
