#pragma once
// One feature: source feature id, geometry (in its layer's CRS) and attributes. Value type.

#include <cstdint>

#include "redline/data/Attributes.hpp"
#include "redline/geo/Geometry.hpp"

namespace redline
{

struct Feature
{
    std::int64_t fid = 0; // the source's feature id (OGR FID)
    Geometry geometry;
    Attributes attributes;
    // Non-empty when the feature was read but cannot be used (a site whose geometry cannot be
    // repaired or placed): one sentence naming the file, layer and feature. Its geometry may then
    // be empty. Screening gives such a site the verdict `error` with this message.
    std::string error;
};

} // namespace redline
