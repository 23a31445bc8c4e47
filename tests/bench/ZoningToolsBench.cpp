// Zoning QA and statistics on the county workload (issue 13 item 6): `redline check` and
// `redline stats` without the process around them, on the store loaded once. The province
// figures come from scripts/bench-compare.sh --province (whole processes).
// Not a CI gate: no timed assertions. Figures go to docs/benchmarks.md.

#include <benchmark/benchmark.h>

#include "redline/qa/ZoningQa.hpp"
#include "redline/stats/ZoningStats.hpp"

#include "BenchData.hpp"

namespace
{

using namespace redline;

// Every QA check on every feature (validity, partitions, domains, water nesting, cross-layer
// conflicts, layer totals).
void BM_ZoningQa(benchmark::State& state)
{
    const auto store = bench::sharedStore();
    std::size_t findings = 0;
    for (auto _ : state)
    {
        const QaReport report = runZoningQa(store->layers(), store->analysisCrs());
        findings = report.findings.size();
        benchmark::DoNotOptimize(findings);
    }
    state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_ZoningQa)->Unit(benchmark::kMillisecond)->UseRealTime();

// Area of every layer and class, dissolved (planar and ellipsoidal).
void BM_ZoningStats(benchmark::State& state)
{
    const auto store = bench::sharedStore();
    std::size_t rows = 0;
    for (auto _ : state)
    {
        const std::vector<AreaRow> table =
            computeZoningStats(store->layers(), store->analysisCrs());
        rows = table.size();
        benchmark::DoNotOptimize(rows);
    }
    state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_ZoningStats)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
