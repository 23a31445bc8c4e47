#include "geos/GeosConvert.hpp"

#include <vector>

#include "redline/core/Error.hpp"

namespace redline::detail
{
namespace
{

static_assert(sizeof(Point) == 2 * sizeof(double), "Point must be two packed doubles");

GEOSCoordSequence* seqFrom(GeosContext& ctx, const Ring& r)
{
    auto* seq = GEOSCoordSeq_copyFromBuffer_r(ctx.handle(), reinterpret_cast<const double*>(r.data()),
                                              static_cast<unsigned>(r.size()), 0, 0);
    if (!seq)
        throw GeometryError("cannot build a GEOS coordinate sequence");
    return seq;
}

GEOSGeometry* polygonFrom(GeosContext& ctx, const Part& part)
{
    GEOSGeometry* shell = GEOSGeom_createLinearRing_r(ctx.handle(), seqFrom(ctx, part.at(0)));
    if (!shell)
        throw GeometryError("invalid polygon ring: " + ctx.lastError());
    std::vector<GEOSGeometry*> holes;
    for (std::size_t i = 1; i < part.size(); ++i)
    {
        GEOSGeometry* h = GEOSGeom_createLinearRing_r(ctx.handle(), seqFrom(ctx, part[i]));
        if (!h)
            throw GeometryError("invalid polygon hole: " + ctx.lastError());
        holes.push_back(h);
    }
    return GEOSGeom_createPolygon_r(ctx.handle(), shell, holes.data(),
                                    static_cast<unsigned>(holes.size()));
}

Ring ringFrom(GeosContext& ctx, const GEOSGeometry* g)
{
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx.handle(), g);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(ctx.handle(), seq, &n);
    Ring r(n);
    if (n > 0)
        GEOSCoordSeq_copyToBuffer_r(ctx.handle(), seq, reinterpret_cast<double*>(r.data()), 0, 0);
    return r;
}

Part partFromPolygon(GeosContext& ctx, const GEOSGeometry* g)
{
    Part part;
    part.push_back(ringFrom(ctx, GEOSGetExteriorRing_r(ctx.handle(), g)));
    const int n = GEOSGetNumInteriorRings_r(ctx.handle(), g);
    for (int i = 0; i < n; ++i)
        part.push_back(ringFrom(ctx, GEOSGetInteriorRingN_r(ctx.handle(), g, i)));
    return part;
}

// Collects the parts of `g` of dimension `dim` (0, 1, 2), recursing into collections.
void collect(GeosContext& ctx, const GEOSGeometry* g, int dim, std::vector<Part>& out)
{
    const int type = GEOSGeomTypeId_r(ctx.handle(), g);
    if (GEOSisEmpty_r(ctx.handle(), g) == 1)
        return;
    switch (type)
    {
    case GEOS_POINT:
        if (dim == 0)
            out.push_back(Part{ringFrom(ctx, g)});
        return;
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
        if (dim == 1)
            out.push_back(Part{ringFrom(ctx, g)});
        return;
    case GEOS_POLYGON:
        if (dim == 2)
            out.push_back(partFromPolygon(ctx, g));
        return;
    default:
    {
        const int n = GEOSGetNumGeometries_r(ctx.handle(), g);
        for (int i = 0; i < n; ++i)
            collect(ctx, GEOSGetGeometryN_r(ctx.handle(), g, i), dim, out);
    }
    }
}

} // namespace

GeosGeomPtr toGeos(GeosContext& ctx, const Geometry& g)
{
    const auto h = ctx.handle();
    const auto& parts = g.parts();
    auto pointFrom = [&](const Part& p)
    {
        return GEOSGeom_createPointFromXY_r(h, p.at(0).at(0).x, p.at(0).at(0).y);
    };
    auto lineFrom = [&](const Part& p) { return GEOSGeom_createLineString_r(h, seqFrom(ctx, p.at(0))); };
    auto collection = [&](int type, auto make)
    {
        std::vector<GEOSGeometry*> items;
        for (const auto& p : parts)
            items.push_back(make(p));
        return GEOSGeom_createCollection_r(h, type, items.data(), static_cast<unsigned>(items.size()));
    };
    GEOSGeometry* out = nullptr;
    switch (g.type())
    {
    case GeometryType::Point:
        out = parts.empty() ? GEOSGeom_createEmptyPoint_r(h) : pointFrom(parts[0]);
        break;
    case GeometryType::LineString:
        out = parts.empty() ? GEOSGeom_createEmptyLineString_r(h) : lineFrom(parts[0]);
        break;
    case GeometryType::Polygon:
        out = parts.empty() ? GEOSGeom_createEmptyPolygon_r(h) : polygonFrom(ctx, parts[0]);
        break;
    case GeometryType::MultiPoint: out = collection(GEOS_MULTIPOINT, pointFrom); break;
    case GeometryType::MultiLineString: out = collection(GEOS_MULTILINESTRING, lineFrom); break;
    case GeometryType::MultiPolygon:
        out = collection(GEOS_MULTIPOLYGON, [&](const Part& p) { return polygonFrom(ctx, p); });
        break;
    }
    return own(ctx, out, "building a GEOS geometry");
}

Geometry fromGeos(GeosContext& ctx, const GEOSGeometry* g)
{
    const int dim = GEOSGeom_getDimensions_r(ctx.handle(), g);
    std::vector<Part> parts;
    collect(ctx, g, dim, parts);
    if (parts.empty())
        return {};
    static constexpr GeometryType kSingle[] = {GeometryType::Point, GeometryType::LineString,
                                               GeometryType::Polygon};
    static constexpr GeometryType kMulti[] = {GeometryType::MultiPoint,
                                              GeometryType::MultiLineString,
                                              GeometryType::MultiPolygon};
    const int type = GEOSGeomTypeId_r(ctx.handle(), g);
    const bool single = type == GEOS_POINT || type == GEOS_LINESTRING || type == GEOS_POLYGON;
    const auto d = static_cast<std::size_t>(dim);
    return Geometry(single && parts.size() == 1 ? kSingle[d] : kMulti[d], std::move(parts));
}

} // namespace redline::detail
