#include "Shapes.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace redline::datagen
{

GeomPtr blob(Xy centre, double radius, double roughness, Rng& rng, int vertices)
{
    return stretchedBlob(centre, radius, radius, 0.0, roughness, rng, vertices);
}

GeomPtr stretchedBlob(Xy centre, double radiusX, double radiusY, double angleRad, double roughness,
                      Rng& rng, int vertices)
{
    constexpr int kHarmonics = 6;
    double amp[kHarmonics];
    double phase[kHarmonics];
    for (int k = 0; k < kHarmonics; ++k)
    {
        // Higher harmonics get smaller amplitudes so the outline stays star-shaped.
        amp[k] = roughness * rng.uniform(0.3, 1.0) / (k + 2.0);
        phase[k] = rng.uniform(0.0, 2.0 * std::numbers::pi);
    }
    const double c = std::cos(angleRad);
    const double s = std::sin(angleRad);
    XyRing ring;
    for (int i = 0; i < vertices; ++i)
    {
        const double t = 2.0 * std::numbers::pi * i / vertices;
        double f = 1.0;
        for (int k = 0; k < kHarmonics; ++k)
        {
            f += amp[k] * std::cos((k + 2) * t + phase[k]);
        }
        const double lx = radiusX * f * std::cos(t);
        const double ly = radiusY * f * std::sin(t);
        ring.push_back({centre.x + c * lx - s * ly, centre.y + s * lx + c * ly});
    }
    return makePolygon(ring);
}

XyRing smoothLine(const XyRing& points, int iterations)
{
    XyRing cur = points;
    for (int it = 0; it < iterations && cur.size() > 2; ++it)
    {
        XyRing next{cur.front()};
        for (std::size_t i = 0; i + 1 < cur.size(); ++i)
        {
            const Xy a = cur[i];
            const Xy b = cur[i + 1];
            next.push_back({0.75 * a.x + 0.25 * b.x, 0.75 * a.y + 0.25 * b.y});
            next.push_back({0.25 * a.x + 0.75 * b.x, 0.25 * a.y + 0.75 * b.y});
        }
        next.push_back(cur.back());
        cur = std::move(next);
    }
    return cur;
}

double lineLength(const XyRing& line)
{
    double len = 0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i)
    {
        len += std::hypot(line[i + 1].x - line[i].x, line[i + 1].y - line[i].y);
    }
    return len;
}

Xy pointAt(const XyRing& line, double chainage)
{
    double acc = 0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i)
    {
        const double seg = std::hypot(line[i + 1].x - line[i].x, line[i + 1].y - line[i].y);
        if (acc + seg >= chainage && seg > 0)
        {
            const double t = std::clamp((chainage - acc) / seg, 0.0, 1.0);
            return {line[i].x + t * (line[i + 1].x - line[i].x),
                    line[i].y + t * (line[i + 1].y - line[i].y)};
        }
        acc += seg;
    }
    return line.back();
}

Xy directionAt(const XyRing& line, double chainage)
{
    const Xy a = pointAt(line, std::max(0.0, chainage - 50.0));
    const Xy b = pointAt(line, chainage + 50.0);
    const double len = std::hypot(b.x - a.x, b.y - a.y);
    return len > 0 ? Xy{(b.x - a.x) / len, (b.y - a.y) / len} : Xy{1, 0};
}

XyRing lineSubstring(const XyRing& line, double from, double to)
{
    const double total = lineLength(line);
    from = std::clamp(from, 0.0, total);
    to = std::clamp(to, 0.0, total);
    XyRing out{pointAt(line, from)};
    double acc = 0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i)
    {
        acc += std::hypot(line[i + 1].x - line[i].x, line[i + 1].y - line[i].y);
        if (acc > from && acc < to)
        {
            out.push_back(line[i + 1]);
        }
    }
    out.push_back(pointAt(line, to));
    return out;
}

double chainageOf(const XyRing& line, Xy p)
{
    double best = 1e300;
    double bestChainage = 0;
    double acc = 0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i)
    {
        const Xy a = line[i];
        const Xy b = line[i + 1];
        const double dx = b.x - a.x;
        const double dy = b.y - a.y;
        const double seg2 = dx * dx + dy * dy;
        const double t =
            seg2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / seg2, 0.0, 1.0) : 0.0;
        const double d = std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
        if (d < best)
        {
            best = d;
            bestChainage = acc + t * std::sqrt(seg2);
        }
        acc += std::sqrt(seg2);
    }
    return bestChainage;
}

GeomPtr rectangle(Xy centre, double areaM2, double aspect, double angleRad)
{
    const double w = std::sqrt(areaM2 * aspect);
    const double h = areaM2 / w;
    const double c = std::cos(angleRad);
    const double s = std::sin(angleRad);
    XyRing ring;
    const double corners[4][2] = {
        {-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}};
    for (const auto& k : corners)
    {
        ring.push_back({centre.x + c * k[0] - s * k[1], centre.y + s * k[0] + c * k[1]});
    }
    return makePolygon(ring);
}

Warp::Warp(double amplitude, Rng& rng)
{
    // Each wave's gradient is at most 0.15 (long waves) or 0.06 (short wiggles), so the sum stays
    // below 1 and the warp never folds the plane.
    auto addWave = [&](double wavelength, double maxGradient)
    {
        const double dir = rng.uniform(0.0, 2.0 * std::numbers::pi);
        const double k = 2.0 * std::numbers::pi / wavelength;
        const double a = std::min(amplitude, maxGradient / k) * rng.uniform(0.5, 1.0);
        const double split = rng.uniform(0.0, 2.0 * std::numbers::pi);
        m_waves.push_back({k * std::cos(dir), k * std::sin(dir),
                           rng.uniform(0.0, 2.0 * std::numbers::pi), a * std::cos(split),
                           a * std::sin(split)});
    };
    for (int i = 0; i < 5; ++i)
    {
        addWave(rng.uniform(3000.0, 12000.0), 0.15);
    }
    for (int i = 0; i < 4; ++i)
    {
        addWave(rng.uniform(600.0, 1500.0), 0.06);
    }
}

Xy Warp::operator()(Xy p) const
{
    Xy out = p;
    for (const Wave& w : m_waves)
    {
        const double s = std::sin(w.kx * p.x + w.ky * p.y + w.phase);
        out.x += w.ax * s;
        out.y += w.ay * s;
    }
    return out;
}

GeomPtr Warp::apply(const GEOSGeometry* g, double step) const
{
    GeomPtr dense = densify(g, step);
    return transformXy(dense.get(), [this](Xy p) { return (*this)(p); });
}

} // namespace redline::datagen
