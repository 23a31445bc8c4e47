#include "qa/QaGeos.hpp"

#include "redline/core/Error.hpp"

namespace redline::qa::detail
{

GeosHandle::GeosHandle() : m_ctx(GEOS_init_r())
{
    GEOSContext_setErrorMessageHandler_r(m_ctx, &GeosHandle::onError, this);
}

GeosHandle::~GeosHandle()
{
    GEOS_finish_r(m_ctx);
}

void GeosHandle::onError(const char* message, void* userdata)
{
    static_cast<GeosHandle*>(userdata)->m_lastError = message ? message : "unknown GEOS error";
}

void GeosHandle::check(bool ok, const std::string& what) const
{
    if (!ok)
        throw GeometryError(what + ": " + (m_lastError.empty() ? "GEOS failed" : m_lastError));
}

GeomPtr wrap(const GeosHandle& h, GEOSGeometry* g, const std::string& what)
{
    h.check(g != nullptr, what);
    return GeomPtr(g, GeomDeleter{h.get()});
}

namespace
{

GEOSCoordSequence* makeSequence(const GeosHandle& h, const Ring& ring)
{
    auto* seq = GEOSCoordSeq_create_r(h.get(), static_cast<unsigned>(ring.size()), 2);
    h.check(seq != nullptr, "cannot create a coordinate sequence");
    for (unsigned i = 0; i < ring.size(); ++i)
        GEOSCoordSeq_setXY_r(h.get(), seq, i, ring[i].x, ring[i].y);
    return seq;
}

GEOSGeometry* makeRing(const GeosHandle& h, Ring ring)
{
    // GEOS requires closed rings of at least four points; close what the source left open so that
    // the validity check reports the real fault (e.g. too few points) instead of failing here.
    if (!ring.empty() && !(ring.front() == ring.back()))
        ring.push_back(ring.front());
    while (!ring.empty() && ring.size() < 4)
        ring.push_back(ring.front());
    auto* r = GEOSGeom_createLinearRing_r(h.get(), makeSequence(h, ring));
    h.check(r != nullptr, "cannot build a ring");
    return r;
}

GEOSGeometry* makePolygon(const GeosHandle& h, const Part& part)
{
    if (part.empty())
        return GEOSGeom_createEmptyPolygon_r(h.get());
    GEOSGeometry* shell = makeRing(h, part[0]);
    std::vector<GEOSGeometry*> holes;
    for (std::size_t i = 1; i < part.size(); ++i)
        holes.push_back(makeRing(h, part[i]));
    auto* poly = GEOSGeom_createPolygon_r(h.get(), shell, holes.empty() ? nullptr : holes.data(),
                                          static_cast<unsigned>(holes.size()));
    h.check(poly != nullptr, "cannot build a polygon");
    return poly;
}

Ring ringFrom(const GeosHandle& h, const GEOSGeometry* line)
{
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h.get(), line);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h.get(), seq, &n);
    Ring ring(n);
    for (unsigned i = 0; i < n; ++i)
        GEOSCoordSeq_getXY_r(h.get(), seq, i, &ring[i].x, &ring[i].y);
    return ring;
}

void collect(const GeosHandle& h, const GEOSGeometry* g, int wantedDim, std::vector<Part>& parts)
{
    const int type = GEOSGeomTypeId_r(h.get(), g);
    if (type == GEOS_MULTIPOLYGON || type == GEOS_MULTILINESTRING || type == GEOS_MULTIPOINT ||
        type == GEOS_GEOMETRYCOLLECTION)
    {
        const int n = GEOSGetNumGeometries_r(h.get(), g);
        for (int i = 0; i < n; ++i)
            collect(h, GEOSGetGeometryN_r(h.get(), g, i), wantedDim, parts);
        return;
    }
    if (GEOSisEmpty_r(h.get(), g) == 1)
        return;
    if (type == GEOS_POLYGON && wantedDim == 2)
    {
        Part part;
        part.push_back(ringFrom(h, GEOSGetExteriorRing_r(h.get(), g)));
        const int holes = GEOSGetNumInteriorRings_r(h.get(), g);
        for (int i = 0; i < holes; ++i)
            part.push_back(ringFrom(h, GEOSGetInteriorRingN_r(h.get(), g, i)));
        parts.push_back(std::move(part));
    }
    else if ((type == GEOS_LINESTRING || type == GEOS_LINEARRING) && wantedDim == 1)
    {
        parts.push_back(Part{ringFrom(h, g)});
    }
}

} // namespace

