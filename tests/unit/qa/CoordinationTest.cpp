// 三区三线 coordination on hand-made squares (SyntheticZoning.hpp: red line R1 = [100,600]²,
// townships T1 = y 0..1000 and T2 = y 1000..2000). Every expected area is computed by hand from
// the square coordinates; the ellipsoidal area is checked against the planar one scaled by the
// Gauss-Krüger areal scale factor at the square, which PROJ's `projinfo`/`cs2cs` give as
// k = 1 + (x - 500000)² / (2 R²) to first order (x = 560,400 m: k² ≈ 1.0000896).

#include "redline/qa/Coordination.hpp"

#include <algorithm>
#include <map>

#include <gtest/gtest.h>

#include "redline/qa/ZoningQa.hpp"

#include "SyntheticZoning.hpp"

namespace redline
{
namespace
{

using test::layerNamed;
using test::rect;

std::vector<test::SyntheticLayer> storeWith(std::vector<test::SyntheticFeature> farmland,
                                            std::vector<test::SyntheticFeature> boundary,
                                            const std::string& farmlandKind = "permanent_farmland")
{
    auto layers = test::cleanSyntheticStore();
    layers.push_back({"permanent_farmland", farmlandKind, "zone_id", std::move(farmland), {}});
    layers.push_back({"urban_development_boundary",
                      "urban_development_boundary",
                      "zone_id",
                      std::move(boundary),
                      {}});
    return layers;
}

std::vector<CoordinationOverlap> run(const std::vector<test::SyntheticLayer>& layers,
                                     const CoordinationOptions& options = {})
{
    return findCoordinationOverlaps(test::toZoneLayers(layers), Crs::fromEpsg(4549), options);
}

TEST(Coordination, StoreWithoutOverlapsPasses)
{
    // Farmland beside the red line (touching along x = 600 only) and a boundary far away.
    const auto layers = storeWith({{rect(600, 100, 700, 200), {{"zone_id", "F1"}}}},
                                  {{rect(1200, 1500, 1900, 1900), {{"zone_id", "B1"}}}});
    EXPECT_TRUE(run(layers).empty());
    const QaReport r = runZoningQa(test::toZoneLayers(layers), Crs::fromEpsg(4549));
    EXPECT_EQ(r.errorCount(), 0u);
}

TEST(Coordination, EveryOverlapWithAreaTownshipAndFeatures)
{
    // F1 [0,150]² overlaps R1 on [100,150]² = 2,500 m²; F2 [550,950]×[550,1100] overlaps R1
    // on [550,600]² = 2,500 m²; F3 far away; B1 [500,800]×[500,1200] overlaps R1 on
    // [500,600]² = 10,000 m².
    const auto layers = storeWith({{rect(0, 0, 150, 150), {{"zone_id", "F1"}}},
                                   {rect(550, 550, 950, 1100), {{"zone_id", "F2"}}},
                                   {rect(1500, 1500, 1600, 1600), {{"zone_id", "F3"}}}},
                                  {{rect(500, 500, 800, 1200), {{"zone_id", "B1"}}}});
    const auto found = run(layers);
    ASSERT_EQ(found.size(), 3u);
    // Farmland first, then the boundary; within a kind by ids.
    EXPECT_EQ(found[0].otherKind, "permanent_farmland");
    EXPECT_EQ(found[0].otherId, "F1");
    EXPECT_EQ(found[1].otherId, "F2");
    EXPECT_EQ(found[2].otherKind, "urban_development_boundary");
    EXPECT_EQ(found[2].otherId, "B1");
    const double expected[] = {2500, 2500, 10000};
    for (std::size_t i = 0; i < found.size(); ++i)
    {
        const CoordinationOverlap& c = found[i];
        EXPECT_EQ(c.redlineId, "R1");
        EXPECT_EQ(c.redlineLayer, "ecological_redline");
        EXPECT_EQ(c.redlineFid, 1);
        EXPECT_NEAR(c.areaM2, expected[i], 1e-6);
        EXPECT_NEAR(c.region.planarArea(), expected[i], 1e-6);
        // Gauss-Krüger areal scale near x = 560 km on CGCS2000: planar / ellipsoidal ≈ 1.00009.
        EXPECT_NEAR(c.areaM2 / c.ellipsoidalAreaM2, 1.0000896, 2e-6) << c.otherId;
        ASSERT_EQ(c.townships.size(), 1u);
        EXPECT_EQ(c.townships[0], "T1"); // every overlap lies below y = 1000
        EXPECT_TRUE(c.region.envelope().intersects(
            Envelope{c.location.x, c.location.y, c.location.x, c.location.y}));
    }
    EXPECT_EQ(found[0].otherFid, 1);
    EXPECT_EQ(found[1].otherFid, 2);
}

TEST(Coordination, OverlapAcrossTwoTownshipsNamesBothLargestFirst)
{
    // A second red-line zone R2 [1000,1200]×[900,1300] and farmland F1 [1000,1200]×[950,1300]:
    // overlap [1000,1200]×[950,1300] = 70,000 m², 10,000 m² in T1 and 60,000 m² in T2.
    auto layers = storeWith({{rect(1000, 950, 1200, 1300), {{"zone_id", "F1"}}}}, {});
    layerNamed(layers, "ecological_redline")
        .features.push_back({rect(1000, 900, 1200, 1300),
                             {{"zone_id", "R2"}, {"name", "红线2"}, {"redline_type", "scenic"}}});
    const auto found = run(layers);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].redlineId, "R2");
    EXPECT_NEAR(found[0].areaM2, 70000, 1e-6);
    EXPECT_EQ(found[0].townships, (std::vector<std::string>{"T2", "T1"}));
}

