#include "analysis/PreparedZone.hpp"

namespace redline::detail
{

PreparedZone::PreparedZone(GeosContext& ctx, const Geometry& g)
    : base(toGeos(ctx, g)), vertexCount(g.vertexCount())
{
    prepared = GeosPreparedPtr(GEOSPrepare_r(ctx.handle(), base.get()),
                               GeosPreparedDeleter{ctx.handle()});
    ctx.check("preparing a zone geometry");
}

} // namespace redline::detail
