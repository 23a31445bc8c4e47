#pragma once
// Immutable engine geometry: plain coordinate arrays plus an envelope, no GEOS or GDAL inside, so
// it can be shared between threads and drawn by the viewer. The CRS is held by the owning Layer.
//
// Layout: parts -> rings -> points.
//   Point / MultiPoint:           each part is one ring holding exactly one point.
//   LineString / MultiLineString: each part is one ring holding the line's vertices.
//   Polygon / MultiPolygon:       each part is a polygon; ring 0 is the shell, others are holes;
//                                 rings are closed (first point == last point).

#include <string>
#include <vector>

#include "redline/geo/Envelope.hpp"

namespace redline
{

struct Point
{
    double x = 0;
    double y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

using Ring = std::vector<Point>;
using Part = std::vector<Ring>;

enum class GeometryType
{
    Point,
    LineString,
    Polygon,
    MultiPoint,
    MultiLineString,
    MultiPolygon
};

// "Point", "LineString", ... as in OGC simple features.
[[nodiscard]] const char* toString(GeometryType t);

// Point, line or polygon family of a type (Multi* folded onto its base).
enum class Dimension
{
    Point = 0,
    Line = 1,
    Area = 2
};
[[nodiscard]] Dimension dimensionOf(GeometryType t);

class Geometry
{
public:
    Geometry() = default;
    Geometry(GeometryType type, std::vector<Part> parts);

    [[nodiscard]] GeometryType type() const { return m_type; }
    [[nodiscard]] Dimension dimension() const { return dimensionOf(m_type); }
    [[nodiscard]] const std::vector<Part>& parts() const { return m_parts; }
    [[nodiscard]] const Envelope& envelope() const { return m_envelope; }
    [[nodiscard]] bool isEmpty() const { return m_parts.empty(); }
    [[nodiscard]] std::size_t vertexCount() const;

    // Shoelace area of polygons (shells minus holes) in CRS units squared; 0 for other types.
    [[nodiscard]] double planarArea() const;
    // Summed segment length of lines (and of polygon rings) in CRS units.
    [[nodiscard]] double planarLength() const;

    static Geometry point(double x, double y);
    static Geometry polygon(Ring shell, std::vector<Ring> holes = {});
    static Geometry lineString(Ring line);

private:
    GeometryType m_type = GeometryType::Point;
    std::vector<Part> m_parts;
    Envelope m_envelope;
};

} // namespace redline
