// Zoning QA on hand-made squares: every expected area below is computed by hand from the square
// coordinates given in SyntheticZoning.hpp (metres, EPSG:4549).

#include "redline/qa/ZoningQa.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "SyntheticZoning.hpp"

namespace redline
{
namespace
{

using test::kX0;
using test::kY0;
using test::layerNamed;
using test::rect;

QaReport runQa(const std::vector<test::SyntheticLayer>& layers, QaOptions options = {})
{
    return runZoningQa(test::toZoneLayers(layers), Crs::fromEpsg(4549), options);
}

std::vector<QaFinding> findingsOf(const QaReport& r, const std::string& check)
{
    std::vector<QaFinding> out;
    std::copy_if(r.findings.begin(), r.findings.end(), std::back_inserter(out),
                 [&](const QaFinding& f) { return f.check == check; });
    return out;
}

std::string dump(const QaReport& r)
{
    std::string s;
    for (const auto& f : r.findings)
        s += std::string(toString(f.severity)) + " " + f.check + ": " + f.message + "\n";
    return s;
}

void expectInside(const QaFinding& f, double x0, double y0, double x1, double y1)
{
    ASSERT_TRUE(f.location.has_value()) << f.message;
    EXPECT_GE(f.location->x, kX0 + x0) << f.message;
    EXPECT_LE(f.location->x, kX0 + x1) << f.message;
    EXPECT_GE(f.location->y, kY0 + y0) << f.message;
    EXPECT_LE(f.location->y, kY0 + y1) << f.message;
}

TEST(ZoningQa, CleanSyntheticStorePasses)
{
    const QaReport r = runQa(test::cleanSyntheticStore());
    EXPECT_EQ(r.findings.size(), 0u) << dump(r);
    // Red line R1 is 500 m × 500 m.
    const auto it = std::find_if(r.layers.begin(), r.layers.end(),
                                 [](const auto& l) { return l.layer == "ecological_redline"; });
    ASSERT_NE(it, r.layers.end());
    EXPECT_NEAR(it->areaKm2, 0.25, 1e-9);
}

TEST(ZoningQa, BowTieIsReportedWithItsSelfIntersection)
{
    auto layers = test::cleanSyntheticStore();
    // Bow-tie (0,0)-(100,100)-(100,0)-(0,100) shifted by (700,700): edges cross at (750,750).
    const Ring bowtie = {{kX0 + 700, kY0 + 700},
                         {kX0 + 800, kY0 + 800},
                         {kX0 + 800, kY0 + 700},
                         {kX0 + 700, kY0 + 800},
                         {kX0 + 700, kY0 + 700}};
    layerNamed(layers, "ecological_redline")
        .features.push_back({Geometry::polygon(bowtie),
                             {{"zone_id", "R2"}, {"name", "bow"}, {"redline_type", "scenic"}}});
    const QaReport r = runQa(layers);
    const auto found = findingsOf(r, "invalid_geometry");
    ASSERT_EQ(found.size(), 1u) << dump(r);
    EXPECT_EQ(found[0].severity, QaSeverity::Error);
    EXPECT_EQ(found[0].featureId, "R2");
    ASSERT_TRUE(found[0].location);
    EXPECT_NEAR(found[0].location->x, kX0 + 750, 1e-6);
    EXPECT_NEAR(found[0].location->y, kY0 + 750, 1e-6);
    EXPECT_NE(found[0].message.find("Self-intersection"), std::string::npos) << found[0].message;
    ASSERT_TRUE(found[0].locationLonLat);
    EXPECT_NEAR(found[0].locationLonLat->x, 120.6, 0.1);
}

TEST(ZoningQa, OverlapBetweenControlUnitsHasItsArea)
{
    auto layers = test::cleanSyntheticStore();
    // U2 pushed 10 m west into U1: overlap 10 m × 1000 m = 10000 m².
    layerNamed(layers, "control_units").features[1].geometry = rect(990, 0, 2000, 1000);
    const QaReport r = runQa(layers);
    const auto found = findingsOf(r, "partition_overlap");
    ASSERT_EQ(found.size(), 1u) << dump(r);
    EXPECT_NEAR(found[0].areaM2, 10000, 1e-6);
    expectInside(found[0], 990, 0, 1000, 1000);
    const std::set<std::string> ids = {found[0].featureId, found[0].otherFeatureId};
    EXPECT_EQ(ids, (std::set<std::string>{"ZH33032410001", "ZH33032420001"}));
    EXPECT_TRUE(r.hasErrors());
}

TEST(ZoningQa, GapAndOvershootHaveTheirAreas)
{
    auto layers = test::cleanSyntheticStore();
    // U4 pulled 20 m north: gap 1000 m × 20 m = 20000 m².
    layerNamed(layers, "control_units").features[3].geometry = rect(1000, 1020, 2000, 2000);
    // T2 pushed 50 m beyond the county's north edge: 2000 m × 50 m = 100000 m².
    layerNamed(layers, "townships").features[1].geometry = rect(0, 1000, 2000, 2050);
    const QaReport r = runQa(layers);
    const auto gaps = findingsOf(r, "partition_gap");
    ASSERT_EQ(gaps.size(), 1u) << dump(r);
    EXPECT_EQ(gaps[0].layer, "control_units");
    EXPECT_NEAR(gaps[0].areaM2, 20000, 1e-6);
    expectInside(gaps[0], 1000, 1000, 2000, 1020);
    const auto over = findingsOf(r, "partition_overshoot");
    ASSERT_EQ(over.size(), 1u) << dump(r);
    EXPECT_EQ(over[0].layer, "townships");
    EXPECT_NEAR(over[0].areaM2, 100000, 1e-6);
    expectInside(over[0], 0, 2000, 2000, 2050);
}

TEST(ZoningQa, GapWithoutCountyIsAHoleInTheUnion)
{
    auto layers = test::cleanSyntheticStore();
    layers.erase(std::remove_if(layers.begin(), layers.end(),
                                [](const auto& l) { return l.kind == "county"; }),
                 layers.end());
    // A 30 m × 40 m hole cut out of the middle of U1 by shrinking nothing else: make U1 a ring.
    layerNamed(layers, "control_units").features[0].geometry =
        test::rectWithHole(0, 0, 1000, 1000, 400, 400, 430, 440);
    const QaReport r = runQa(layers);
    const auto gaps = findingsOf(r, "partition_gap");
    ASSERT_EQ(gaps.size(), 1u) << dump(r);
    EXPECT_NEAR(gaps[0].areaM2, 1200, 1e-6);
    expectInside(gaps[0], 400, 400, 430, 440);
}

TEST(ZoningQa, BelowToleranceIsIgnored)
{
    auto layers = test::cleanSyntheticStore();
    // A 0.5 m × 1 m unit inside U1: a 0.5 m² overlap, below the default 1 m² tolerance.
    layerNamed(layers, "control_units")
        .features.push_back({rect(999.5, 10, 1000, 11),
                             {{"unit_code", "ZH33032430009"}, {"unit_type", "general"}}});
    // U4 pulled 0.0005 m north: a 0.5 m² gap, also below it.
    layerNamed(layers, "control_units").features[3].geometry = rect(1000, 1000.0005, 2000, 2000);
    QaReport r = runQa(layers);
    EXPECT_TRUE(findingsOf(r, "partition_overlap").empty()) << dump(r);
    EXPECT_TRUE(findingsOf(r, "partition_gap").empty()) << dump(r);
    // With a 0.1 m² tolerance both are reported, with their areas.
    QaOptions strict;
    strict.toleranceM2 = 0.1;
    r = runQa(layers, strict);
    ASSERT_EQ(findingsOf(r, "partition_overlap").size(), 1u) << dump(r);
    EXPECT_NEAR(findingsOf(r, "partition_overlap")[0].areaM2, 0.5, 1e-6);
    ASSERT_EQ(findingsOf(r, "partition_gap").size(), 1u) << dump(r);
    EXPECT_NEAR(findingsOf(r, "partition_gap")[0].areaM2, 0.5, 1e-4);
}

TEST(ZoningQa, AttributeDomainsAndUnitCodes)
{
    auto layers = test::cleanSyntheticStore();
    auto& units = layerNamed(layers, "control_units").features;
    units[2].attributes[0].second = "ZH3303243001";  // 12 characters
    units[3].attributes[0].second = "ZH33032420002"; // class digit 2 but unit_type general
    units[1].attributes[3].second = "harbour";       // key_subtype outside the domain
    layerNamed(layers, "ecological_redline").features[0].attributes[2].second = "forest";
    layerNamed(layers, "water_protection_zones").features[0].attributes[2].second = "III";
    layerNamed(layers, "protected_areas").features[0].attributes[3].second = "buffer";
    const QaReport r = runQa(layers);
    const auto codes = findingsOf(r, "unit_code");
    ASSERT_EQ(codes.size(), 2u) << dump(r);
    EXPECT_EQ(codes[0].featureId, "ZH3303243001");
    EXPECT_EQ(codes[1].featureId, "ZH33032420002");
    EXPECT_NE(codes[1].message.find("general"), std::string::npos);
    const auto domains = findingsOf(r, "attribute_domain");
    ASSERT_EQ(domains.size(), 4u) << dump(r);
    std::set<std::string> layersHit;
    for (const auto& f : domains)
    {
        layersHit.insert(f.layer);
        EXPECT_TRUE(f.location.has_value());
    }
    EXPECT_EQ(layersHit, (std::set<std::string>{"control_units", "ecological_redline",
                                                "water_protection_zones", "protected_areas"}));
}

TEST(ZoningQa, DomainValuesAreReadThroughTheVocabularyTable)
{
    // Spellings real data uses are the same value to `redline check` as to the rules
    // (redline/rules/Terms.hpp); a legacy zoning the store should hold as core/general is not.
    auto layers = test::cleanSyntheticStore();
    layerNamed(layers, "water_protection_zones").features[0].attributes[2].second = "一级保护区";
    layerNamed(layers, "water_protection_zones").features[1].attributes[2].second = "Ⅱ";
    layerNamed(layers, "protected_areas").features[0].attributes[3].second = "核心保护区";
    layerNamed(layers, "control_units").features[0].attributes[2].second = "优先保护";
    EXPECT_TRUE(findingsOf(runQa(layers), "attribute_domain").empty());
    // Water zones still nest per source when their levels are spelled in Chinese: S-I moved out
    // of S-II is found (WaterZonesMustNestPerSource has the figures).
    layerNamed(layers, "water_protection_zones").features[0].geometry = rect(100, 1300, 300, 1500);
    EXPECT_EQ(findingsOf(runQa(layers), "water_nesting").size(), 1u);
    layerNamed(layers, "protected_areas").features[0].attributes[3].second = "缓冲区";
    const auto found = findingsOf(runQa(layers), "attribute_domain");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].message.find("zoning '缓冲区' is not one of core, general"),
              std::string::npos)
        << found[0].message;
}

