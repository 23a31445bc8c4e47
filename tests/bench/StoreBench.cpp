// Shared-store benchmarks (issue 10, performance), on a throw-away PostgreSQL 15 + PostGIS cluster
// (tests/support/PgCluster) and the same files as the other benchmarks:
//   BM_LoadStore/GeoPackage|PostGIS   ZoningStore::load of the county workload (300 red-line
//                                     polygons, ~955k vertices) — target: PostGIS <= 2x GeoPackage
//   BM_CountyBatch/...                1,000 seeded sites in Yongjia county, store loading included:
//                                     the province store (redline-datagen --scale 30) in PostGIS
//                                     read through the sites' window, the same store read whole,
//                                     and a store holding the county alone — target: windowed
//                                     province <= 2x county alone
// Stores are generated once into $TMPDIR (redline-bench-county, redline-bench-province).

#include <filesystem>
#include <iostream>
#include <random>

#include <benchmark/benchmark.h>

#include "redline/analysis/Screening.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/model/StoreTransfer.hpp"
#include "redline/model/StoreWindow.hpp"
#include "redline/model/ZoningSource.hpp"
#include "redline/model/ZoningStore.hpp"
#include "redline/plugin/Registry.hpp"

#include "BenchData.hpp"
#include "BuiltinPlugins.hpp"
#include "PgCluster.hpp"

namespace fs = std::filesystem;

namespace redline::bench
{
namespace
{

struct Stores
{
    test::PgCluster* pg = nullptr;
    std::string countyGpkg;
    std::string countyPg;
    std::string provincePg;
    std::string provinceWholePg; // same store: read without a window
    std::string yongjiaPg;       // the county alone
    Layer countySites;
};

Layer sitesInYongjia(std::size_t count)
{
    // Parcels of 20-220 m a side, seeded, inside the county's envelope.
    std::mt19937 rng(20261130);
    std::uniform_real_distribution<double> x(535000, 593000), y(3103000, 3163000), side(20, 220);
    Layer sites;
    sites.name = "sites";
    sites.crs = Crs::fromEpsg(4549);
    sites.fieldNames = {"site_id"};
    for (std::size_t i = 0; i < count; ++i)
    {
        const double x0 = x(rng), y0 = y(rng), w = side(rng), h = side(rng);
        Feature f;
        f.fid = static_cast<std::int64_t>(i) + 1;
        f.geometry =
            Geometry::polygon({{x0, y0}, {x0 + w, y0}, {x0 + w, y0 + h}, {x0, y0 + h}, {x0, y0}});
        f.attributes.set("site_id", "C" + std::to_string(i));
        sites.features.push_back(std::move(f));
    }
    return sites;
}

const Stores& stores()
{
    static const Stores s = []
    {
        Stores out;
        std::string whyNot;
        out.pg = test::PgCluster::get(&whyNot);
        if (!out.pg)
        {
            std::cerr << "redline_store_bench: " << whyNot << "\n";
            return out;
        }
        out.countyGpkg = zoningPath();
        const fs::path province = fs::temp_directory_path() / "redline-bench-province";
        if (!fs::exists(province / "catalog.yaml"))
        {
            std::cerr << "redline_store_bench: writing the x30 province store to " << province
                      << "\n";
            const std::string cmd = std::string("'") + REDLINE_DATAGEN +
                                    "' --scale 30 --sites 0 "
                                    "--quiet --shared '" +
                                    REDLINE_SHARED_DIR + "' --out '" + province.string() + "'";
            if (std::system(cmd.c_str()) != 0)
                throw std::runtime_error("redline-datagen failed");
        }
        const std::string db = out.pg->createDatabase();
        std::cerr << "redline_store_bench: pushing the stores into PostGIS\n";
        out.countyPg = db + " schemas=county";
        (void)pushStore(out.countyGpkg, out.countyPg, {});
        out.provincePg = db + " schemas=province";
        (void)pushStore((province / "catalog.yaml").string(), out.provincePg, {});
        out.yongjiaPg = db + " schemas=yongjia";
        (void)pushStore(std::string(REDLINE_SOURCE_DIR) + "/datasets/yongjia/catalog.yaml",
                        out.yongjiaPg, {});
        out.countySites = sitesInYongjia(1000);
        return out;
    }();
    return s;
}

void loadStore(benchmark::State& state, bool postgis)
{
    const Stores& s = stores();
    if (!s.pg)
        return state.SkipWithError("no PostgreSQL/PostGIS");
    StoreReadOptions o;
    o.analysisCrs = Crs::fromEpsg(4549);
    std::size_t vertices = 0;
    for (auto _ : state)
    {
        const auto store = ZoningStore::load(postgis ? s.countyPg : s.countyGpkg, o);
        vertices = 0;
        for (const auto& zl : store->layers())
            for (const auto& f : zl.layer->features)
                vertices += f.geometry.vertexCount();
    }
    state.counters["vertices"] = static_cast<double>(vertices);
}

void BM_LoadStore_GeoPackage(benchmark::State& state)
{
    loadStore(state, false);
}
void BM_LoadStore_PostGIS(benchmark::State& state)
{
    loadStore(state, true);
}

enum class Batch
{
    ProvinceWindow,
    ProvinceWhole,
    CountyAlone
};

void countyBatch(benchmark::State& state, Batch batch)
{
    const Stores& s = stores();
    if (!s.pg)
        return state.SkipWithError("no PostgreSQL/PostGIS");
    Registry registry;
    registerBuiltinPlugins(registry);
    const auto rules = registry.ruleSet("none");
    std::size_t features = 0;
    std::size_t hits = 0;
    for (auto _ : state)
    {
        // What `redline screen` does: open, window from the sites, load, screen.
        const auto source =
            ZoningSource::open(batch == Batch::CountyAlone ? s.yongjiaPg : s.provincePg);
        StoreReadOptions o;
        o.analysisCrs = source->analysisCrs();
        if (batch == Batch::ProvinceWindow)
            o.window = screeningWindow(s.countySites, source->catalog().layers, std::nullopt,
                                       source->extent(o.analysisCrs));
        const auto store = ZoningStore::load(*source, o);
        Screening screening(store, rules, ScreeningOptions{});
        const auto results = screening.run(s.countySites);
        features = 0;
        for (const auto& zl : store->layers())
            features += zl.layer->features.size();
        hits = 0;
        for (const auto& r : results)
            hits += r.hits.size();
    }
    state.counters["zones_loaded"] = static_cast<double>(features);
    state.counters["hits"] = static_cast<double>(hits);
}

void BM_CountyBatch_ProvinceWindow(benchmark::State& state)
{
    countyBatch(state, Batch::ProvinceWindow);
}
void BM_CountyBatch_ProvinceWhole(benchmark::State& state)
{
    countyBatch(state, Batch::ProvinceWhole);
}
void BM_CountyBatch_CountyAlone(benchmark::State& state)
{
    countyBatch(state, Batch::CountyAlone);
}

BENCHMARK(BM_LoadStore_GeoPackage)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_LoadStore_PostGIS)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CountyBatch_ProvinceWindow)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CountyBatch_ProvinceWhole)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CountyBatch_CountyAlone)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
} // namespace redline::bench