TEST(Coordination, KindSpellingsFromTheVocabularyAndTolerance)
{
    // The older kind spelling permanent_basic_farmland is the same kind.
    const auto layers =
        storeWith({{rect(0, 0, 101, 101), {{"zone_id", "F1"}}}}, {}, "permanent_basic_farmland");
    // 1 m × 1 m = 1 m² overlap: at the default tolerance (1 m²) it is ignored, below it found.
    EXPECT_TRUE(run(layers).empty());
    CoordinationOptions o;
    o.toleranceM2 = 0.5;
    const auto found = run(layers, o);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].otherKind, "permanent_farmland");
    EXPECT_NEAR(found[0].areaM2, 1, 1e-9);
    EXPECT_EQ(coordinationKind("基本农田"), "permanent_farmland");
    EXPECT_EQ(coordinationKind("urban_boundary"), "urban_development_boundary");
    EXPECT_EQ(coordinationKind("control_units"), "");
}

TEST(Coordination, ScopeKeepsPairsWithAnEditedFeature)
{
    const auto layers = storeWith({{rect(0, 0, 150, 150), {{"zone_id", "F1"}}},
                                   {rect(550, 550, 950, 1100), {{"zone_id", "F2"}}}},
                                  {});
    QaScope scope;
    scope.features["permanent_farmland"] = {2};
    CoordinationOptions o;
    o.scope = &scope;
    auto found = run(layers, o);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].otherId, "F2");
    // The red line itself in scope: both of its pairs.
    scope.features.clear();
    scope.features["ecological_redline"] = {1};
    EXPECT_EQ(run(layers, o).size(), 2u);
    // In an edit's scoped QA they are warnings (a reason is asked), not errors.
    QaOptions qa;
    qa.scope = scope;
    const QaReport r = runZoningQa(test::toZoneLayers(layers), Crs::fromEpsg(4549), qa);
    std::size_t warnings = 0;
    for (const QaFinding& f : r.findings)
        if (f.check == "coordination_overlap")
        {
            EXPECT_EQ(f.severity, QaSeverity::Warning);
            ++warnings;
        }
    EXPECT_EQ(warnings, 2u);
}

TEST(Coordination, QaFindingsSayAreaInMuAndTownship)
{
    const auto layers = storeWith({{rect(0, 0, 150, 150), {{"zone_id", "F1"}}}}, {});
    const QaReport r = runZoningQa(test::toZoneLayers(layers), Crs::fromEpsg(4549));
    std::vector<QaFinding> found;
    std::copy_if(r.findings.begin(), r.findings.end(), std::back_inserter(found),
                 [](const QaFinding& f) { return f.check == "coordination_overlap"; });
    ASSERT_EQ(found.size(), 1u);
    const QaFinding& f = found[0];
    EXPECT_EQ(f.severity, QaSeverity::Error);
    EXPECT_EQ(f.township, "T1");
    EXPECT_EQ(f.otherFeatureId, "F1");
    EXPECT_NEAR(f.areaM2, 2500, 1e-6);
    // 2,500 m² = 3.75 亩 (1 亩 = 10000/15 m²).
    EXPECT_NE(f.message.find("2500.00 m² (3.75 亩)"), std::string::npos) << f.message;
    ASSERT_TRUE(f.locationLonLat);
    EXPECT_NEAR(f.locationLonLat->x, 120.62, 0.02); // x 560 km on CM 120°E
}

} // namespace
} // namespace redline