TEST(ZoningQa, WaterZonesMustNestPerSource)
{
    auto layers = test::cleanSyntheticStore();
    auto& water = layerNamed(layers, "water_protection_zones").features;
    // S-I moved to x 100..300: 800 m west of S-II (x from 1100).
    water[0].geometry = rect(100, 1300, 300, 1500);
    // T-I moved 100 m east: [1300,1500]×[200,300] sticks out of T-II's hull (x ≤ 1400) by
    // 100 m × 100 m = 10000 m².
    water[2].geometry = rect(1300, 200, 1500, 300);
    const QaReport r = runQa(layers);
    const auto found = findingsOf(r, "water_nesting");
    ASSERT_EQ(found.size(), 2u) << dump(r);
    const auto s = std::find_if(found.begin(), found.end(),
                                [](const auto& f) { return f.featureId == "S-I"; });
    ASSERT_NE(s, found.end());
    EXPECT_NE(s->message.find("800.0 m away"), std::string::npos) << s->message;
    EXPECT_NEAR(s->areaM2, 40000, 1e-6); // the whole 200 m × 200 m zone is outside the hull
    const auto t = std::find_if(found.begin(), found.end(),
                                [](const auto& f) { return f.featureId == "T-I"; });
    ASSERT_NE(t, found.end());
    EXPECT_NEAR(t->areaM2, 10000, 1e-6);
    expectInside(*t, 1400, 200, 1500, 300);
}

