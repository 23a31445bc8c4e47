// Area statistics on hand-made squares (SyntheticZoning.hpp): every figure is computed by hand.

#include "redline/stats/ZoningStats.hpp"

#include <map>

#include <gtest/gtest.h>

#include "../qa/SyntheticZoning.hpp"

namespace redline
{
namespace
{

std::map<std::string, AreaRow> byKey(const std::vector<AreaRow>& rows)
{
    std::map<std::string, AreaRow> out;
    for (const auto& r : rows)
        out[r.layer + "|" + r.className + "|" + r.townshipCode] = r;
    return out;
}

TEST(ZoningStats, LayersAndClassesByTownship)
{
    StatsOptions o;
    o.byTownship = true;
    const auto rows = byKey(computeZoningStats(test::toZoneLayers(test::cleanSyntheticStore()),
                                               Crs::fromEpsg(4549), o));
    // Red line R1: 500 m × 500 m in T1 (south half) = 250000 m² = 375 亩.
    const AreaRow& red = rows.at("ecological_redline|*|*");
    EXPECT_NEAR(red.areaM2, 250000, 1e-6);
    EXPECT_NEAR(red.areaKm2(), 0.25, 1e-12);
    EXPECT_NEAR(red.areaMu(), 375, 1e-9);
    EXPECT_NEAR(rows.at("ecological_redline|water_conservation|330324001").areaM2, 250000, 1e-6);
    EXPECT_EQ(rows.count("ecological_redline|*|330324002"), 0u); // nothing in T2
    // Control units: U1 priority and U2 key in T1, U3 and U4 general in T2.
    EXPECT_NEAR(rows.at("control_units|priority|330324001").areaM2, 1e6, 1e-6);
    EXPECT_NEAR(rows.at("control_units|key|330324001").areaM2, 1e6, 1e-6);
    EXPECT_NEAR(rows.at("control_units|general|330324002").areaM2, 2e6, 1e-6);
    EXPECT_NEAR(rows.at("control_units|*|*").areaM2, 4e6, 1e-6);
    // Water: level II dissolved; S-II (400×400, holds S-I) in T2, T-II annulus 300² - 100² in T1.
    EXPECT_NEAR(rows.at("water_protection_zones|II|330324002").areaM2, 160000, 1e-6);
    EXPECT_NEAR(rows.at("water_protection_zones|II|330324001").areaM2, 80000, 1e-6);
    EXPECT_NEAR(rows.at("water_protection_zones|I|330324001").areaM2, 10000, 1e-6);
    EXPECT_NEAR(rows.at("water_protection_zones|I|330324002").areaM2, 40000, 1e-6);
    // Whole layer dissolved: S-I inside S-II is not counted twice; T-I fills T-II's hole.
    EXPECT_NEAR(rows.at("water_protection_zones|*|330324002").areaM2, 160000, 1e-6);
    EXPECT_NEAR(rows.at("water_protection_zones|*|330324001").areaM2, 90000, 1e-6);
    EXPECT_NEAR(rows.at("water_protection_zones|*|*").areaM2, 250000, 1e-6);
    // Ellipsoidal area differs from the Gauss-Krüger one by the projection's scale (< 0.1 %).
    EXPECT_NEAR(red.ellipsoidalM2 / red.areaM2, 1.0, 1e-3);
}

} // namespace
} // namespace redline
