#include "redline/io/SiteExtentCheck.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"
#include "redline/geo/CrsTransform.hpp"
#include "redline/geo/Gcj02.hpp"

namespace redline
{

namespace
{

Geometry mapVertices(const Geometry& g, const std::function<Point(Point)>& f)
{
    std::vector<Part> parts = g.parts();
    for (auto& part : parts)
        for (auto& ring : part)
            for (auto& p : ring)
                p = f(p);
    return Geometry(g.type(), std::move(parts));
}

Point swapped(Point p)
{
    return {p.y, p.x};
}

// One way the source could have been misread: how to re-read its coordinates, and in which CRS.
struct Reading
{
    std::string cause;
    Crs crs;
    std::function<Point(Point)> fix; // applied to the source coordinates first
};

std::string formatKm(double metres)
{
    return formatFixed(metres / 1000.0, 1);
}

// Readings of projected Gauss–Krüger coordinates with easting `e` (as the engine read it).
void addGaussKrugerReadings(std::vector<Reading>& out, double e, bool swap, const std::string& axes)
{
    const auto fix = swap ? std::function<Point(Point)>(swapped) : [](Point p) { return p; };
    if (e >= 1.0e7)
    {
        const int zone = static_cast<int>(std::floor(e / 1.0e6));
        if (zone >= 25 && zone <= 45)
            out.push_back({axes + "easting carries the 3-degree zone prefix " +
                               std::to_string(zone) +
                               ": use --site-crs EPSG:" + std::to_string(4488 + zone),
                           Crs::fromEpsg(4488 + zone), fix});
        if (zone >= 13 && zone <= 23)
            out.push_back({axes + "easting carries the 6-degree zone prefix " +
                               std::to_string(zone) +
                               ": use --site-crs EPSG:" + std::to_string(4478 + zone),
                           Crs::fromEpsg(4478 + zone), fix});
    }
    else if (e > 0 && e < 1.0e6)
    {
        // No zone prefix: the 3-degree "CM" variants EPSG:4534 (75°E) … 4554 (135°E).
        for (int code = 4534; code <= 4554; ++code)
            out.push_back({axes + "easting has no zone prefix and belongs to central meridian " +
                               std::to_string(75 + 3 * (code - 4534)) +
                               "°E: use --site-crs EPSG:" + std::to_string(code),
                           Crs::fromEpsg(code), fix});
    }
}

std::vector<Reading> candidateReadings(const Geometry& source, const Crs& sourceCrs)
{
    std::vector<Reading> out;
    const Envelope& env = source.envelope();
    const bool looksLonLat = std::abs(env.minX) <= 180 && std::abs(env.maxX) <= 180 &&
                             std::abs(env.minY) <= 180 && std::abs(env.maxY) <= 180;
    const auto same = [](Point p) { return p; };
    if (looksLonLat)
    {
        const Crs lonLat = sourceCrs.isGeographic() ? sourceCrs : Crs::fromEpsg(4490);
        if (!sourceCrs.isGeographic())
            out.push_back({"the coordinates are longitude/latitude degrees but were declared in " +
                               sourceCrs.label() + ": use --site-crs EPSG:4490",
                           lonLat, same});
        out.push_back({"longitude and latitude are swapped", lonLat, swapped});
        out.push_back(
            {"the coordinates are GCJ-02 web-map longitude/latitude: use --site-crs gcj02", lonLat,
             [](Point p) { return gcj02ToWgs84(p); }});
        out.push_back({"the coordinates are BD-09 (Baidu) longitude/latitude: use --site-crs bd09",
                       lonLat, [](Point p) { return bd09ToWgs84(p); }});
        return out;
    }
    out.push_back({"X (northing) and Y (easting) are swapped", sourceCrs, swapped});
    addGaussKrugerReadings(out, env.minX, false, "");
    addGaussKrugerReadings(out, env.minY, true, "X and Y are swapped and the ");
    return out;
}

} // namespace

double envelopeGap(const Envelope& a, const Envelope& b)
{
    if (a.isEmpty() || b.isEmpty())
        return 0;
    const double dx = std::max({0.0, b.minX - a.maxX, a.minX - b.maxX});
    const double dy = std::max({0.0, b.minY - a.maxY, a.minY - b.maxY});
    return std::hypot(dx, dy);
}

std::optional<std::string> farAwayWarning(const std::string& siteName, const Geometry& source,
                                          const Crs& sourceCrs, const Geometry& placed,
                                          const Crs& analysisCrs, const Envelope& zoningExtent)
{
    if (analysisCrs.isGeographic() || placed.isEmpty())
        return std::nullopt;
    const double gap = envelopeGap(placed.envelope(), zoningExtent);
    if (gap <= kFarAwayMetres)
        return std::nullopt;
    const std::string msg = "site " + siteName + " lies " + formatKm(gap) +
                            " km outside the zoning extent (in " + sourceCrs.label() + ")";
    if (auto cause = likelyMisreading(source, sourceCrs, analysisCrs, zoningExtent))
        return msg + "; likely cause: " + *cause + " (read that way it lands inside)";
    return msg + "; check the datum, axis order, zone prefix and GCJ-02 offset (none of swapped "
                 "axes, zone prefix, central meridian or web datum brings it inside)";
}

std::optional<std::string> likelyMisreading(const Geometry& source, const Crs& sourceCrs,
                                            const Crs& analysisCrs, const Envelope& zoningExtent)
{
    if (analysisCrs.isGeographic() || source.isEmpty() || zoningExtent.isEmpty())
        return std::nullopt;
    for (const Reading& r : candidateReadings(source, sourceCrs))
    {
        try
        {
            const Geometry fixed = mapVertices(source, r.fix);
            const CrsTransform toAnalysis(r.crs, analysisCrs);
            const Geometry moved = toAnalysis.apply(fixed);
            if (envelopeGap(moved.envelope(), zoningExtent) <= kFarAwayMetres)
                return r.cause;
        }
        catch (const Error&)
        {
            // This reading is not even transformable: not the cause.
        }
    }
    return std::nullopt;
}

} // namespace redline
