#include "redline/api/ScreeningEngine.hpp"

#include <gtest/gtest.h>

#include "redline/io/VectorReader.hpp"
#include "redline/io/VectorWriter.hpp"
#include "redline/plugin/Registry.hpp"

#include "BuiltinPlugins.hpp"
#include "TestSupport.hpp"

using namespace redline;
using redline::test::TempDir;

// One ScreeningEngine answers many requests: the store is loaded once and warm screenings are
// reused, so a request must never see another request's options. Store: red line A = the
// 1000 m square at (560000, 3120000) in EPSG:4549; site S = a 100 m square 50 m east of A, so
// its distance to A is 50 m by construction.
namespace
{

constexpr double kX0 = 560000, kY0 = 3120000;

Ring square(double x1, double y1, double x2, double y2)
{
    return {{kX0 + x1, kY0 + y1},
            {kX0 + x2, kY0 + y1},
            {kX0 + x2, kY0 + y2},
            {kX0 + x1, kY0 + y2},
            {kX0 + x1, kY0 + y1}};
}

class ScreeningEngineTest : public testing::Test
{
  protected:
    void SetUp() override
    {
        gdalInit();
        registerBuiltinPlugins(m_registry);
        Layer zones;
        zones.name = "ecological_redline";
        zones.crs = Crs::fromEpsg(4549);
        zones.fieldNames = {"zone_id", "name", "redline_type"};
        Feature a;
        a.fid = 1;
        a.geometry = Geometry::polygon(square(0, 0, 1000, 1000));
        a.attributes.set("zone_id", std::string("A"));
        a.attributes.set("name", std::string("A"));
        a.attributes.set("redline_type", std::string("scenic"));
        zones.features.push_back(a);
        m_config.zones = m_dir.file("zoning.gpkg");
        m_config.defaultRules = "none";
        writeLayers(m_config.zones, {zones});
    }

    static ScreeningRequest site(std::optional<double> buffer)
    {
        ScreeningRequest r;
        r.siteWkt = "POLYGON ((561050 3120100, 561150 3120100, 561150 3120200, 561050 3120200, "
                    "561050 3120100))";
        r.bufferM = buffer;
        return r;
    }

    TempDir m_dir;
    Registry m_registry;
    EngineConfig m_config;
};

} // namespace

TEST_F(ScreeningEngineTest, EachRequestKeepsItsOwnBuffer)
{
    const ScreeningEngine engine(m_registry, m_config);
    for (int round = 0; round < 2; ++round)
    {
        const auto near = engine.screen(site(60.0));
        ASSERT_EQ(near.results.size(), 1u);
        ASSERT_EQ(near.results[0].hits.size(), 1u) << "round " << round;
        EXPECT_NEAR(near.results[0].hits[0].distanceM, 50.0, 1e-6);
        EXPECT_EQ(near.results[0].hits[0].overlapM2, 0.0);

        const auto far = engine.screen(site(40.0));
        EXPECT_TRUE(far.results[0].hits.empty()) << "round " << round;

        // No buffer given: the layer's default of 100 m applies.
        const auto byDefault = engine.screen(site(std::nullopt));
        EXPECT_EQ(byDefault.results[0].hits.size(), 1u) << "round " << round;
    }
}

TEST_F(ScreeningEngineTest, ReportCarriesItsProvenance)
{
    const ScreeningEngine engine(m_registry, m_config);
    auto request = site(60.0);
    request.sitesLabel = "parcel.txt";
    const auto report = engine.screen(request);
    EXPECT_EQ(report.zones, m_config.zones);
    EXPECT_EQ(report.sites, "parcel.txt");
    EXPECT_EQ(report.analysisCrs, "EPSG:4549");
    EXPECT_EQ(report.ruleSet, "none");
    EXPECT_EQ(report.ruleSetVersion, "1");

    request.rules = "rules.yongjia";
    EXPECT_EQ(engine.screen(request).ruleSet, "rules.yongjia");
}

TEST_F(ScreeningEngineTest, InvalidRequestNamesTheInputBeforeOpeningAnything)
{
    const ScreeningEngine engine(m_registry, m_config);
    ScreeningRequest r = site(-5.0);
    r.sitesPath = "/nonexistent/file.gpkg"; // both sources and a bad buffer: sites comes first
    try
    {
        (void)engine.screen(r);
        FAIL() << "no exception";
    }
    catch (const InvalidRequest& e)
    {
        EXPECT_EQ(e.problem().input, "sites");
    }
    EXPECT_THROW((void)engine.screen(site(-5.0)), InvalidRequest);
}

TEST_F(ScreeningEngineTest, UnknownRuleSetIsAConfigError)
{
    const ScreeningEngine engine(m_registry, m_config);
    auto r = site(60.0);
    r.rules = "rules.nowhere";
    EXPECT_THROW((void)engine.screen(r), ConfigError);
}
