#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "redline/geo/CrsTransform.hpp"
#include "redline/geo/EllipsoidalArea.hpp"

using namespace redline;

namespace
{

// Closed-form area of a latitude/longitude quadrangle on an ellipsoid (authalic latitude):
// A = a² Δλ / 2 · (q(φ2) − q(φ1)),  q(φ) = (1−e²)[sinφ/(1−e²sin²φ) − 1/(2e)·ln((1−e sinφ)/(1+e sinφ))]
double quadrangleArea(double lon1, double lat1, double lon2, double lat2)
{
    const double a = 6378137.0, f = 1 / 298.257222101; // GRS80 (CGCS2000)
    const double e2 = f * (2 - f), e = std::sqrt(e2);
    auto q = [&](double latDeg)
    {
        const double s = std::sin(latDeg * std::numbers::pi / 180);
        return (1 - e2) * (s / (1 - e2 * s * s) - std::log((1 - e * s) / (1 + e * s)) / (2 * e));
    };
    const double dLon = (lon2 - lon1) * std::numbers::pi / 180;
    return a * a * dLon / 2 * (q(lat2) - q(lat1));
}

// Densified along parallels so geodesic edges follow them (difference far below the tolerance).
Ring quadrangle(double lon1, double lat1, double lon2, double lat2)
{
    Ring r;
    const int n = 200;
    for (int i = 0; i <= n; ++i)
        r.push_back({lon1 + (lon2 - lon1) * i / n, lat1});
    for (int i = 0; i <= n; ++i)
        r.push_back({lon2 - (lon2 - lon1) * i / n, lat2});
    r.push_back(r.front());
    return r;
}

} // namespace

TEST(EllipsoidalMeasure, QuadrangleMatchesClosedForm)
{
    const double expected = quadrangleArea(120.5, 28.1, 120.6, 28.2);
    const CrsTransform toGk(Crs::fromEpsg(4490), Crs::fromEpsg(4549));
    const Geometry gk = toGk.apply(Geometry::polygon(quadrangle(120.5, 28.1, 120.6, 28.2)));
    const EllipsoidalMeasure m(Crs::fromEpsg(4549));
    EXPECT_NEAR(m.area(gk), expected, expected * 1e-6);
    // Planar Gauss-Krüger area differs from the ellipsoidal one by the scale distortion at
    // 0.55° from the central meridian: (1 + x²/2R²)² − 1 ≈ 1e-4, far more than the tolerance above.
    EXPECT_GT(std::fabs(gk.planarArea() - expected), expected * 2e-5);
}

TEST(EllipsoidalMeasure, HolesAreSubtracted)
{
    const CrsTransform toGk(Crs::fromEpsg(4490), Crs::fromEpsg(4549));
    const Geometry g = toGk.apply(Geometry::polygon(quadrangle(120.5, 28.1, 120.6, 28.2),
                                                    {quadrangle(120.52, 28.12, 120.54, 28.14)}));
    const double expected =
        quadrangleArea(120.5, 28.1, 120.6, 28.2) - quadrangleArea(120.52, 28.12, 120.54, 28.14);
    const EllipsoidalMeasure m(Crs::fromEpsg(4549));
    EXPECT_NEAR(m.area(g), expected, expected * 1e-6);
}

TEST(EllipsoidalMeasure, SmallPolygonsMatchTheClosedFormToo)
{
    // About 1 km × 1.1 km, far from the central meridian (easting ≈ 582 km): the small-polygon
    // path (Transverse Mercator areal scale at the centroid) must agree with the closed form.
    const double expected = quadrangleArea(120.85, 28.30, 120.86, 28.31);
    const CrsTransform toGk(Crs::fromEpsg(4490), Crs::fromEpsg(4549));
    const Geometry gk = toGk.apply(Geometry::polygon(quadrangle(120.85, 28.30, 120.86, 28.31)));
    ASSERT_LT(gk.envelope().width(), 2000.0);
    const EllipsoidalMeasure m(Crs::fromEpsg(4549));
    EXPECT_NEAR(m.area(gk), expected, expected * 1e-7);
    // and the planar area really is distorted there (k² − 1 ≈ 8e-5), so the test can fail.
    EXPECT_GT(std::fabs(gk.planarArea() - expected), expected * 5e-5);
}

TEST(EllipsoidalMeasure, ArealScaleOfTransverseMercatorCrssOnly)
{
    // The small-polygon path needs the projection's parameters: Gauss-Krüger (EPSG:4549) and UTM
    // (EPSG:32651, k0 = 0.9996 and the 500 km false easting implied by the zone) have them; Web
    // Mercator (EPSG:3857) is not Transverse Mercator and must fall back to the geodesic sum.
    const double expected = quadrangleArea(120.85, 28.30, 120.86, 28.31);
    const Geometry ll = Geometry::polygon(quadrangle(120.85, 28.30, 120.86, 28.31));
    for (int code : {4549, 32651})
    {
        const Crs crs = Crs::fromEpsg(code);
        const Geometry g = CrsTransform(Crs::fromEpsg(4490), crs).apply(ll);
        const EllipsoidalMeasure m(crs);
        const Envelope& e = g.envelope();
        const Point centre{(e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2};
        const auto scaled = m.areaFromPlanar(g.planarArea(), centre, e);
        ASSERT_TRUE(scaled.has_value()) << "EPSG:" << code;
        EXPECT_NEAR(*scaled, expected, expected * 1e-6) << "EPSG:" << code;
    }
    const Crs webMercator = Crs::fromEpsg(3857);
    const Geometry g = CrsTransform(Crs::fromEpsg(4490), webMercator).apply(ll);
    const EllipsoidalMeasure m(webMercator);
    EXPECT_FALSE(m.areaFromPlanar(g.planarArea(), {0, 0}, g.envelope()).has_value());
    EXPECT_NEAR(m.area(g), expected, expected * 1e-6);
}

TEST(EllipsoidalArea, SelfCrossingRingDoesNotThrowItsCentroidAway)
{
    // The bow tie of issue 9 as a 界址点 list delivers it (zone-40 prefixed EPSG:4528), moved to
    // EPSG:4549 as site loading does: its two triangles' signed areas cancel up to a rounding
    // residue, and the area centroid divided by that residue used to land at x ≈ -7e12, which
    // PROJ cannot invert ("cannot be transformed"). The planar shoelace sum is 0, so the
    // ellipsoidal area must be ~0 too, and above all finite.
    const CrsTransform toAnalysis(Crs::fromEpsg(4528), Crs::fromEpsg(4549));
    const Geometry bowTie = toAnalysis.apply(Geometry::polygon({{40564100.0, 3115200.0},
                                                                {40564200.0, 3115300.0},
                                                                {40564200.0, 3115200.0},
                                                                {40564100.0, 3115300.0},
                                                                {40564100.0, 3115200.0}}));
    const EllipsoidalMeasure measure(Crs::fromEpsg(4549));
    double area = -1;
    ASSERT_NO_THROW(area = measure.area(bowTie));
    EXPECT_TRUE(std::isfinite(area));
    EXPECT_LT(std::abs(area), 1.0);
}
