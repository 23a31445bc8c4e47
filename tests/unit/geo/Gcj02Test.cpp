// GCJ-02 / BD-09 conversions against published reference values and a round-trip bound on a
// grid over China. Distances are geodesics on WGS84 from PROJ's own geodesic library (Karney),
// a second implementation independent of the code under test.

#include <gtest/gtest.h>

#include <geodesic.h>

#include <algorithm>

#include "redline/geo/Gcj02.hpp"

using redline::Point;

namespace
{

double metresBetween(Point a, Point b)
{
    geod_geodesic g{};
    geod_init(&g, 6378137.0, 1 / 298.257223563);
    double s12 = 0;
    geod_inverse(&g, a.y, a.x, b.y, b.x, &s12, nullptr, nullptr);
    return s12;
}

// Reference points of googollee/eviltransform (c/test.c and go/transform_test.go @1643645a):
// {wgsLat, wgsLng, gcjLat, gcjLng}; their test compares WGS→GCJ at 6 decimals and asks the
// exact inverse to land within 0.5 m.
struct Reference
{
    const char* city;
    double wgsLat, wgsLng, gcjLat, gcjLng;
};
constexpr Reference kEvilTransform[] = {
    {"shanghai", 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215},
    {"shenzhen", 22.543847, 113.912316, 22.540796131694766, 113.9171764808363},
    {"beijing", 39.911954, 116.377817, 39.91334545536069, 116.38404722455657},
};

} // namespace

TEST(Gcj02, ForwardMatchesEvilTransformReferencePoints)
{
    for (const auto& r : kEvilTransform)
    {
        const Point gcj = redline::wgs84ToGcj02({r.wgsLng, r.wgsLat});
        EXPECT_NEAR(gcj.x, r.gcjLng, 1e-6) << r.city;
        EXPECT_NEAR(gcj.y, r.gcjLat, 1e-6) << r.city;
    }
}

TEST(Gcj02, InverseLandsWithinHalfAMetreOfEvilTransformReferencePoints)
{
    for (const auto& r : kEvilTransform)
    {
        const Point wgs = redline::gcj02ToWgs84({r.gcjLng, r.gcjLat});
        EXPECT_LT(metresBetween(wgs, {r.wgsLng, r.wgsLat}), 0.5) << r.city;
    }
}

// hujiulong/gcoord test/unit/crs/{WGS84,GCJ02,BD09}.spec.ts @8c00653a (toBeCloseTo(v, 5),
// i.e. |error| < 5e-6 degrees), all for the point lon 123, lat 45.
TEST(Gcj02, MatchesGcoordReferenceValues)
{
    const double tol = 5e-6;
    const Point p{123, 45};
    Point r = redline::wgs84ToGcj02(p);
    EXPECT_NEAR(r.x, 123.00607541, tol);
    EXPECT_NEAR(r.y, 45.00197815, tol);
    r = redline::gcj02ToWgs84(p);
    EXPECT_NEAR(r.x, 122.99395597, tol);
    EXPECT_NEAR(r.y, 44.99804071, tol);
    r = redline::gcj02ToBd09(p);
    EXPECT_NEAR(r.x, 123.00636499, tol);
    EXPECT_NEAR(r.y, 45.00636899, tol);
    r = redline::bd09ToGcj02(p);
    EXPECT_NEAR(r.x, 122.99363304, tol);
    EXPECT_NEAR(r.y, 44.99365430, tol);
    r = redline::wgs84ToBd09(p);
    EXPECT_NEAR(r.x, 123.0124491, tol);
    EXPECT_NEAR(r.y, 45.0083293, tol);
    r = redline::bd09ToWgs84(p);
    EXPECT_NEAR(r.x, 122.98762210, tol);
    EXPECT_NEAR(r.y, 44.99171540, tol);
}

TEST(Gcj02, NoShiftOutsideChina)
{
    // gcoord's "not in China" case, plus a point in Europe.
    for (Point p : {Point{183, 45}, Point{2.35, 48.85}})
    {
        EXPECT_EQ(redline::wgs84ToGcj02(p), p);
        EXPECT_EQ(redline::gcj02ToWgs84(p), p);
    }
}

TEST(Gcj02, RoundTripWithinHalfAMetreOnAGridOverChina)
{
    double worstGcj = 0;
    double worstBd = 0;
    int points = 0;
    for (double lat = 18.0; lat <= 53.5; lat += 0.5)
        for (double lon = 73.5; lon <= 135.0; lon += 0.5)
        {
            const Point w{lon, lat};
            const Point viaGcj = redline::gcj02ToWgs84(redline::wgs84ToGcj02(w));
            const Point viaBd = redline::bd09ToWgs84(redline::wgs84ToBd09(w));
            worstGcj = std::max(worstGcj, metresBetween(viaGcj, w));
            worstBd = std::max(worstBd, metresBetween(viaBd, w));
            ++points;
        }
    EXPECT_GT(points, 8000);
    EXPECT_LT(worstGcj, 0.5);
    EXPECT_LT(worstBd, 0.5);
}

TEST(Gcj02, ShiftInYongjiaIsHundredsOfMetres)
{
    // The premise: GCJ-02 puts a Yongjia site "hundreds of metres off".
    const Point w{120.69, 28.15};
    const double shift = metresBetween(redline::wgs84ToGcj02(w), w);
    EXPECT_GT(shift, 100.0);
    EXPECT_LT(shift, 1000.0);
}

TEST(Gcj02, WebDatumToWgs84ConvertsEveryVertex)
{
    const redline::Ring ring{{120.70, 28.15}, {120.71, 28.15}, {120.71, 28.16}, {120.70, 28.15}};
    const auto g = redline::Geometry::polygon(ring);
    const auto w = redline::webDatumToWgs84(g, redline::WebDatum::Gcj02);
    const auto b = redline::webDatumToWgs84(g, redline::WebDatum::Bd09);
    ASSERT_EQ(w.parts()[0][0].size(), ring.size());
    for (std::size_t i = 0; i < ring.size(); ++i)
    {
        EXPECT_EQ(w.parts()[0][0][i], redline::gcj02ToWgs84(ring[i]));
        EXPECT_EQ(b.parts()[0][0][i], redline::bd09ToWgs84(ring[i]));
    }
    EXPECT_EQ(w.type(), g.type());
}
