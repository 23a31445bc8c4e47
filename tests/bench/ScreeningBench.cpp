// Screening benchmarks on the county workload (issues 2 and 13): store loading and preparing,
// opening through the store cache, the full batch of sites on 1 and on all threads, and
// single-site latency quantiles.
// Not a CI gate: no timed assertions. Figures go to docs/benchmarks.md.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

#include "BenchData.hpp"
#include "redline/analysis/Screening.hpp"
#include "redline/cache/StoreCache.hpp"

namespace
{

using namespace redline;
using Clock = std::chrono::steady_clock;

ScreeningOptions overlapOnly(unsigned threads)
{
    ScreeningOptions o;
    o.bufferM = 0; // the PostGIS task: overlaps and edge contacts, no proximity buffer
    o.threads = threads;
    return o;
}

std::shared_ptr<const RuleSet> noRules()
{
    return std::make_shared<const OverlapOnlyRuleSet>();
}

std::size_t countHits(const std::vector<SiteResult>& results)
{
    std::size_t n = 0;
    for (const auto& r : results)
        n += r.hits.size();
    return n;
}

// Loading the GeoPackage store (read, reproject, validate) plus preparing it (flat arrays, zone
// R-tree and edge indexes): what the first run after a store change pays.
void BM_LoadAndPrepareStore(benchmark::State& state)
{
    const std::string path = bench::zoningPath();
    std::size_t zones = 0;
    for (auto _ : state)
    {
        const auto prepared = PreparedStore::build(*ZoningStore::load(path, Crs::fromEpsg(4549)));
        zones = prepared->zones().size();
        benchmark::DoNotOptimize(prepared.get());
    }
    state.counters["zones"] = static_cast<double>(zones);
}
BENCHMARK(BM_LoadAndPrepareStore)->Unit(benchmark::kMillisecond)->UseRealTime();

// Opening the store through its cache (content key, hash check, mapping, zone attributes): what
// every later run pays.
void BM_OpenCachedStore(benchmark::State& state)
{
    const std::string path = bench::zoningPath();
    StoreCacheOptions o;
    o.analysisCrs = Crs::fromEpsg(4549);
    benchmark::DoNotOptimize(openPreparedStore(path, o)); // writes the cache if needed
    for (auto _ : state)
    {
        const CachedStore c = openPreparedStore(path, o);
        if (c.outcome != CacheOutcome::Hit)
            state.SkipWithError("the store cache was not used");
        benchmark::DoNotOptimize(c.store.get());
    }
}
BENCHMARK(BM_OpenCachedStore)->Unit(benchmark::kMillisecond)->UseRealTime();

// The whole batch on the prepared store. Arg 0 = worker threads (0 = all cores); arg 1 = 1 to
// build every partial overlap's geometry (map outputs) instead of measuring it from the edges.
void BM_ScreenBatch(benchmark::State& state)
{
    const auto store = bench::sharedPreparedStore();
    const Layer& sites = bench::allSites();
    const auto threads = static_cast<unsigned>(state.range(0));
    ScreeningOptions options = overlapOnly(threads);
    options.overlapGeometry = state.range(1) != 0;
    std::size_t hits = 0;
    for (auto _ : state)
    {
        const Screening screening(store, noRules(), options);
        const auto results = screening.run(sites);
        hits = countHits(results);
    }
    state.counters["sites"] = static_cast<double>(sites.features.size());
    state.counters["hits"] = static_cast<double>(hits);
    state.counters["threads"] =
        threads ? threads : static_cast<double>(std::thread::hardware_concurrency());
    state.counters["sites_per_s"] = benchmark::Counter(
        static_cast<double>(sites.features.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ScreenBatch)
    ->ArgNames({"threads", "geometry"})
    ->Args({1, 0})
    ->Args({0, 0})
    ->Args({1, 1})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

// Single-site latency after loading: every site screened alone with screenOne() on the calling
// thread, each call timed; quantiles are reported as counters in microseconds. Arg 0: a fresh
// Screening (first touch of the store's pages, like an interactive check right after start-up);
// Arg 1: warm (every site screened once before, as in the service).
void BM_SingleSiteLatency(benchmark::State& state)
{
    const auto store = bench::sharedPreparedStore();
    const Layer& sites = bench::allSites();
    const bool warm = state.range(0) != 0;
    std::vector<double> us;
    for (auto _ : state)
    {
        Screening screening(store, noRules(), overlapOnly(1));
        if (warm)
            for (std::size_t i = 0; i < sites.features.size(); ++i)
                benchmark::DoNotOptimize(screening.screenOne(sites.features[i], i));
        us.clear();
        us.reserve(sites.features.size());
        for (std::size_t i = 0; i < sites.features.size(); ++i)
        {
            const auto t0 = Clock::now();
            auto r = screening.screenOne(sites.features[i], i);
            const auto t1 = Clock::now();
            benchmark::DoNotOptimize(r);
            us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
        }
    }
    std::sort(us.begin(), us.end());
    auto q = [&us](double p)
    {
        return us[std::min(us.size() - 1,
                           static_cast<std::size_t>(p * static_cast<double>(us.size())))];
    };
    state.counters["p50_us"] = q(0.50);
    state.counters["p90_us"] = q(0.90);
    state.counters["p99_us"] = q(0.99);
    state.counters["max_us"] = us.back();
    state.counters["sites"] = static_cast<double>(us.size());
}
BENCHMARK(BM_SingleSiteLatency)
    ->ArgName("warm")
    ->Arg(0)
    ->Arg(1)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

} // namespace
