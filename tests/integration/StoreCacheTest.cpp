// The store cache (issue 13): written beside the store on first use and mapped afterwards; a
// cache of other content (the store changed) is ignored and rebuilt; a damaged file (bytes that
// do not match their hash, truncated, garbage) is refused and rebuilt; processes starting
// together build it once and all get the same results. Expected overlaps are computed by hand.

#include "redline/cache/StoreCache.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "redline/analysis/Screening.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/io/VectorWriter.hpp"

#include "TestSupport.hpp"

using namespace redline;
namespace fs = std::filesystem;

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

// A red line [0,width]×[0,1000] with zone_id "R1", name "红线一".
void writeStore(const std::string& path, double width)
{
    Layer l;
    l.name = "ecological_redline";
    l.crs = Crs::fromEpsg(4549);
    l.fieldNames = {"zone_id", "name"};
    Feature f;
    f.fid = 1;
    f.geometry = Geometry::polygon(square(0, 0, width, 1000));
    f.attributes.set("zone_id", std::string("R1"));
    f.attributes.set("name", std::string("红线一"));
    l.features.push_back(std::move(f));
    writeLayers(path, {l});
}

// Overlap of the site [900,1100]×[0,100] with the red line.
double overlap(const std::shared_ptr<const PreparedStore>& store)
{
    ScreeningOptions o;
    o.bufferM = 0;
    const Screening s(store, nullptr, o);
    Feature site;
    site.geometry = Geometry::polygon(square(900, 0, 1100, 100));
    const SiteResult r = s.screenOne(site);
    return r.hits.empty() ? 0 : r.hits.front().overlapM2;
}

void damage(const std::string& path, std::streamoff at)
{
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(at);
    char c = 0;
    f.read(&c, 1);
    c = static_cast<char>(c ^ 0x5a);
    f.seekp(at);
    f.write(&c, 1);
}

struct ProcessResult
{
    int outcome = -1; // CacheOutcome, -1 when the child failed
    double overlap = 0;
};

// Forks `n` processes that wait on one pipe until all exist, then open the store through its
// cache at the same moment and report their outcome and overlap through a file each.
std::vector<ProcessResult> openInProcesses(const std::string& store, const test::TempDir& dir,
                                           int n)
{
    int gate[2];
    if (::pipe(gate) != 0)
        throw std::runtime_error("pipe failed");
    std::vector<pid_t> children;
    for (int i = 0; i < n; ++i)
    {
        const pid_t pid = ::fork();
        if (pid == 0)
        {
            ::close(gate[1]);
            char byte = 0;
            while (::read(gate[0], &byte, 1) > 0) // returns 0 once the parent closes its end
            {
            }
            int code = 1;
            try
            {
                const CachedStore opened = openPreparedStore(store);
                std::ofstream(dir.file("child" + std::to_string(i)))
                    << static_cast<int>(opened.outcome) << " " << overlap(opened.store) << "\n";
                code = 0;
            }
            catch (...)
            {
            }
            ::_exit(code);
        }
        children.push_back(pid);
    }
    ::close(gate[0]);
    ::close(gate[1]); // releases them all
    std::vector<ProcessResult> out(n);
    for (int i = 0; i < n; ++i)
    {
        int status = 0;
        ::waitpid(children[i], &status, 0);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
            std::ifstream(dir.file("child" + std::to_string(i))) >> out[i].outcome >>
                out[i].overlap;
    }
    return out;
}

// Starts `n` `redline screen` processes on the site [900,1100]×[0,100] at once (output
// dir/out<i>.csv); the result holds every process's stderr and fails unless all of them succeed.
test::CommandResult screenInProcesses(const std::string& store, const test::TempDir& dir, int n)
{
    std::string script = "{ ";
    std::string waits = "s=0; ";
    for (int i = 0; i < n; ++i)
    {
        script += std::string("'") + REDLINE_CLI + "' screen --zones '" + store +
                  "' --site-wkt 'POLYGON((560900 3120000,561100 3120000,561100 3120100,560900 "
                  "3120100,560900 3120000))' --rules none --buffer 0 --format csv -o '" +
                  dir.file("out" + std::to_string(i) + ".csv") + "' & p" + std::to_string(i) +
                  "=$!; ";
        waits += "wait $p" + std::to_string(i) + " || s=1; ";
    }
    return test::runCommand(script + waits + "exit $s; }");
}

