#pragma once
// Shape primitives for synthetic zoning: organic blobs, smoothed river lines, chainage cuts,
// and a smooth deterministic warp that turns straight edges into natural-looking boundaries.

#include <vector>

#include "Geos.hpp"
#include "Rng.hpp"

namespace redline::datagen
{

// Closed organic outline around centre: radius r(θ) = radius·(1 + Σ a_k cos(kθ + φ_k)), k = 2..7,
// amplitudes drawn from rng (about ±roughness in total). 'vertices' points.
GeomPtr blob(Xy centre, double radius, double roughness, Rng& rng, int vertices = 720);

// Ellipse-like blob stretched along an axis.
GeomPtr stretchedBlob(Xy centre, double radiusX, double radiusY, double angleRad, double roughness,
                      Rng& rng, int vertices = 720);

// Chaikin corner cutting, 'iterations' rounds; end points are kept.
XyRing smoothLine(const XyRing& points, int iterations);
double lineLength(const XyRing& line);
// Part of a polyline between chainages [from, to] (metres from the first vertex, clamped).
XyRing lineSubstring(const XyRing& line, double from, double to);
Xy pointAt(const XyRing& line, double chainage);
// Unit direction of the line at a chainage.
Xy directionAt(const XyRing& line, double chainage);
// Chainage of the point on the line nearest to p.
double chainageOf(const XyRing& line, Xy p);

// Axis-aligned-then-rotated rectangle of exact planar area (m²) and aspect ratio (long/short).
GeomPtr rectangle(Xy centre, double areaM2, double aspect, double angleRad);

// A smooth displacement field: sum of a few sine waves with wavelengths of 2–9 km and
// amplitude 'amplitude' in total; its gradient stays well below 1, so it is a homeomorphism
// of the plane and keeps partitions partitions.
class Warp
{
public:
    Warp(double amplitude, Rng& rng);
    [[nodiscard]] Xy operator()(Xy p) const;
    // Densifies to 'step' metres then displaces every vertex.
    [[nodiscard]] GeomPtr apply(const GEOSGeometry* g, double step) const;

private:
    struct Wave
    {
        double kx, ky, phase, ax, ay;
    };
    std::vector<Wave> m_waves;
};

} // namespace redline::datagen