GeomPtr toGeos(const GeosHandle& h, const Geometry& g)
{
    std::vector<GEOSGeometry*> items;
    for (const Part& part : g.parts())
    {
        switch (g.dimension())
        {
        case Dimension::Area:
            items.push_back(makePolygon(h, part));
            break;
        case Dimension::Line:
            items.push_back(GEOSGeom_createLineString_r(h.get(), makeSequence(h, part.at(0))));
            break;
        case Dimension::Point:
            items.push_back(
                GEOSGeom_createPointFromXY_r(h.get(), part.at(0).at(0).x, part.at(0).at(0).y));
            break;
        }
        h.check(items.back() != nullptr, "cannot build a geometry part");
    }
    const bool multi = g.type() == GeometryType::MultiPolygon ||
                       g.type() == GeometryType::MultiLineString ||
                       g.type() == GeometryType::MultiPoint;
    if (items.size() == 1 && !multi)
        return GeomPtr(items[0], GeomDeleter{h.get()});
    if (items.empty() && !multi && g.dimension() == Dimension::Area)
        return wrap(h, GEOSGeom_createEmptyPolygon_r(h.get()), "empty polygon");
    int collectionType = GEOS_MULTIPOLYGON;
    if (g.dimension() == Dimension::Line)
        collectionType = GEOS_MULTILINESTRING;
    else if (g.dimension() == Dimension::Point)
        collectionType = GEOS_MULTIPOINT;
    return wrap(h,
                GEOSGeom_createCollection_r(h.get(), collectionType,
                                            items.empty() ? nullptr : items.data(),
                                            static_cast<unsigned>(items.size())),
                "cannot build a multi-geometry");
}

Geometry polygonalFromGeos(const GeosHandle& h, const GEOSGeometry* g)
{
    std::vector<Part> parts;
    collect(h, g, 2, parts);
    if (parts.empty())
        return {};
    const auto type = parts.size() == 1 ? GeometryType::Polygon : GeometryType::MultiPolygon;
    return Geometry(type, std::move(parts));
}

Geometry linealFromGeos(const GeosHandle& h, const GEOSGeometry* g)
{
    std::vector<Part> parts;
    collect(h, g, 1, parts);
    if (parts.empty())
        return {};
    const auto type = parts.size() == 1 ? GeometryType::LineString : GeometryType::MultiLineString;
    return Geometry(type, std::move(parts));
}

GeomPtr clone(const GeosHandle& h, const GEOSGeometry* g)
{
    return wrap(h, GEOSGeom_clone_r(h.get(), g), "cannot copy a geometry");
}

double area(const GeosHandle& h, const GEOSGeometry* g)
{
    double a = 0;
    h.check(GEOSArea_r(h.get(), g, &a) == 1, "cannot compute an area");
    return a;
}

double length(const GeosHandle& h, const GEOSGeometry* g)
{
    double l = 0;
    h.check(GEOSLength_r(h.get(), g, &l) == 1, "cannot compute a length");
    return l;
}

bool isEmpty(const GeosHandle& h, const GEOSGeometry* g)
{
    const char r = GEOSisEmpty_r(h.get(), g);
    h.check(r != 2, "cannot test emptiness");
    return r == 1;
}

