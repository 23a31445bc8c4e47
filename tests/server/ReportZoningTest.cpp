#include "reports/ReportZoning.hpp"

#include <filesystem>

#include <gtest/gtest.h>

#include "redline/api/ScreeningEngine.hpp"
#include "redline/edit/LayerImport.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/plugin/Registry.hpp"

#include "BuiltinPlugins.hpp"
#include "TestSupport.hpp"

using namespace redline;
using namespace redline::service;

namespace
{

// Inside the prohibited zone JZ-06 (楠溪江流域), which revision 1 withdraws.
constexpr const char* kInJz06 = "POINT (563847 3115235)";

bool hasZone(const ZoningStore& zoning, const std::string& id)
{
    for (const Feature& f : zoning.findLayer("prohibited_zones")->layer->features)
        if (f.attributes.text("zone_id") == id)
            return true;
    return false;
}

// A copy of the Yongjia GeoPackage at revision 1 (JZ-06 withdrawn, cut by GDAL's ogr2ogr), the
// service's snapshot of it, and screenings at revision 0.
class ReportZoningTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        gdalInit();
        registerBuiltinPlugins(m_registry);
        m_store = m_dir.file("zoning.gpkg");
        std::filesystem::copy_file(test::sourcePath("datasets/yongjia/zoning.gpkg"), m_store);
        const std::string cut = m_dir.file("prohibited.gpkg");
        ASSERT_EQ(test::runCommand("ogr2ogr -f GPKG '" + cut + "' '" + m_store +
                                   "' prohibited_zones -where \"zone_id <> 'JZ-06'\"")
                      .exitCode,
                  0);
        LayerImportOptions o;
        o.reason = "test: JZ-06 withdrawn";
        o.user = "test";
        (void)importLayer(m_store, "prohibited_zones", cut, o);

        EngineConfig current;
        current.zones = m_store;
        current.useCache = false;
        auto snap = std::make_shared<EngineSnapshot>();
        snap->engine = std::make_shared<const ScreeningEngine>(m_registry, current);
        snap->store = m_store;
        snap->revision = snap->engine->storeRevision();
        m_current = snap;
        ASSERT_EQ(m_current->revision.value_or(-1), 1);

        EngineConfig past = current;
        past.revision = 0;
        m_past = std::make_unique<ScreeningEngine>(m_registry, past);
    }

    [[nodiscard]] ScreeningReport screenAtRevision0(const std::string& wkt) const
    {
        ScreeningRequest request;
        request.siteWkt = wkt;
        return m_past->screen(request);
    }

    test::TempDir m_dir;
    Registry m_registry;
    std::string m_store;
    std::shared_ptr<const EngineSnapshot> m_current;
    std::unique_ptr<ScreeningEngine> m_past;
};

} // namespace

TEST_F(ReportZoningTest, AnOldScreeningIsMappedOverItsRevisionReadOnceAroundItsSites)
{
    ReportZoning zoning(m_store, "");
    const ScreeningReport report = screenAtRevision0(kInJz06);
    ASSERT_EQ(report.storeRevision.value_or(-1), 0);
    EXPECT_FALSE(zoning.ready(report, std::nullopt, *m_current)); // must be read

    const MapZoning read = zoning.read(report, std::nullopt, *m_current);
    ASSERT_TRUE(read.zoning);
    EXPECT_EQ(read.zoning->revision().value_or(-1), 0);
    EXPECT_TRUE(read.note.empty()) << read.note;
    EXPECT_TRUE(hasZone(*read.zoning, "JZ-06"));
    EXPECT_FALSE(hasZone(*m_current->engine->zoning(), "JZ-06"));
    // Only a window around the site: its map focus is 240 m square (120 m each side of a point),
    // the HTML map shows 1.6 times that across, the PDF map up to 1.71 × 1.5 (about ±310 m);
    // the window covers ±360 m, and is no more than a kilometre or two across.
    ASSERT_TRUE(read.zoning->provenance().window);
    const Envelope window = *read.zoning->provenance().window;
    EXPECT_LT(window.minX, 563847 - 360);
    EXPECT_GT(window.maxX, 563847 + 360);
    EXPECT_LT(window.minY, 3115235 - 360);
    EXPECT_GT(window.maxY, 3115235 + 360);
    EXPECT_LT(window.width(), 2000);

    // The next report at that revision near the same place: the same read, no load.
    const auto again = zoning.ready(report, std::nullopt, *m_current);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->zoning, read.zoning);

    // A screening at the current revision: the current zoning, nothing read.
    ScreeningRequest request;
    request.siteWkt = kInJz06;
    const ScreeningReport now = m_current->engine->screen(request);
    const auto current = zoning.ready(now, std::nullopt, *m_current);
    ASSERT_TRUE(current);
    EXPECT_EQ(current->zoning, m_current->engine->zoning());
    EXPECT_TRUE(current->note.empty());
}

TEST_F(ReportZoningTest, TheCacheKeepsTheLastFourReads)
{
    ReportZoning zoning(m_store, "");
    std::vector<ScreeningReport> reports;
    for (int i = 0; i < 5; ++i) // 5 km apart: no window covers another
        reports.push_back(
            screenAtRevision0("POINT (" + std::to_string(550000 + 5000 * i) + " 3120000)"));
    for (const ScreeningReport& r : reports)
        (void)zoning.read(r, std::nullopt, *m_current);
    EXPECT_FALSE(zoning.ready(reports[0], std::nullopt, *m_current)); // the oldest went
    for (int i = 1; i < 5; ++i)
        EXPECT_TRUE(zoning.ready(reports[i], std::nullopt, *m_current)) << i;
}

TEST_F(ReportZoningTest, WhatCannotBeReadIsTheCurrentZoningWithASentenceSayingSo)
{
    ReportZoning zoning(m_store, "");
    ScreeningReport gone = screenAtRevision0(kInJz06);
    gone.storeRevision = 7; // a revision this store never had
    EXPECT_FALSE(zoning.ready(gone, std::nullopt, *m_current));
    const MapZoning read = zoning.read(gone, std::nullopt, *m_current);
    EXPECT_EQ(read.zoning, m_current->engine->zoning());
    EXPECT_NE(read.note.find("r1 "), std::string::npos) << read.note;
    EXPECT_NE(read.note.find("r7"), std::string::npos) << read.note;

    ScreeningReport elsewhere = screenAtRevision0(kInJz06);
    elsewhere.store = "/srv/elsewhere/zoning.gpkg";
    const auto other = zoning.ready(elsewhere, std::nullopt, *m_current);
    ASSERT_TRUE(other);
    EXPECT_EQ(other->zoning, m_current->engine->zoning());
    EXPECT_NE(other->note.find("/srv/elsewhere/zoning.gpkg"), std::string::npos) << other->note;
    EXPECT_NE(other->note.find(m_current->engine->storeLabel()), std::string::npos) << other->note;
}
