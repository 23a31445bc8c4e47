#include "Geos.hpp"

#include <cstdarg>
#include <cstdio>
#include <stdexcept>

namespace redline::datagen
{
namespace
{

std::string& lastMessage()
{
    static std::string message;
    return message;
}

void onGeosMessage(const char* fmt, ...)
{
    char buf[1024];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    lastMessage() = buf;
}

void check(bool ok, const char* what)
{
    if (!ok)
    {
        throw std::runtime_error(std::string("GEOS ") + what + " failed: " + lastMessage());
    }
}

GEOSCoordSequence* sequence(const XyRing& pts, bool close)
{
    const bool addClose =
        close && !pts.empty() && (pts.front().x != pts.back().x || pts.front().y != pts.back().y);
    const auto n = static_cast<unsigned>(pts.size() + (addClose ? 1 : 0));
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(geosContext(), n, 2);
    check(seq != nullptr, "CoordSeq_create");
    for (unsigned i = 0; i < n; ++i)
    {
        const Xy& p = i < pts.size() ? pts[i] : pts.front();
        GEOSCoordSeq_setXY_r(geosContext(), seq, i, p.x, p.y);
    }
    return seq;
}

XyRing readSequence(const GEOSGeometry* g)
{
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(geosContext(), g);
    check(seq != nullptr, "getCoordSeq");
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(geosContext(), seq, &n);
    XyRing out(n);
    for (unsigned i = 0; i < n; ++i)
    {
        GEOSCoordSeq_getXY_r(geosContext(), seq, i, &out[i].x, &out[i].y);
    }
    return out;
}

void collectPolygonal(const GEOSGeometry* g, std::vector<GeomPtr>& out)
{
    const int type = GEOSGeomTypeId_r(geosContext(), g);
    if (type == GEOS_POLYGON)
    {
        double a = 0;
        if (!GEOSisEmpty_r(geosContext(), g) && GEOSArea_r(geosContext(), g, &a) == 1 && a > 0)
        {
            out.push_back(clone(g));
        }
        return;
    }
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION)
    {
        const int n = GEOSGetNumGeometries_r(geosContext(), g);
        for (int i = 0; i < n; ++i)
        {
            collectPolygonal(GEOSGetGeometryN_r(geosContext(), g, i), out);
        }
    }
}

} // namespace

GEOSContextHandle_t geosContext()
{
    static GEOSContextHandle_t handle = []
    {
        GEOSContextHandle_t h = GEOS_init_r();
        GEOSContext_setErrorHandler_r(h, onGeosMessage);
        return h;
    }();
    return handle;
}

void GeomDeleter::operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(geosContext(), g); }

GeomPtr own(GEOSGeometry* g, const char* what)
{
    check(g != nullptr, what);
    return GeomPtr(g);
}

GeomPtr clone(const GEOSGeometry* g) { return own(GEOSGeom_clone_r(geosContext(), g), "clone"); }

GeomPtr emptyPolygon()
{
    return own(GEOSGeom_createEmptyPolygon_r(geosContext()), "createEmptyPolygon");
}

GeomPtr makePolygon(const XyRing& shell, const std::vector<XyRing>& holes)
{
    GEOSGeometry* outer = GEOSGeom_createLinearRing_r(geosContext(), sequence(shell, true));
    check(outer != nullptr, "createLinearRing");
    std::vector<GEOSGeometry*> inner;
    for (const XyRing& h : holes)
    {
        inner.push_back(GEOSGeom_createLinearRing_r(geosContext(), sequence(h, true)));
        check(inner.back() != nullptr, "createLinearRing");
    }
    return own(GEOSGeom_createPolygon_r(geosContext(), outer, inner.data(),
                                        static_cast<unsigned>(inner.size())),
               "createPolygon");
}

GeomPtr makeLine(const XyRing& points)
{
    return own(GEOSGeom_createLineString_r(geosContext(), sequence(points, false)),
               "createLineString");
}

GeomPtr makePoint(Xy p)
{
    return own(GEOSGeom_createPointFromXY_r(geosContext(), p.x, p.y), "createPoint");
}

