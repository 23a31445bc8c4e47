#include <gtest/gtest.h>

#include "redline/core/Error.hpp"
#include "redline/geo/CrsTransform.hpp"

using namespace redline;

// Expected values from PROJ 9.1's own command line, e.g.
//   printf "28.15 120.65\n" | cs2cs -f "%.4f" EPSG:4490 EPSG:4549  ->  3115235.7125 563847.2274
// (cs2cs uses authority axis order: lat/lon in, northing/easting out; the engine uses x=east.)
struct Case
{
    double lon, lat, east, north;
};

class CgcsToGk : public testing::TestWithParam<Case>
{
};

TEST_P(CgcsToGk, MatchesCs2cs)
{
    const Case c = GetParam();
    const CrsTransform t(Crs::fromEpsg(4490), Crs::fromEpsg(4549));
    const Point p = t.apply(Point{c.lon, c.lat});
    EXPECT_NEAR(p.x, c.east, 1e-3);
    EXPECT_NEAR(p.y, c.north, 1e-3);
}

INSTANTIATE_TEST_SUITE_P(Yongjia, CgcsToGk,
                         testing::Values(Case{120.65, 28.15, 563847.2274, 3115235.7125},
                                         Case{120.0, 28.0, 500000.0, 3098441.7473},
                                         Case{120.98, 28.62, 595839.8271, 3167545.5486}));

TEST(CrsTransform, ZonePrefixedVariantDiffersOnlyByFalseEasting)
{
    // cs2cs EPSG:4490 EPSG:4528 gives 40563847.2274 for the same point: 40 × 10⁶ more easting.
    const CrsTransform t(Crs::fromEpsg(4490), Crs::fromEpsg(4528));
    const Point p = t.apply(Point{120.65, 28.15});
    EXPECT_NEAR(p.x, 40563847.2274, 1e-3);
    EXPECT_NEAR(p.y, 3115235.7125, 1e-3);
}

TEST(CrsTransform, InverseRoundTrips)
{
    const CrsTransform fwd(Crs::fromEpsg(4326), Crs::fromEpsg(4549));
    const CrsTransform inv(Crs::fromEpsg(4549), Crs::fromEpsg(4326));
    const Point p = inv.apply(fwd.apply(Point{120.7, 28.3}));
    EXPECT_NEAR(p.x, 120.7, 1e-9);
    EXPECT_NEAR(p.y, 28.3, 1e-9);
}

TEST(Crs, UserInputForms)
{
    EXPECT_EQ(Crs::fromUserInput("4549").epsg(), 4549);
    EXPECT_EQ(Crs::fromUserInput("EPSG:4490").label(), "EPSG:4490");
    EXPECT_TRUE(Crs::fromEpsg(4490).isGeographic());
    EXPECT_FALSE(Crs::fromEpsg(4549).isGeographic());
    EXPECT_THROW((void)Crs::fromUserInput("EPSG:999999"), CrsError);
    EXPECT_THROW((void)Crs::fromUserInput("not a crs"), CrsError);
}
