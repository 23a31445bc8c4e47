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

namespace
{

std::vector<std::uint8_t> bytesOf(const std::string& text)
{
    return {text.begin(), text.end()};
}

std::string jsonOf(const ScreeningReport& report)
{
    Registry registry;
    registerBuiltinPlugins(registry);
    std::ostringstream out;
    registry.reportExporter("json")->write(report, out);
    return out.str();
}

// Written by redline at 58a48af (before the archives were compressed): the ledger's `report` of
// one `redline serve` screening of datasets/yongjia/sites_jzd.txt, and the answer the service sent
// for it (`POST /processes/screen/execution`).
const std::string kBeforeLz4 = "tests/server/data/archive-before-lz4";

} // namespace

// Ledgers written before keep their archives as plain CBOR: they still read back, and give the
// very answer the service sent when it screened.
TEST(ReportArchive, AnArchiveWrittenBeforeCompressionStillReadsBack)
{
    const auto old = bytesOf(test::readFile(test::sourcePath(kBeforeLz4 + ".cbor")));
    ASSERT_EQ(old.at(0), 0xae); // a CBOR map of 14 entries: the layout of archive version 1
    const ScreeningReport restored = service::restoreReport(old);
    EXPECT_EQ(jsonOf(restored), test::readFile(test::sourcePath(kBeforeLz4 + ".answer.json")));
}

// An archive written now is compressed (marked, and smaller than the same report's CBOR) and
// gives the same answer again.
TEST(ReportArchive, ANewArchiveIsCompressedAndGivesTheSameAnswer)
{
    const auto old = bytesOf(test::readFile(test::sourcePath(kBeforeLz4 + ".cbor")));
    const auto archived = service::archiveReport(service::restoreReport(old));
    ASSERT_GE(archived.size(), 16u);
    EXPECT_EQ(std::string(archived.begin(), archived.begin() + 4), "\xffRLZ");
    EXPECT_LT(archived.size(), old.size() * 3 / 4);
    EXPECT_EQ(jsonOf(service::restoreReport(archived)),
              test::readFile(test::sourcePath(kBeforeLz4 + ".answer.json")));
}

// A damaged compressed archive is a clear error, never a crash or a wrong report.
TEST(ReportArchive, ADamagedCompressedArchiveIsAConfigError)
{
    const auto old = bytesOf(test::readFile(test::sourcePath(kBeforeLz4 + ".cbor")));
    const auto good = service::archiveReport(service::restoreReport(old));

    auto truncated = good;
    truncated.resize(good.size() / 2);
    EXPECT_THROW((void)service::restoreReport(truncated), ConfigError);
    EXPECT_THROW((void)service::restoreReport({0xff, 'R', 'L', 'Z', 0, 0}), ConfigError);
    const std::string answer = jsonOf(service::restoreReport(good));

    auto shorter = good; // claims one byte less than the CBOR it holds
    shorter[7] = static_cast<std::uint8_t>(shorter[7] - 1);
    EXPECT_THROW((void)service::restoreReport(shorter), ConfigError);

    // Any byte changed after the magic: refused (the size, the hash, LZ4's own checks), unless
    // it expands to the very same CBOR.
    std::size_t refused = 0;
    for (std::size_t at = 4; at < good.size(); ++at)
    {
        auto damaged = good;
        damaged[at] ^= 0x5a;
        try
        {
            EXPECT_EQ(jsonOf(service::restoreReport(damaged)), answer) << "byte " << at;
        }
        catch (const ConfigError&)
        {
            ++refused;
        }
    }
    EXPECT_GT(refused, (good.size() - 4) * 9 / 10);
}

// The size an archive claims is checked before anything is allocated: at most what LZ4 can
// expand the stored bytes to (255 times), and never beyond kMaxArchiveBytes.
TEST(ReportArchive, AnOversizedExpansionIsRefused)
{
    try
    {
        (void)service::restoreReport(
            {0xff, 'R', 'L', 'Z', 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4, 5, 6, 7, 8, 0x00, 0x00});
        FAIL() << "4 GiB claimed from 2 stored bytes";
    }
    catch (const ConfigError& e)
    {
        EXPECT_NE(std::string(e.what()).find("4294967295 bytes expanded from 2"), std::string::npos)
            << e.what();
    }
    // Enough stored bytes for LZ4 to reach 1 GiB + 1, which is still refused.
    std::vector<std::uint8_t> big(16 + service::kMaxArchiveBytes / 255 + 1024, 0);
    const std::uint32_t claimed = static_cast<std::uint32_t>(service::kMaxArchiveBytes + 1);
    big[0] = 0xff, big[1] = 'R', big[2] = 'L', big[3] = 'Z';
    for (int i = 0; i < 4; ++i)
        big[4 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(claimed >> (24 - 8 * i));
    EXPECT_THROW((void)service::restoreReport(big), ConfigError);
}
