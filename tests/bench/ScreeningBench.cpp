// Screening benchmarks on the county workload (issue 2, item 7): store loading and indexing, the
// full batch of sites on 1 and on all threads, and single-site latency quantiles.
// Not a CI gate: no timed assertions. Figures go to docs/benchmarks.md.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

#include "BenchData.hpp"
#include "redline/analysis/Screening.hpp"

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

// Loading the GeoPackage store (read, reproject, validate) plus building the screening index.
void BM_LoadAndIndexStore(benchmark::State& state)
{
    const std::string path = bench::zoningPath();
    std::size_t zones = 0;
    for (auto _ : state)
    {
        auto store = ZoningStore::load(path, Crs::fromEpsg(4549));
        Screening screening(store, noRules(), overlapOnly(0));
        zones = 0;
        for (const auto& l : store->layers())
            zones += l.layer->features.size();
        benchmark::DoNotOptimize(&screening);
    }
    state.counters["zones"] = static_cast<double>(zones);
}
BENCHMARK(BM_LoadAndIndexStore)->Unit(benchmark::kMillisecond)->UseRealTime();

// The whole batch from a fresh Screening each time (cold per-thread caches: zones are prepared
// on first use, as in one `redline screen` run). Arg = worker threads (0 = all cores).
void BM_ScreenBatchCold(benchmark::State& state)
{
    const auto store = bench::sharedStore();
    const Layer& sites = bench::allSites();
    const auto threads = static_cast<unsigned>(state.range(0));
    std::size_t hits = 0;
    for (auto _ : state)
    {
        Screening screening(store, noRules(), overlapOnly(threads));
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
BENCHMARK(BM_ScreenBatchCold)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

// The batch again on the same Screening (prepared zones already cached by each worker).
void BM_ScreenBatchWarm(benchmark::State& state)
{
    const auto store = bench::sharedStore();
    const Layer& sites = bench::allSites();
    const auto threads = static_cast<unsigned>(state.range(0));
    Screening screening(store, noRules(), overlapOnly(threads));
    benchmark::DoNotOptimize(screening.run(sites)); // warm-up, not measured
    for (auto _ : state)
        benchmark::DoNotOptimize(screening.run(sites));
    state.counters["sites_per_s"] = benchmark::Counter(
        static_cast<double>(sites.features.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ScreenBatchWarm)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

// Single-site latency after loading: every site screened alone with screenOne() on the calling
// thread, each call timed; quantiles are reported as counters in microseconds. Arg 0: a fresh
// Screening (zones prepared on first use, like an interactive check right after start-up);
// Arg 1: warm (every zone already prepared on this thread).
void BM_SingleSiteLatency(benchmark::State& state)
{
    const auto store = bench::sharedStore();
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