TEST(ZoningQa, QuasiZoneAdjoinsUpstreamWithoutCoveringLevelOne)
{
    auto layers = test::cleanSyntheticStore();
    auto& water = layerNamed(layers, "water_protection_zones").features;
    // Upstream of S-II (x 1100..1500), sharing its east edge: a correct river quasi zone.
    water.push_back({rect(1500, 1100, 1800, 1500),
                     {{"zone_id", "S-Q"}, {"source_name", "S"}, {"level", "quasi"}}});
    EXPECT_TRUE(findingsOf(runQa(layers), "water_nesting").empty());
    // 100 m further east it is detached from its source.
    water.back().geometry = rect(1600, 1100, 1800, 1500);
    auto found = findingsOf(runQa(layers), "water_nesting");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].message.find("100.0 m away"), std::string::npos) << found[0].message;
    // Drawn over level I: covers [1250,1400]² of S-I = 150 m × 150 m = 22500 m².
    water.back().geometry = rect(1250, 1250, 1800, 1500);
    found = findingsOf(runQa(layers), "water_nesting");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NEAR(found[0].areaM2, 22500, 1e-6);
    expectInside(found[0], 1250, 1250, 1400, 1400);
}

TEST(ZoningQa, CrossLayerConflicts)
{
    auto layers = test::cleanSyntheticStore();
    // U1 (which holds the whole red line R1, 250000 m²) becomes an industrial key unit.
    auto& u1 = layerNamed(layers, "control_units").features[0].attributes;
    u1[0].second = "ZH33032420003";
    u1[2].second = "key";
    u1[3].second = "industrial_cluster";
    // Urban development boundary [500,800]²: overlaps R1 on [500,600]² = 10000 m².
    layers.push_back({"ubd",
                      "urban_development_boundary",
                      "zone_id",
                      {{rect(500, 500, 800, 800), {{"zone_id", "UDB1"}}}},
                      {}});
    // Permanent basic farmland [0,150]²: overlaps R1 on [100,150]² = 2500 m².
    layers.push_back({"farmland",
                      "permanent_basic_farmland",
                      "zone_id",
                      {{rect(0, 0, 150, 150), {{"zone_id", "F1"}}}},
                      {}});
    const QaReport r = runQa(layers);
    const auto found = findingsOf(r, "cross_layer_conflict");
    ASSERT_EQ(found.size(), 1u) << dump(r);
    EXPECT_EQ(found[0].severity, QaSeverity::Error);
    EXPECT_EQ(found[0].featureId, "R1");
    EXPECT_EQ(found[0].otherLayer, "control_units");
    EXPECT_NEAR(found[0].areaM2, 250000, 1e-6);
    // Farmland and the development boundary are the 三区三线 coordination check's.
    std::map<std::string, double> areas;
    for (const auto& f : findingsOf(r, "coordination_overlap"))
    {
        EXPECT_EQ(f.severity, QaSeverity::Error);
        EXPECT_EQ(f.featureId, "R1");
        areas[f.otherLayer] = f.areaM2;
    }
    ASSERT_EQ(areas.size(), 2u) << dump(r);
    EXPECT_NEAR(areas["ubd"], 10000, 1e-6);
    EXPECT_NEAR(areas["farmland"], 2500, 1e-6);
}