GeomPtr makeCollection(int type, std::vector<GeomPtr> parts)
{
    std::vector<GEOSGeometry*> raw;
    for (GeomPtr& p : parts)
    {
        raw.push_back(p.release());
    }
    return own(GEOSGeom_createCollection_r(geosContext(), type, raw.data(),
                                           static_cast<unsigned>(raw.size())),
               "createCollection");
}

GeomPtr buffer(const GEOSGeometry* g, double distance, int quadSegs, bool flatEnds)
{
    return own(GEOSBufferWithStyle_r(geosContext(), g, distance, quadSegs,
                                     flatEnds ? GEOSBUF_CAP_FLAT : GEOSBUF_CAP_ROUND,
                                     GEOSBUF_JOIN_ROUND, 5.0),
               "buffer");
}

GeomPtr intersection(const GEOSGeometry* a, const GEOSGeometry* b)
{
    return own(GEOSIntersection_r(geosContext(), a, b), "intersection");
}

GeomPtr difference(const GEOSGeometry* a, const GEOSGeometry* b)
{
    return own(GEOSDifference_r(geosContext(), a, b), "difference");
}

GeomPtr unite(const GEOSGeometry* a, const GEOSGeometry* b)
{
    return own(GEOSUnion_r(geosContext(), a, b), "union");
}

GeomPtr unionAll(const std::vector<const GEOSGeometry*>& parts)
{
    if (parts.empty())
    {
        return emptyPolygon();
    }
    std::vector<GeomPtr> copies;
    for (const GEOSGeometry* p : parts)
    {
        copies.push_back(clone(p));
    }
    GeomPtr collection = makeCollection(GEOS_GEOMETRYCOLLECTION, std::move(copies));
    return own(GEOSUnaryUnion_r(geosContext(), collection.get()), "unaryUnion");
}

GeomPtr cleanPolygonal(const GEOSGeometry* g)
{
    GeomPtr valid = isValid(g) ? clone(g) : own(GEOSMakeValid_r(geosContext(), g), "makeValid");
    std::vector<GeomPtr> polys;
    collectPolygonal(valid.get(), polys);
    if (polys.empty())
    {
        return emptyPolygon();
    }
    if (polys.size() == 1)
    {
        return std::move(polys.front());
    }
    GeomPtr multi = makeCollection(GEOS_MULTIPOLYGON, std::move(polys));
    if (isValid(multi.get()))
    {
        return multi;
    }
    return own(GEOSUnaryUnion_r(geosContext(), multi.get()), "unaryUnion");
}

GeomPtr densify(const GEOSGeometry* g, double maxSegment)
{
    return own(GEOSDensify_r(geosContext(), g, maxSegment), "densify");
}

namespace
{
int transformCallback(double* x, double* y, void* userdata)
{
    const auto& fn = *static_cast<const std::function<Xy(Xy)>*>(userdata);
    const Xy out = fn(Xy{*x, *y});
    *x = out.x;
    *y = out.y;
    return 1;
}
} // namespace

GeomPtr transformXy(const GEOSGeometry* g, const std::function<Xy(Xy)>& fn)
{
    return own(GEOSGeom_transformXY_r(geosContext(), g, transformCallback,
                                      const_cast<std::function<Xy(Xy)>*>(&fn)),
               "transformXY");
}

GeomPtr pointOnSurface(const GEOSGeometry* g)
{
    return own(GEOSPointOnSurface_r(geosContext(), g), "pointOnSurface");
}

GeomPtr envelope(const GEOSGeometry* g)
{
    return own(GEOSEnvelope_r(geosContext(), g), "envelope");
}

double area(const GEOSGeometry* g)
{
    double a = 0;
    check(GEOSArea_r(geosContext(), g, &a) == 1, "area");
    return a;
}

double length(const GEOSGeometry* g)
{
    double l = 0;
    check(GEOSLength_r(geosContext(), g, &l) == 1, "length");
    return l;
}

double distance(const GEOSGeometry* a, const GEOSGeometry* b)
{
    double d = 0;
    check(GEOSDistance_r(geosContext(), a, b, &d) == 1, "distance");
    return d;
}

bool intersects(const GEOSGeometry* a, const GEOSGeometry* b)
{
    const char r = GEOSIntersects_r(geosContext(), a, b);
    check(r != 2, "intersects");
    return r == 1;
}

