#include "geos/GeosConvert.hpp"

#include <vector>

namespace redline::detail
{
namespace
{

static_assert(sizeof(Point) == 2 * sizeof(double), "Point must be two packed doubles");

GEOSCoordSequence* seqFrom(GeosContext& ctx, const Ring& r)
{
    auto* seq =
        GEOSCoordSeq_copyFromBuffer_r(ctx.handle(), reinterpret_cast<const double*>(r.data()),
                                      static_cast<unsigned>(r.size()), 0, 0);
    ctx.require(seq != nullptr, "cannot build a GEOS coordinate sequence");
    return seq;
}

GeosGeomPtr linearRingFrom(GeosContext& ctx, const Ring& ring, OpenRings open)
{
    if (open == OpenRings::Reject || ring.empty() ||
        (ring.size() >= 4 && ring.front() == ring.back()))
        return own(ctx, GEOSGeom_createLinearRing_r(ctx.handle(), seqFrom(ctx, ring)),
                   "building a polygon ring");
    Ring closed = ring;
    if (!(closed.front() == closed.back()))
        closed.push_back(closed.front());
    while (closed.size() < 4)
        closed.push_back(closed.front());
    return own(ctx, GEOSGeom_createLinearRing_r(ctx.handle(), seqFrom(ctx, closed)),
               "building a polygon ring");
}

GeosGeomPtr polygonFrom(GeosContext& ctx, const Part& part, OpenRings open)
{
    if (part.empty())
        return own(ctx, GEOSGeom_createEmptyPolygon_r(ctx.handle()), "building an empty polygon");
    GeosGeomPtr shell = linearRingFrom(ctx, part[0], open);
    std::vector<GeosGeomPtr> holes;
    for (std::size_t i = 1; i < part.size(); ++i)
        holes.push_back(linearRingFrom(ctx, part[i], open));
    // GEOS takes ownership of the rings, also when it fails.
    std::vector<GEOSGeometry*> raw;
    for (auto& h : holes)
        raw.push_back(h.release());
    return own(ctx,
               GEOSGeom_createPolygon_r(ctx.handle(), shell.release(),
                                        raw.empty() ? nullptr : raw.data(),
                                        static_cast<unsigned>(raw.size())),
               "building a polygon");
}

GeosGeomPtr lineFrom(GeosContext& ctx, const Part& part)
{
    return own(ctx, GEOSGeom_createLineString_r(ctx.handle(), seqFrom(ctx, part.at(0))),
               "building a line");
}

GeosGeomPtr pointFrom(GeosContext& ctx, const Part& part)
{
    const Point& p = part.at(0).at(0);
    return own(ctx, GEOSGeom_createPointFromXY_r(ctx.handle(), p.x, p.y), "building a point");
}

GeosGeomPtr partFrom(GeosContext& ctx, Dimension dim, const Part& part, OpenRings open)
{
    switch (dim)
    {
    case Dimension::Point:
        return pointFrom(ctx, part);
    case Dimension::Line:
        return lineFrom(ctx, part);
    case Dimension::Area:
        break;
    }
    return polygonFrom(ctx, part, open);
}

GeosGeomPtr emptyOf(GeosContext& ctx, Dimension dim)
{
    const auto h = ctx.handle();
    switch (dim)
    {
    case Dimension::Point:
        return own(ctx, GEOSGeom_createEmptyPoint_r(h), "building an empty point");
    case Dimension::Line:
        return own(ctx, GEOSGeom_createEmptyLineString_r(h), "building an empty line");
    case Dimension::Area:
        break;
    }
    return own(ctx, GEOSGeom_createEmptyPolygon_r(h), "building an empty polygon");
}

int collectionTypeOf(Dimension dim)
{
    switch (dim)
    {
    case Dimension::Point:
        return GEOS_MULTIPOINT;
    case Dimension::Line:
        return GEOS_MULTILINESTRING;
    case Dimension::Area:
        break;
    }
    return GEOS_MULTIPOLYGON;
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

// The engine type of `dim` (0, 1, 2), single or multi.
GeometryType typeOf(int dim, bool single)
{
    static constexpr GeometryType kSingle[] = {GeometryType::Point, GeometryType::LineString,
                                               GeometryType::Polygon};
    static constexpr GeometryType kMulti[] = {
        GeometryType::MultiPoint, GeometryType::MultiLineString, GeometryType::MultiPolygon};
    const auto d = static_cast<std::size_t>(dim);
    return single ? kSingle[d] : kMulti[d];
}

Geometry partsOfDimension(GeosContext& ctx, const GEOSGeometry* g, Dimension dim)
{
    std::vector<Part> parts;
    collect(ctx, g, static_cast<int>(dim), parts);
    if (parts.empty())
        return {};
    return Geometry(typeOf(static_cast<int>(dim), parts.size() == 1), std::move(parts));
}

} // namespace

GeosGeomPtr toGeos(GeosContext& ctx, const Geometry& g, OpenRings open)
{
    const Dimension dim = g.dimension();
    const auto& parts = g.parts();
    const bool multi = g.type() == GeometryType::MultiPoint ||
                       g.type() == GeometryType::MultiLineString ||
                       g.type() == GeometryType::MultiPolygon;
    if (!multi && parts.empty())
        return emptyOf(ctx, dim);
    if (!multi && parts.size() == 1)
        return partFrom(ctx, dim, parts[0], open);
    std::vector<GeosGeomPtr> items;
    for (const Part& p : parts)
        items.push_back(partFrom(ctx, dim, p, open));
    // GEOS takes ownership of the parts, also when it fails.
    std::vector<GEOSGeometry*> raw;
    for (auto& item : items)
        raw.push_back(item.release());
    return own(ctx,
               GEOSGeom_createCollection_r(ctx.handle(), collectionTypeOf(dim),
                                           raw.empty() ? nullptr : raw.data(),
                                           static_cast<unsigned>(raw.size())),
               "building a GEOS geometry");
}

Geometry fromGeos(GeosContext& ctx, const GEOSGeometry* g)
{
    const int dim = GEOSGeom_getDimensions_r(ctx.handle(), g);
    std::vector<Part> parts;
    collect(ctx, g, dim, parts);
    if (parts.empty())
        return {};
    const int type = GEOSGeomTypeId_r(ctx.handle(), g);
    const bool single = type == GEOS_POINT || type == GEOS_LINESTRING || type == GEOS_POLYGON;
    return Geometry(typeOf(dim, single && parts.size() == 1), std::move(parts));
}

Geometry polygonalFromGeos(GeosContext& ctx, const GEOSGeometry* g)
{
    return partsOfDimension(ctx, g, Dimension::Area);
}

Geometry linealFromGeos(GeosContext& ctx, const GEOSGeometry* g)
{
    return partsOfDimension(ctx, g, Dimension::Line);
}

} // namespace redline::detail
