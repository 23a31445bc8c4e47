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
};

} // namespace redline