int countOutcome(const std::vector<ProcessResult>& results, CacheOutcome o)
{
    return static_cast<int>(std::count_if(results.begin(), results.end(),
                                          [o](const ProcessResult& r)
                                          { return r.outcome == static_cast<int>(o); }));
}

class StoreCache : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        gdalInit();
        writeStore(store, 1000);
    }
    test::TempDir dir;
    std::string store = dir.file("zoning.gpkg");
    std::string cache = store + ".redline-cache";
};

} // namespace

TEST_F(StoreCache, WrittenBesideTheStoreThenMapped)
{
    const CachedStore first = openPreparedStore(store);
    EXPECT_EQ(first.outcome, CacheOutcome::Built);
    EXPECT_EQ(first.cachePath, fs::absolute(cache).lexically_normal().string());
    EXPECT_TRUE(fs::exists(cache));
    EXPECT_NEAR(overlap(first.store), 100 * 100, 1e-6);

    const CachedStore second = openPreparedStore(store);
    EXPECT_EQ(second.outcome, CacheOutcome::Hit);
    EXPECT_TRUE(second.note.empty());
    EXPECT_NEAR(overlap(second.store), 100 * 100, 1e-6);
    ASSERT_EQ(second.store->zones().size(), 1u);
    EXPECT_EQ(second.store->zones()[0].zoneId, "R1");
    EXPECT_EQ(second.store->zones()[0].zoneName, "红线一");
    EXPECT_EQ(second.store->layers()[0].kind, "ecological_redline");
    EXPECT_EQ(second.store->analysisCrs().label(), "EPSG:4549");
}

TEST_F(StoreCache, StaleCacheIsIgnoredAndRebuilt)
{
    ASSERT_EQ(openPreparedStore(store).outcome, CacheOutcome::Built);
    writeStore(store, 1050); // the red line grows 50 m to the east
    const CachedStore again = openPreparedStore(store);
    EXPECT_EQ(again.outcome, CacheOutcome::RebuiltStale);
    EXPECT_NEAR(overlap(again.store), 150 * 100, 1e-6);
    EXPECT_EQ(openPreparedStore(store).outcome, CacheOutcome::Hit);
    EXPECT_NEAR(overlap(openPreparedStore(store).store), 150 * 100, 1e-6);
}

TEST_F(StoreCache, KeyedOnContentAndAnalysisCrs)
{
    ASSERT_EQ(openPreparedStore(store).outcome, CacheOutcome::Built);
    fs::last_write_time(store, fs::file_time_type::clock::now()); // touched, same bytes
    EXPECT_EQ(openPreparedStore(store).outcome, CacheOutcome::Hit);
    StoreCacheOptions other;
    other.analysisCrs = Crs::fromEpsg(4528); // CGCS2000 / 3-degree GK zone 40
    EXPECT_EQ(openPreparedStore(store, other).outcome, CacheOutcome::RebuiltStale);
}

TEST_F(StoreCache, DamagedCacheIsRefusedAndRebuilt)
{
    ASSERT_EQ(openPreparedStore(store).outcome, CacheOutcome::Built);
    const auto size = static_cast<std::streamoff>(fs::file_size(cache));
    damage(cache, size - 100); // a coordinate or index byte near the end
    CachedStore again = openPreparedStore(store);
    EXPECT_EQ(again.outcome, CacheOutcome::RebuiltDamaged);
    EXPECT_NE(again.note.find("hash"), std::string::npos) << again.note;
    EXPECT_NEAR(overlap(again.store), 100 * 100, 1e-6);

    fs::resize_file(cache, fs::file_size(cache) - 64); // truncated
    EXPECT_EQ(openPreparedStore(store).outcome, CacheOutcome::RebuiltDamaged);

    test::writeFile(cache, "not a cache at all");
    again = openPreparedStore(store);
    EXPECT_EQ(again.outcome, CacheOutcome::RebuiltDamaged);
    EXPECT_NEAR(overlap(again.store), 100 * 100, 1e-6);
    EXPECT_EQ(openPreparedStore(store).outcome, CacheOutcome::Hit);
}

