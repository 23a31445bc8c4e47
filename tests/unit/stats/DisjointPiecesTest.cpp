// The union of a layer as pieces with disjoint interiors, and the planar and ellipsoidal area of
// such a union (issue 13: statistics and QA totals without dissolving a whole province at once).
// Hand-made squares: every planar figure is computed by hand; the ellipsoidal figures are those
// EllipsoidalMeasure::area gives for the union as one geometry (the closed-form-tested measure).

#include "stats/DisjointPieces.hpp"

#include <optional>

#include <gtest/gtest.h>

#include "redline/geo/EllipsoidalArea.hpp"

#include "geos/GeosConvert.hpp"
#include "geos/GeosOps.hpp"
#include "stats/DissolvedArea.hpp"

using namespace redline;
using namespace redline::detail;

namespace
{

constexpr double kX0 = 560000, kY0 = 3120000;

Geometry square(double x1, double y1, double x2, double y2)
{
    return Geometry::polygon({{kX0 + x1, kY0 + y1},
                              {kX0 + x2, kY0 + y1},
                              {kX0 + x2, kY0 + y2},
                              {kX0 + x1, kY0 + y2},
                              {kX0 + x1, kY0 + y1}});
}

// What a piece is: its area and envelope, its geometry, and the polygon it is when it is one as it
// is (kUnion: a union of several).
constexpr std::size_t kUnion = static_cast<std::size_t>(-1);
struct FoundPiece
{
    double area = 0;
    Envelope envelope;
    GeosGeomPtr geom;
    std::size_t alone = kUnion;
};

// The pieces of `polygons` (nullopt: a feature without a polygon), made as the callers make them.
std::vector<FoundPiece> piecesOf(GeosContext& h,
                                 const std::vector<std::optional<Geometry>>& polygons)
{
    std::vector<Envelope> envelopes;
    for (const auto& p : polygons)
        envelopes.push_back(p ? p->envelope() : Envelope{});
    const auto geometryOf = [&](std::size_t i)
    {
        return polygons[i] ? toGeos(h, *polygons[i])
                           : GeosGeomPtr(nullptr, GeosGeomDeleter{h.handle()});
    };
    std::vector<FoundPiece> out;
    for (const Piece& piece : disjointPieces(h, envelopes, geometryOf))
    {
        GeosGeomPtr g = pieceGeometry(h, piece, geometryOf);
        if (!g)
            continue;
        const double a = area(h, g.get());
        const Envelope e = envelopeOf(h, g.get());
        out.push_back({a, e, std::move(g), piece.size() == 1 ? piece.front() : kUnion});
    }
    return out;
}

TEST(DisjointPieces, IntersectingPolygonsAreUnionedAndTheOthersKept)
{
    GeosContext h;
    // 0 and 1 overlap by 50 × 100, 2 touches 1 along x = 150: one piece of 250 × 100.
    // 3 holds 4: one piece of 100 × 100. 5 has no polygon. 6 is alone.
    const auto pieces =
        piecesOf(h, {square(0, 0, 100, 100), square(50, 0, 150, 100), square(150, 0, 250, 100),
                     square(1000, 0, 1100, 100), square(1020, 20, 1040, 40), std::nullopt,
                     square(2000, 0, 2010, 10)});
    ASSERT_EQ(pieces.size(), 3u);
    EXPECT_NEAR(pieces[0].area, 25000, 1e-6);
    EXPECT_DOUBLE_EQ(pieces[0].envelope.maxX, kX0 + 250);
    EXPECT_NEAR(pieces[1].area, 10000, 1e-6);
    EXPECT_NEAR(pieces[2].area, 100, 1e-9);
    EXPECT_EQ(pieces[0].alone, kUnion);
    EXPECT_EQ(pieces[1].alone, kUnion);
    EXPECT_EQ(pieces[2].alone, 6u); // polygon 6 as it is
    for (std::size_t i = 0; i < pieces.size(); ++i)
        for (std::size_t j = i + 1; j < pieces.size(); ++j)
            EXPECT_EQ(GEOSIntersects_r(h.handle(), pieces[i].geom.get(), pieces[j].geom.get()), 0);
}

TEST(DisjointPieces, GroupsJoinThroughPolygonsListedLater)
{
    GeosContext h;
    // 0 and 1 are disjoint; 2 overlaps both (a bridge listed last), 3 overlaps only 1.
    // Union: [0,300]×[0,100] ∪ [100,200]×[100,150] ∪ [260,290]×[-50,0].
    const auto pieces = piecesOf(h, {square(0, 0, 100, 100), square(200, 0, 300, 100),
                                     square(90, 0, 210, 150), square(260, -50, 290, 10)});
    ASSERT_EQ(pieces.size(), 1u);
    const double expected = 300.0 * 100 + 120.0 * 50 + 30.0 * 50;
    EXPECT_NEAR(pieces[0].area, expected, 1e-6);
}

TEST(DisjointPieces, NoPolygonsNoPieces)
{
    GeosContext h;
    EXPECT_TRUE(piecesOf(h, {}).empty());
    EXPECT_TRUE(piecesOf(h, {std::nullopt, std::nullopt}).empty());
}

// DissolvedArea of the pieces equals the measure of their union as one geometry, for a union
// small enough for the Transverse Mercator scale (≤ 2 km) and for one that is not.
void expectSameAsTheUnion(const std::vector<Geometry>& disjoint, double planar)
{
    GeosContext h;
    const EllipsoidalMeasure measure(Crs::fromEpsg(4549));
    DissolvedArea total(h, &measure);
    std::vector<GeosGeomPtr> owned;
    std::vector<const GEOSGeometry*> raw;
    for (const Geometry& g : disjoint)
    {
        owned.push_back(toGeos(h, g));
        raw.push_back(owned.back().get());
        total.add(raw.back());
    }
    EXPECT_NEAR(total.planarM2(), planar, 1e-6);
    const Geometry all = polygonalFromGeos(h, unionAll(h, raw).get());
    EXPECT_NEAR(total.ellipsoidalM2(), measure.area(all), 1e-6 * planar);
    // Gauss-Krüger near the central meridian shrinks nothing much: within 0.1 %.
    EXPECT_NEAR(total.ellipsoidalM2() / planar, 1.0, 1e-3);
}

TEST(DissolvedArea, SmallUnionUsesTheAreaCentroidScale)
{
    expectSameAsTheUnion({square(0, 0, 300, 200), square(1000, 1000, 1500, 1800)},
                         300.0 * 200 + 500.0 * 800);
}

TEST(DissolvedArea, LargeUnionIsGeodesic)
{
    // Each piece is small, the union spans 40 km: the geodesic area of every piece.
    expectSameAsTheUnion({square(-20000, 0, -19900, 100), square(20000, 0, 20100, 100)},
                         2 * 100.0 * 100);
}

TEST(DissolvedArea, WithoutAMeasureOnlyThePlanarAreaIsSummed)
{
    GeosContext h;
    DissolvedArea total(h, nullptr);
    const GeosGeomPtr g = toGeos(h, square(0, 0, 10, 20));
    total.add(g.get());
    total.add(g.get());
    EXPECT_NEAR(total.planarM2(), 400, 1e-9);
    EXPECT_EQ(total.ellipsoidalM2(), 0);
}

} // namespace
