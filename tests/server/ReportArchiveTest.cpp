#include "ledger/ReportArchive.hpp"

#include <sstream>

#include <gtest/gtest.h>

#include "redline/api/ScreeningEngine.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/plugin/Registry.hpp"

#include "BuiltinPlugins.hpp"
#include "TestSupport.hpp"

using namespace redline;

// The service keeps each screening as an archived report and serves it again later in every
// format: what every exporter writes from the restored report must equal, byte for byte, what it
// writes from the report as computed (the 48 Yongjia sites: polygons, lines, points, holes,
// attributes of every type, rules with citations, warnings, and a site that could not be
// screened).
TEST(ReportArchive, EveryFormatIsTheSameAfterTheRoundTrip)
{
    gdalInit();
    Registry registry;
    registerBuiltinPlugins(registry);
    EngineConfig config;
    config.zones = test::sourcePath("datasets/yongjia/catalog.yaml");
    const ScreeningEngine engine(registry, config);
    ScreeningRequest request;
    request.sitesPath = test::sourcePath("datasets/yongjia/sites.gpkg");
    request.bufferM = 300;
    ScreeningReport report = engine.screen(request);
    report.jobId = "0123456789abcdef0123456789abcdef";
    report.user = "张三";
    report.inputSha256 = std::string(64, 'a');
    report.storeRevision = 7;
    ASSERT_EQ(report.results.size(), 48u);
    SiteResult unusable; // a site that could not be screened keeps its reason
    unusable.index = 48;
    unusable.siteId = "X1";
    unusable.verdict = Verdict::Error;
    unusable.message = "sites.gpkg, site 'X1': cannot be screened (no area).";
    report.results.push_back(unusable);

    const ScreeningReport restored = service::restoreReport(service::archiveReport(report));
    for (const std::string format : {"json", "csv", "geojson", "html"})
    {
        std::ostringstream a, b;
        registry.reportExporter(format)->write(report, a);
        registry.reportExporter(format)->write(restored, b);
        EXPECT_EQ(a.str(), b.str()) << format;
        EXPECT_GT(a.str().size(), 1000u) << format;
    }
    // What no exporter shows yet must survive too.
    for (std::size_t i = 0; i < report.results.size(); ++i)
    {
        const auto& x = report.results[i];
        const auto& y = restored.results[i];
        EXPECT_EQ(x.index, y.index);
        EXPECT_EQ(x.message, y.message);
        EXPECT_EQ(x.attributes.items(), y.attributes.items());
        EXPECT_EQ(x.geometry.parts(), y.geometry.parts());
        ASSERT_EQ(x.hits.size(), y.hits.size());
        for (std::size_t k = 0; k < x.hits.size(); ++k)
            EXPECT_EQ(x.hits[k].overlap.parts(), y.hits[k].overlap.parts());
    }
    EXPECT_EQ(restored.storeRevision, std::optional<std::int64_t>(7));
    EXPECT_EQ(restored.user, report.user);
}

TEST(ReportArchive, GarbageIsAConfigErrorNotACrash)
{
    EXPECT_THROW((void)service::restoreReport({0xff, 0x00, 0x13}), ConfigError);
    EXPECT_THROW((void)service::restoreReport({}), ConfigError);
}
