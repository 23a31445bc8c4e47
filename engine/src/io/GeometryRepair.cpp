#include "io/GeometryRepair.hpp"

#include "redline/core/Error.hpp"

#include "geos/GeosConvert.hpp"

namespace redline::detail
{

std::optional<std::string> repairIfInvalid(GeosContext& ctx, Geometry& g)
{
    if (g.dimension() != Dimension::Area)
        return std::nullopt;
    auto gg = toGeos(ctx, g);
    if (GEOSisValid_r(ctx.handle(), gg.get()) == 1)
        return std::nullopt;
    char* reason = GEOSisValidReason_r(ctx.handle(), gg.get());
    const std::string why = reason ? reason : "invalid";
    GEOSFree_r(ctx.handle(), reason);
    auto fixed = own(ctx, GEOSMakeValid_r(ctx.handle(), gg.get()), "make-valid");
    Geometry repaired = fromGeos(ctx, fixed.get());
    if (repaired.isEmpty() || repaired.dimension() != Dimension::Area)
        throw GeometryError("invalid polygon (" + why + ") that make-valid cannot repair");
    g = std::move(repaired);
    return why;
}

} // namespace redline::detail
