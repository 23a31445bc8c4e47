#include "geos/GeosOps.hpp"

namespace redline::detail
{

GeosGeomPtr clone(GeosContext& ctx, const GEOSGeometry* g)
{
    return own(ctx, GEOSGeom_clone_r(ctx.handle(), g), "copying a geometry");
}

double area(GeosContext& ctx, const GEOSGeometry* g)
{
    double a = 0;
    ctx.require(GEOSArea_r(ctx.handle(), g, &a) == 1, "cannot compute an area");
    return a;
}

double length(GeosContext& ctx, const GEOSGeometry* g)
{
    double l = 0;
    ctx.require(GEOSLength_r(ctx.handle(), g, &l) == 1, "cannot compute a length");
    return l;
}

bool isEmpty(GeosContext& ctx, const GEOSGeometry* g)
{
    const char r = GEOSisEmpty_r(ctx.handle(), g);
    ctx.require(r != 2, "cannot test emptiness");
    return r == 1;
}

Envelope envelopeOf(GeosContext& ctx, const GEOSGeometry* g)
{
    Envelope e;
    if (isEmpty(ctx, g))
        return e;
    GEOSGeom_getXMin_r(ctx.handle(), g, &e.minX);
    GEOSGeom_getYMin_r(ctx.handle(), g, &e.minY);
    GEOSGeom_getXMax_r(ctx.handle(), g, &e.maxX);
    GEOSGeom_getYMax_r(ctx.handle(), g, &e.maxY);
    return e;
}

Point pointOnSurface(GeosContext& ctx, const GEOSGeometry* g)
{
    GeosGeomPtr p = own(ctx, GEOSPointOnSurface_r(ctx.handle(), g), "finding a point on a surface");
    Point out;
    if (!isEmpty(ctx, p.get()))
    {
        GEOSGeomGetX_r(ctx.handle(), p.get(), &out.x);
        GEOSGeomGetY_r(ctx.handle(), p.get(), &out.y);
    }
    return out;
}

GeosGeomPtr intersection(GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b)
{
    return own(ctx, GEOSIntersection_r(ctx.handle(), a, b), "intersection");
}

GeosGeomPtr difference(GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b)
{
    return own(ctx, GEOSDifference_r(ctx.handle(), a, b), "difference");
}

GeosGeomPtr unionAll(GeosContext& ctx, const std::vector<const GEOSGeometry*>& gs)
{
    if (gs.empty())
        return own(ctx, GEOSGeom_createEmptyPolygon_r(ctx.handle()), "building an empty polygon");
    std::vector<GeosGeomPtr> copies;
    copies.reserve(gs.size());
    for (const GEOSGeometry* g : gs)
        copies.push_back(clone(ctx, g));
    // GEOS takes ownership of the members, also when it fails.
    std::vector<GEOSGeometry*> raw;
    raw.reserve(copies.size());
    for (auto& c : copies)
        raw.push_back(c.release());
    GeosGeomPtr coll =
        own(ctx,
            GEOSGeom_createCollection_r(ctx.handle(), GEOS_GEOMETRYCOLLECTION, raw.data(),
                                        static_cast<unsigned>(raw.size())),
            "collecting geometries");
    return own(ctx, GEOSUnaryUnion_r(ctx.handle(), coll.get()), "union");
}

std::vector<GeosGeomPtr> polygonsOf(GeosContext& ctx, const GEOSGeometry* g)
{
    std::vector<GeosGeomPtr> out;
    const int type = GEOSGeomTypeId_r(ctx.handle(), g);
    if (type == GEOS_POLYGON)
    {
        if (!isEmpty(ctx, g))
            out.push_back(clone(ctx, g));
        return out;
    }
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION)
    {
        const int n = GEOSGetNumGeometries_r(ctx.handle(), g);
        for (int i = 0; i < n; ++i)
            for (auto& p : polygonsOf(ctx, GEOSGetGeometryN_r(ctx.handle(), g, i)))
                out.push_back(std::move(p));
    }
    return out;
}

GeosGeomPtr fillHoles(GeosContext& ctx, const GEOSGeometry* g)
{
    std::vector<GeosGeomPtr> shells;
    for (const auto& poly : polygonsOf(ctx, g))
    {
        GeosGeomPtr ring = clone(ctx, GEOSGetExteriorRing_r(ctx.handle(), poly.get()));
        shells.push_back(own(ctx,
                             GEOSGeom_createPolygon_r(ctx.handle(), ring.release(), nullptr, 0),
                             "filling holes"));
    }
    std::vector<const GEOSGeometry*> raw;
    raw.reserve(shells.size());
    for (const auto& s : shells)
        raw.push_back(s.get());
    return unionAll(ctx, raw);
}

GeosGeomPtr polygonalPart(GeosContext& ctx, const GEOSGeometry* g)
{
    const int type = GEOSGeomTypeId_r(ctx.handle(), g);
    if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON)
        return clone(ctx, g);
    std::vector<GeosGeomPtr> polys = polygonsOf(ctx, g);
    std::vector<GEOSGeometry*> raw;
    raw.reserve(polys.size());
    for (auto& p : polys)
        raw.push_back(p.release());
    return own(ctx,
               GEOSGeom_createCollection_r(ctx.handle(), GEOS_MULTIPOLYGON,
                                           raw.empty() ? nullptr : raw.data(),
                                           static_cast<unsigned>(raw.size())),
               "collecting polygons");
}

} // namespace redline::detail
