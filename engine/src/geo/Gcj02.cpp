#include "redline/geo/Gcj02.hpp"

#include <cmath>
#include <numbers>

namespace redline
{
namespace
{

// Krasovsky 1940 ellipsoid, as used by the published GCJ-02 obfuscation formula.
constexpr double kA = 6378245.0;
constexpr double kEe = 0.00669342162296594323;
constexpr double kPi = std::numbers::pi;
constexpr double kXPi = kPi * 3000.0 / 180.0;

double transformLat(double x, double y)
{
    double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::fabs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
    r += (160.0 * std::sin(y / 12.0 * kPi) + 320 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
    return r;
}

double transformLon(double x, double y)
{
    double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::fabs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
    r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
    return r;
}

// The GCJ-02 shift (degrees) at a WGS84 position.
Point gcjDelta(double lon, double lat)
{
    double dLat = transformLat(lon - 105.0, lat - 35.0);
    double dLon = transformLon(lon - 105.0, lat - 35.0);
    const double radLat = lat / 180.0 * kPi;
    double magic = std::sin(radLat);
    magic = 1 - kEe * magic * magic;
    const double sqrtMagic = std::sqrt(magic);
    dLat = (dLat * 180.0) / ((kA * (1 - kEe)) / (magic * sqrtMagic) * kPi);
    dLon = (dLon * 180.0) / (kA / sqrtMagic * std::cos(radLat) * kPi);
    return {dLon, dLat};
}

} // namespace

bool isInsideChinaForGcj(double lon, double lat)
{
    // The rectangle every published implementation uses to switch the offset off.
    return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

Point wgs84ToGcj02(Point p)
{
    if (!isInsideChinaForGcj(p.x, p.y))
        return p;
    const Point d = gcjDelta(p.x, p.y);
    return {p.x + d.x, p.y + d.y};
}

Point gcj02ToWgs84(Point p)
{
    if (!isInsideChinaForGcj(p.x, p.y))
        return p;
    // Fixed-point iteration on the forward formula: the shift varies slowly (well under 1e-5
    // per degree of position change), so a few steps converge far below a millimetre.
    Point w{p.x, p.y};
    for (int i = 0; i < 30; ++i)
    {
        const Point g = wgs84ToGcj02(w);
        const double ex = g.x - p.x;
        const double ey = g.y - p.y;
        w.x -= ex;
        w.y -= ey;
        if (std::fabs(ex) < 1e-11 && std::fabs(ey) < 1e-11)
            break;
    }
    return w;
}

Point gcj02ToBd09(Point p)
{
    const double z = std::sqrt(p.x * p.x + p.y * p.y) + 0.00002 * std::sin(p.y * kXPi);
    const double theta = std::atan2(p.y, p.x) + 0.000003 * std::cos(p.x * kXPi);
    return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

Point bd09ToGcj02(Point p)
{
    const double x = p.x - 0.0065;
    const double y = p.y - 0.006;
    const double z = std::sqrt(x * x + y * y) - 0.00002 * std::sin(y * kXPi);
    const double theta = std::atan2(y, x) - 0.000003 * std::cos(x * kXPi);
    Point g{z * std::cos(theta), z * std::sin(theta)};
    // Refine: the closed-form inverse is approximate (~1e-6°); iterate on the forward formula.
    for (int i = 0; i < 10; ++i)
    {
        const Point b = gcj02ToBd09(g);
        g.x -= b.x - p.x;
        g.y -= b.y - p.y;
    }
    return g;
}

Point wgs84ToBd09(Point p) { return gcj02ToBd09(wgs84ToGcj02(p)); }
Point bd09ToWgs84(Point p) { return gcj02ToWgs84(bd09ToGcj02(p)); }

Geometry webDatumToWgs84(const Geometry& g, WebDatum datum)
{
    std::vector<Part> parts = g.parts();
    for (auto& part : parts)
        for (auto& ring : part)
            for (auto& pt : ring)
                pt = datum == WebDatum::Gcj02 ? gcj02ToWgs84(pt) : bd09ToWgs84(pt);
    return Geometry(g.type(), std::move(parts));
}

} // namespace redline