TEST(ZoningQa, OfficialAreaIsReconciled)
{
    auto layers = test::cleanSyntheticStore();
    layerNamed(layers, "ecological_redline").officialAreaKm2 = 0.26; // layer holds 0.25 km²
    const QaReport r = runQa(layers);
    const auto found = findingsOf(r, "official_area");
    ASSERT_EQ(found.size(), 1u) << dump(r);
    EXPECT_NEAR(found[0].areaM2, -10000, 1e-3);
    EXPECT_NE(found[0].message.find("0.26"), std::string::npos);
    // 0.004 km² off is inside the 0.005 km² tolerance.
    layerNamed(layers, "ecological_redline").officialAreaKm2 = 0.254;
    EXPECT_TRUE(findingsOf(runQa(layers), "official_area").empty());
}

TEST(ZoningQa, ScopeLimitsFindingsToWhatChanged)
{
    auto layers = test::cleanSyntheticStore();
    layerNamed(layers, "control_units").features[1].geometry =
        rect(990, 0, 2000, 1000); // old fault
    layerNamed(layers, "control_units").features[3].geometry = rect(1000, 1020, 2000, 2000);
    QaOptions o;
    QaScope scope;
    scope.features["control_units"] = {4}; // U4 (fid 4) was edited
    scope.regions.push_back(rect(1000, 1000, 2000, 2000).envelope());
    o.scope = scope;
    const QaReport r = runQa(layers, o);
    EXPECT_TRUE(findingsOf(r, "partition_overlap").empty()) << dump(r);
    ASSERT_EQ(findingsOf(r, "partition_gap").size(), 1u) << dump(r);
}

} // namespace
} // namespace redline
