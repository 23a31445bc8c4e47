#include "features/GeoJson.hpp"

#include <charconv>
#include <stdexcept>
#include <memory>

#include <nlohmann/json.hpp>

#include "redline/data/AttributesJson.hpp"
#include "redline/geo/CrsTransform.hpp"

namespace redline::service
{

namespace
{

void appendNumber(std::string& out, double v, int decimals)
{
    char buf[352]; // room for DBL_MAX in fixed notation
    // std::to_chars is specified to write what printf's "%.*f" writes, only faster.
    const auto written = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    if (written.ec != std::errc())
        throw std::length_error("a coordinate too long to write as GeoJSON");
    auto n = static_cast<int>(written.ptr - buf);
    // Trim trailing zeros (and a bare '.') so that 120.5 is not 120.50000000.
    while (n > 1 && buf[n - 1] == '0')
        --n;
    if (n > 1 && buf[n - 1] == '.')
        --n;
    out.append(buf, static_cast<std::size_t>(n));
}

void appendPoint(std::string& out, const Point& p, int decimals)
{
    out.push_back('[');
    appendNumber(out, p.x, decimals);
    out.push_back(',');
    appendNumber(out, p.y, decimals);
    out.push_back(']');
}

void appendRing(std::string& out, const Ring& r, int decimals)
{
    out.push_back('[');
    for (std::size_t i = 0; i < r.size(); ++i)
    {
        if (i)
            out.push_back(',');
        appendPoint(out, r[i], decimals);
    }
    out.push_back(']');
}

void appendPolygon(std::string& out, const Part& part, int decimals)
{
    out.push_back('[');
    for (std::size_t i = 0; i < part.size(); ++i)
    {
        if (i)
            out.push_back(',');
        appendRing(out, part[i], decimals);
    }
    out.push_back(']');
}

} // namespace

std::string geometryToGeoJson(const Geometry& g, int decimals)
{
    if (g.isEmpty())
        return "null";
    std::string out = "{\"type\":\"";
    out += toString(g.type());
    out += "\",\"coordinates\":";
    const auto& parts = g.parts();
    switch (g.type())
    {
    case GeometryType::Point:
        appendPoint(out, parts[0][0][0], decimals);
        break;
    case GeometryType::LineString:
        appendRing(out, parts[0][0], decimals);
        break;
    case GeometryType::Polygon:
        appendPolygon(out, parts[0], decimals);
        break;
    case GeometryType::MultiPoint:
    case GeometryType::MultiLineString:
    case GeometryType::MultiPolygon:
        out.push_back('[');
        for (std::size_t i = 0; i < parts.size(); ++i)
        {
            if (i)
                out.push_back(',');
            if (g.type() == GeometryType::MultiPoint)
                appendPoint(out, parts[i][0][0], decimals);
            else if (g.type() == GeometryType::MultiLineString)
                appendRing(out, parts[i][0], decimals);
            else
                appendPolygon(out, parts[i], decimals);
        }
        out.push_back(']');
        break;
    }
    out.push_back('}');
    return out;
}

std::string attributesToGeoJson(const Attributes& a)
{
    return attributesToJson<nlohmann::ordered_json>(a).dump(
        -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Geometry toCrs84(const Geometry& g, const std::string& fromWkt)
{
    thread_local std::string cachedWkt;
    thread_local std::unique_ptr<CrsTransform> transform;
    if (!transform || cachedWkt != fromWkt)
    {
        transform = std::make_unique<CrsTransform>(Crs::fromWkt(fromWkt), Crs::fromEpsg(4326));
        cachedWkt = fromWkt;
    }
    return transform->apply(g);
}

} // namespace redline::service
