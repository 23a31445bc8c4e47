#include "redline/geo/Geometry.hpp"

#include <cmath>

namespace redline
{

const char* toString(GeometryType t)
{
    switch (t)
    {
    case GeometryType::Point: return "Point";
    case GeometryType::LineString: return "LineString";
    case GeometryType::Polygon: return "Polygon";
    case GeometryType::MultiPoint: return "MultiPoint";
    case GeometryType::MultiLineString: return "MultiLineString";
    case GeometryType::MultiPolygon: return "MultiPolygon";
    }
    return "Unknown";
}

Dimension dimensionOf(GeometryType t)
{
    switch (t)
    {
    case GeometryType::Point:
    case GeometryType::MultiPoint: return Dimension::Point;
    case GeometryType::LineString:
    case GeometryType::MultiLineString: return Dimension::Line;
    default: return Dimension::Area;
    }
}

Geometry::Geometry(GeometryType type, std::vector<Part> parts)
    : m_type(type), m_parts(std::move(parts))
{
    for (const auto& part : m_parts)
        for (const auto& ring : part)
            for (const auto& p : ring)
                m_envelope.expandToInclude(p.x, p.y);
}

std::size_t Geometry::vertexCount() const
{
    std::size_t n = 0;
    for (const auto& part : m_parts)
        for (const auto& ring : part)
            n += ring.size();
    return n;
}

namespace
{
double ringSignedArea(const Ring& r)
{
    double s = 0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i)
        s += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
    return s / 2;
}
double ringLength(const Ring& r)
{
    double s = 0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i)
        s += std::hypot(r[i + 1].x - r[i].x, r[i + 1].y - r[i].y);
    return s;
}
} // namespace

double Geometry::planarArea() const
{
    if (dimension() != Dimension::Area)
        return 0;
    double a = 0;
    for (const auto& part : m_parts)
        for (std::size_t i = 0; i < part.size(); ++i)
            a += (i == 0 ? 1 : -1) * std::fabs(ringSignedArea(part[i]));
    return a;
}

double Geometry::planarLength() const
{
    double l = 0;
    for (const auto& part : m_parts)
        for (const auto& ring : part)
            l += ringLength(ring);
    return l;
}

Geometry Geometry::point(double x, double y)
{
    return Geometry(GeometryType::Point, {Part{Ring{Point{x, y}}}});
}

Geometry Geometry::polygon(Ring shell, std::vector<Ring> holes)
{
    Part part;
    part.push_back(std::move(shell));
    for (auto& h : holes)
        part.push_back(std::move(h));
    return Geometry(GeometryType::Polygon, {std::move(part)});
}

Geometry Geometry::lineString(Ring line)
{
    return Geometry(GeometryType::LineString, {Part{std::move(line)}});
}

} // namespace redline