Envelope envelopeOf(const GeosHandle& h, const GEOSGeometry* g)
{
    Envelope e;
    if (isEmpty(h, g))
        return e;
    GEOSGeom_getXMin_r(h.get(), g, &e.minX);
    GEOSGeom_getYMin_r(h.get(), g, &e.minY);
    GEOSGeom_getXMax_r(h.get(), g, &e.maxX);
    GEOSGeom_getYMax_r(h.get(), g, &e.maxY);
    return e;
}

Point pointOnSurface(const GeosHandle& h, const GEOSGeometry* g)
{
    GeomPtr p = wrap(h, GEOSPointOnSurface_r(h.get(), g), "cannot find a point on a surface");
    Point out;
    if (!isEmpty(h, p.get()))
    {
        GEOSGeomGetX_r(h.get(), p.get(), &out.x);
        GEOSGeomGetY_r(h.get(), p.get(), &out.y);
    }
    return out;
}

GeomPtr intersection(const GeosHandle& h, const GEOSGeometry* a, const GEOSGeometry* b)
{
    return wrap(h, GEOSIntersection_r(h.get(), a, b), "intersection failed");
}

GeomPtr difference(const GeosHandle& h, const GEOSGeometry* a, const GEOSGeometry* b)
{
    return wrap(h, GEOSDifference_r(h.get(), a, b), "difference failed");
}

GeomPtr unionAll(const GeosHandle& h, const std::vector<const GEOSGeometry*>& gs)
{
    if (gs.empty())
        return wrap(h, GEOSGeom_createEmptyPolygon_r(h.get()), "empty polygon");
    std::vector<GEOSGeometry*> copies;
    copies.reserve(gs.size());
    for (const GEOSGeometry* g : gs)
        copies.push_back(GEOSGeom_clone_r(h.get(), g));
    GeomPtr coll = wrap(h,
                        GEOSGeom_createCollection_r(h.get(), GEOS_GEOMETRYCOLLECTION, copies.data(),
                                                    static_cast<unsigned>(copies.size())),
                        "cannot collect geometries");
    return wrap(h, GEOSUnaryUnion_r(h.get(), coll.get()), "union failed");
}

std::vector<GeomPtr> polygonsOf(const GeosHandle& h, const GEOSGeometry* g)
{
    std::vector<GeomPtr> out;
    const int type = GEOSGeomTypeId_r(h.get(), g);
    if (type == GEOS_POLYGON)
    {
        if (!isEmpty(h, g))
            out.push_back(clone(h, g));
        return out;
    }
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION)
    {
        const int n = GEOSGetNumGeometries_r(h.get(), g);
        for (int i = 0; i < n; ++i)
            for (auto& p : polygonsOf(h, GEOSGetGeometryN_r(h.get(), g, i)))
                out.push_back(std::move(p));
    }
    return out;
}

GeomPtr fillHoles(const GeosHandle& h, const GEOSGeometry* g)
{
    std::vector<GeomPtr> shells;
    for (const auto& poly : polygonsOf(h, g))
    {
        GeomPtr ring = clone(h, GEOSGetExteriorRing_r(h.get(), poly.get()));
        GEOSGeometry* shell = GEOSGeom_createPolygon_r(h.get(), ring.release(), nullptr, 0);
        shells.push_back(wrap(h, shell, "cannot fill holes"));
    }
    std::vector<const GEOSGeometry*> raw;
    for (const auto& s : shells)
        raw.push_back(s.get());
    return unionAll(h, raw);
}

GeomPtr polygonalPart(const GeosHandle& h, const GEOSGeometry* g)
{
    const int type = GEOSGeomTypeId_r(h.get(), g);
    if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON)
        return clone(h, g);
    std::vector<GeomPtr> polys = polygonsOf(h, g);
    std::vector<GEOSGeometry*> raw;
    for (auto& p : polys)
        raw.push_back(p.release());
    return wrap(h,
                GEOSGeom_createCollection_r(h.get(), GEOS_MULTIPOLYGON,
                                            raw.empty() ? nullptr : raw.data(),
                                            static_cast<unsigned>(raw.size())),
                "cannot collect polygons");
}

} // namespace redline::qa::detail
