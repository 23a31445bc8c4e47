#include "gdal/OgrConvert.hpp"

#include <ogr_api.h>

#include "redline/core/Error.hpp"

namespace redline::detail
{
namespace
{

Ring ringFrom(const OGRSimpleCurve& c)
{
    Ring r;
    r.reserve(static_cast<std::size_t>(c.getNumPoints()));
    for (int i = 0; i < c.getNumPoints(); ++i)
        r.push_back({c.getX(i), c.getY(i)});
    return r;
}

Part polygonPart(const OGRPolygon& p)
{
    Part part;
    if (p.IsEmpty())
        return part;
    part.push_back(ringFrom(*p.getExteriorRing()));
    for (int i = 0; i < p.getNumInteriorRings(); ++i)
        part.push_back(ringFrom(*p.getInteriorRing(i)));
    return part;
}

void fillRing(OGRSimpleCurve& c, const Ring& r)
{
    c.setNumPoints(static_cast<int>(r.size()), FALSE);
    for (std::size_t i = 0; i < r.size(); ++i)
        c.setPoint(static_cast<int>(i), r[i].x, r[i].y);
}

OGRPolygon* polygonFrom(const Part& part)
{
    auto* poly = new OGRPolygon();
    for (const auto& ring : part)
    {
        auto* lr = new OGRLinearRing();
        fillRing(*lr, ring);
        poly->addRingDirectly(lr);
    }
    return poly;
}

} // namespace

Geometry fromOgr(const OGRGeometry& input, bool* droppedZm)
{
    std::unique_ptr<OGRGeometry> linear;
    const OGRGeometry* g = &input;
    if (g->hasCurveGeometry())
    {
        linear.reset(g->getLinearGeometry());
        g = linear.get();
    }
    if (droppedZm && (g->Is3D() || g->IsMeasured()))
        *droppedZm = true;
    if (g->IsEmpty())
        throw GeometryError("empty geometry");
    const auto type = wkbFlatten(g->getGeometryType());
    std::vector<Part> parts;
    switch (type)
    {
    case wkbPoint:
    {
        const auto* p = g->toPoint();
        return Geometry(GeometryType::Point, {Part{Ring{Point{p->getX(), p->getY()}}}});
    }
    case wkbLineString:
        return Geometry(GeometryType::LineString, {Part{ringFrom(*g->toLineString())}});
    case wkbPolygon:
        return Geometry(GeometryType::Polygon, {polygonPart(*g->toPolygon())});
    case wkbMultiPoint:
        for (const auto* p : *g->toMultiPoint())
            if (!p->IsEmpty())
                parts.push_back(Part{Ring{Point{p->getX(), p->getY()}}});
        return Geometry(GeometryType::MultiPoint, std::move(parts));
    case wkbMultiLineString:
        for (const auto* l : *g->toMultiLineString())
            if (!l->IsEmpty())
                parts.push_back(Part{ringFrom(*l)});
        return Geometry(GeometryType::MultiLineString, std::move(parts));
    case wkbMultiPolygon:
        for (const auto* p : *g->toMultiPolygon())
            if (!p->IsEmpty())
                parts.push_back(polygonPart(*p));
        return Geometry(GeometryType::MultiPolygon, std::move(parts));
    default:
        throw GeometryError(std::string("unsupported geometry type ") +
                            OGRGeometryTypeToName(g->getGeometryType()) +
                            " (expected points, lines or polygons)");
    }
}

OGRGeometryUniquePtr toOgr(const Geometry& g)
{
    const auto& parts = g.parts();
    switch (g.type())
    {
    case GeometryType::Point:
    {
        if (parts.empty())
            return OGRGeometryUniquePtr(new OGRPoint());
        const Point p = parts[0][0][0];
        return OGRGeometryUniquePtr(new OGRPoint(p.x, p.y));
    }
    case GeometryType::LineString:
    {
        auto* l = new OGRLineString();
        if (!parts.empty())
            fillRing(*l, parts[0][0]);
        return OGRGeometryUniquePtr(l);
    }
    case GeometryType::Polygon:
        return OGRGeometryUniquePtr(parts.empty() ? new OGRPolygon() : polygonFrom(parts[0]));
    case GeometryType::MultiPoint:
    {
        auto* m = new OGRMultiPoint();
        for (const auto& part : parts)
            m->addGeometryDirectly(new OGRPoint(part[0][0].x, part[0][0].y));
        return OGRGeometryUniquePtr(m);
    }
    case GeometryType::MultiLineString:
    {
        auto* m = new OGRMultiLineString();
        for (const auto& part : parts)
        {
            auto* l = new OGRLineString();
            fillRing(*l, part[0]);
            m->addGeometryDirectly(l);
        }
        return OGRGeometryUniquePtr(m);
    }
    case GeometryType::MultiPolygon:
    {
        auto* m = new OGRMultiPolygon();
        for (const auto& part : parts)
            m->addGeometryDirectly(polygonFrom(part));
        return OGRGeometryUniquePtr(m);
    }
    }
    return nullptr;
}

Geometry fromWkt(const std::string& wkt)
{
    OGRGeometry* raw = nullptr;
    if (OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &raw) != OGRERR_NONE || !raw)
        throw GeometryError("cannot parse the WKT '" + wkt.substr(0, 60) + "'");
    OGRGeometryUniquePtr owned(raw);
    return fromOgr(*owned);
}

} // namespace redline::detail
