#pragma once
// A zone geometry converted to GEOS and prepared, owned together (the prepared geometry refers
// to the base one, so the base is declared first and destroyed last). Confined to one thread.

#include "geos/GeosConvert.hpp"

namespace redline::detail
{

struct PreparedZone
{
    PreparedZone(GeosContext& ctx, const Geometry& g);

    GeosGeomPtr base;
    GeosPreparedPtr prepared;
    std::size_t vertexCount = 0;
};

} // namespace redline::detail