bool isValid(const GEOSGeometry* g)
{
    const char r = GEOSisValid_r(geosContext(), g);
    check(r != 2, "isValid");
    return r == 1;
}

bool isEmpty(const GEOSGeometry* g)
{
    const char r = GEOSisEmpty_r(geosContext(), g);
    check(r != 2, "isEmpty");
    return r == 1;
}

Xy pointXy(const GEOSGeometry* point)
{
    Xy p;
    check(GEOSGeomGetX_r(geosContext(), point, &p.x) == 1, "getX");
    check(GEOSGeomGetY_r(geosContext(), point, &p.y) == 1, "getY");
    return p;
}

std::vector<XyRing> rings(const GEOSGeometry* g)
{
    std::vector<XyRing> out;
    const int type = GEOSGeomTypeId_r(geosContext(), g);
    if (isEmpty(g))
    {
        return out;
    }
    switch (type)
    {
    case GEOS_POINT:
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
        out.push_back(readSequence(g));
        break;
    case GEOS_POLYGON:
    {
        out.push_back(readSequence(GEOSGetExteriorRing_r(geosContext(), g)));
        const int n = GEOSGetNumInteriorRings_r(geosContext(), g);
        for (int i = 0; i < n; ++i)
        {
            out.push_back(readSequence(GEOSGetInteriorRingN_r(geosContext(), g, i)));
        }
        break;
    }
    default:
    {
        const int n = GEOSGetNumGeometries_r(geosContext(), g);
        for (int i = 0; i < n; ++i)
        {
            auto sub = rings(GEOSGetGeometryN_r(geosContext(), g, i));
            out.insert(out.end(), sub.begin(), sub.end());
        }
    }
    }
    return out;
}

std::vector<std::vector<XyRing>> polygons(const GEOSGeometry* g)
{
    std::vector<std::vector<XyRing>> out;
    const int type = GEOSGeomTypeId_r(geosContext(), g);
    if (type == GEOS_POLYGON)
    {
        if (!isEmpty(g))
        {
            out.push_back(rings(g));
        }
    }
    else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION)
    {
        const int n = GEOSGetNumGeometries_r(geosContext(), g);
        for (int i = 0; i < n; ++i)
        {
            auto sub = polygons(GEOSGetGeometryN_r(geosContext(), g, i));
            out.insert(out.end(), sub.begin(), sub.end());
        }
    }
    return out;
}

std::vector<unsigned char> toWkb(const GEOSGeometry* g)
{
    GEOSWKBWriter* writer = GEOSWKBWriter_create_r(geosContext());
    GEOSWKBWriter_setOutputDimension_r(geosContext(), writer, 2);
    GEOSWKBWriter_setByteOrder_r(geosContext(), writer, GEOS_WKB_NDR);
    std::size_t size = 0;
    unsigned char* raw = GEOSWKBWriter_write_r(geosContext(), writer, g, &size);
    GEOSWKBWriter_destroy_r(geosContext(), writer);
    check(raw != nullptr, "WKB write");
    std::vector<unsigned char> out(raw, raw + size);
    GEOSFree_r(geosContext(), raw);
    return out;
}

GeomPtr fromWkb(const std::vector<unsigned char>& wkb)
{
    GEOSWKBReader* reader = GEOSWKBReader_create_r(geosContext());
    GEOSGeometry* g = GEOSWKBReader_read_r(geosContext(), reader, wkb.data(), wkb.size());
    GEOSWKBReader_destroy_r(geosContext(), reader);
    return own(g, "WKB read");
}

std::string toWkt(const GEOSGeometry* g)
{
    GEOSWKTWriter* writer = GEOSWKTWriter_create_r(geosContext());
    GEOSWKTWriter_setRoundingPrecision_r(geosContext(), writer, 3);
    char* raw = GEOSWKTWriter_write_r(geosContext(), writer, g);
    GEOSWKTWriter_destroy_r(geosContext(), writer);
    check(raw != nullptr, "WKT write");
    std::string out(raw);
    GEOSFree_r(geosContext(), raw);
    return out;
}

} // namespace redline::datagen