TEST_F(StoreCache, StartsTogetherBuildItOnce)
{
    // Threads of one process lock through separate file descriptions, as processes do.
    constexpr int kThreads = 6;
    std::vector<CacheOutcome> outcomes(kThreads);
    std::vector<double> overlaps(kThreads);
    {
        std::vector<std::jthread> threads;
        for (int i = 0; i < kThreads; ++i)
            threads.emplace_back(
                [&, i]
                {
                    const CachedStore c = openPreparedStore(store);
                    outcomes[i] = c.outcome;
                    overlaps[i] = overlap(c.store);
                });
    }
    EXPECT_EQ(std::count(outcomes.begin(), outcomes.end(), CacheOutcome::Built), 1);
    EXPECT_EQ(std::count(outcomes.begin(), outcomes.end(), CacheOutcome::Hit), kThreads - 1);
    for (double o : overlaps)
        EXPECT_NEAR(o, 100 * 100, 1e-6);
}

TEST_F(StoreCache, ProcessesStartingTogetherGetTheSameResults)
{
    constexpr int kProcesses = 6;
    const auto run = screenInProcesses(store, dir, kProcesses);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.err, "");
    const std::string first = test::readFile(dir.file("out0.csv"));
    EXPECT_NE(first.find("10000.0000"), std::string::npos) << first;
    for (int i = 1; i < kProcesses; ++i)
        EXPECT_EQ(test::readFile(dir.file("out" + std::to_string(i) + ".csv")), first);
    EXPECT_EQ(openPreparedStore(store).outcome, CacheOutcome::Hit);
    // No temporary file is left beside the store.
    for (const auto& e : fs::directory_iterator(dir.path()))
        EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
}

TEST_F(StoreCache, ProcessesStartingTogetherOnAStaleCacheRebuildItOnce)
{
    ASSERT_EQ(openPreparedStore(store).outcome, CacheOutcome::Built);
    writeStore(store, 1050); // the store changes under the cache
    constexpr int kProcesses = 5;
    const auto results = openInProcesses(store, dir, kProcesses);
    EXPECT_EQ(countOutcome(results, CacheOutcome::RebuiltStale), 1);
    EXPECT_EQ(countOutcome(results, CacheOutcome::Hit), kProcesses - 1);
    for (const ProcessResult& r : results)
        EXPECT_NEAR(r.overlap, 150 * 100, 1e-6); // every process sees the new red line
    EXPECT_EQ(openPreparedStore(store).outcome, CacheOutcome::Hit);
}

TEST_F(StoreCache, ProcessesStartingTogetherOnADamagedCacheRebuildItOnce)
{
    ASSERT_EQ(openPreparedStore(store).outcome, CacheOutcome::Built);
    damage(cache, static_cast<std::streamoff>(fs::file_size(cache)) - 100);
    constexpr int kProcesses = 5;
    const auto results = openInProcesses(store, dir, kProcesses);
    EXPECT_EQ(countOutcome(results, CacheOutcome::RebuiltDamaged), 1);
    EXPECT_EQ(countOutcome(results, CacheOutcome::Hit), kProcesses - 1);
    for (const ProcessResult& r : results)
        EXPECT_NEAR(r.overlap, 100 * 100, 1e-6);
}

TEST_F(StoreCache, CliWarnsOnceWhenProcessesFindADamagedCache)
{
    ASSERT_EQ(openPreparedStore(store).outcome, CacheOutcome::Built);
    test::writeFile(cache, "not a cache at all");
    const auto run = screenInProcesses(store, dir, 4);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    // Only the process that rebuilt the cache says so; the others mapped its result.
    std::size_t warnings = 0;
    for (std::size_t at = run.err.find("warning:"); at != std::string::npos;
         at = run.err.find("warning:", at + 1))
        ++warnings;
    EXPECT_EQ(warnings, 1u) << run.err;
    EXPECT_NE(run.err.find("redline-cache"), std::string::npos) << run.err;
    for (int i = 0; i < 4; ++i)
        EXPECT_NE(test::readFile(dir.file("out" + std::to_string(i) + ".csv")).find("10000.0000"),
                  std::string::npos);
    EXPECT_EQ(openPreparedStore(store).outcome, CacheOutcome::Hit);
}
