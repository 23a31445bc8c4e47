// End-to-end: `redline check`, `stats`, `history` and `diff` on hand-made GeoPackages
// (tests/unit/qa/SyntheticZoning.hpp); expected areas are computed by hand from the squares.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "redline/edit/EditSession.hpp"
#include "redline/io/VectorReader.hpp"

#include "../unit/qa/SyntheticZoning.hpp"
#include "TestSupport.hpp"

namespace redline
{
namespace
{

class ZoningCliTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        gdalInit();
        m_clean = m_dir.file("clean.gpkg");
        test::writeSyntheticGpkg(test::cleanSyntheticStore(), m_clean);
    }
    test::TempDir m_dir;
    std::string m_clean;
};

TEST_F(ZoningCliTest, CheckCleanStoreExitsZero)
{
    const auto r = test::runRedline("check --zones '" + m_clean + "'");
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("0 error(s), 0 warning(s)"), std::string::npos) << r.out;
}

TEST_F(ZoningCliTest, CheckFindsPlantedFaultsAndExitsOne)
{
    auto layers = test::cleanSyntheticStore();
    // Overlap 10 m × 1000 m between U1 and U2; gap 1000 m × 20 m under U4.
    test::layerNamed(layers, "control_units").features[1].geometry = test::rect(990, 0, 2000, 1000);
    test::layerNamed(layers, "control_units").features[3].geometry =
        test::rect(1000, 1020, 2000, 2000);
    const std::string bad = m_dir.file("bad.gpkg");
    test::writeSyntheticGpkg(layers, bad);
    const auto r = test::runRedline("check --zones '" + bad + "' --format json");
    EXPECT_EQ(r.exitCode, 1) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["errors"], 2);
    std::map<std::string, double> areas;
    for (const auto& f : j["findings"])
        areas[f["check"]] = f["area_m2"];
    EXPECT_NEAR(areas["partition_overlap"], 10000, 1e-6);
    EXPECT_NEAR(areas["partition_gap"], 20000, 1e-6);
    EXPECT_NE(r.err.find("2 QA error(s)"), std::string::npos) << r.err;
}

TEST_F(ZoningCliTest, CheckMissingStoreIsOneLineError)
{
    const auto r = test::runRedline("check --zones '" + m_dir.file("none.gpkg") + "'");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("none.gpkg"), std::string::npos) << r.err;
}

TEST_F(ZoningCliTest, StatsCsvByTownship)
{
    const auto r = test::runRedline("stats --zones '" + m_clean + "' --by township --format csv");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    // R1 500 m × 500 m in township 330324001: 250000 m², 0.25 km², 375 亩.
    EXPECT_NE(r.out.find("ecological_redline,ecological_redline,redline_type,water_conservation,"
                         "330324001,T1,1,250000.00,0.250000,375.00,"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("control_units,control_units,unit_type,general,330324002,T2,2,"
                         "2000000.00,2.000000,3000.00,"),
              std::string::npos)
        << r.out;
}

TEST_F(ZoningCliTest, HistoryAndDiffAfterAnEdit)
{
    {
        EditSession s(m_clean, "alice");
        std::int64_t r1 = 0;
        for (const auto& f : s.features("ecological_redline"))
            r1 = f.fid;
        s.setGeometry("ecological_redline", r1, test::rect(100, 100, 700, 600)); // +50000 m²
        (void)s.commit("red line adjusted");
    }
    const auto h = test::runRedline("history --zones '" + m_clean + "'");
    ASSERT_EQ(h.exitCode, 0) << h.err;
    EXPECT_NE(h.out.find("r1"), std::string::npos) << h.out;
    EXPECT_NE(h.out.find("alice"), std::string::npos) << h.out;
    EXPECT_NE(h.out.find("red line adjusted"), std::string::npos) << h.out;

    const auto d =
        test::runRedline("diff --zones '" + m_clean + "' --from-rev 0 --to-rev 1 --format json");
    ASSERT_EQ(d.exitCode, 0) << d.err;
    const auto j = nlohmann::json::parse(d.out);
    bool seen = false;
    for (const auto& l : j["layers"])
    {
        if (l["layer"] != "ecological_redline")
        {
            EXPECT_EQ(l["changed"], 0) << l["layer"];
            continue;
        }
        seen = true;
        EXPECT_EQ(l["changed"], 1);
        EXPECT_EQ(l["added"], 0);
        EXPECT_NEAR(l["areas"][0]["before_km2"].get<double>(), 0.25, 1e-9);
        EXPECT_NEAR(l["areas"][0]["after_km2"].get<double>(), 0.30, 1e-9);
        EXPECT_NEAR(l["areas"][0]["change_m2"].get<double>(), 50000, 1e-6);
    }
    EXPECT_TRUE(seen);
    const auto usage = test::runRedline("diff --zones '" + m_clean + "' --from x.gpkg");
    EXPECT_EQ(usage.exitCode, 2) << usage.err;
}

} // namespace
} // namespace redline
