// One `redline serve` screening without the HTTP and the ledger (issue 11's load benchmark, taken
// apart): a single site sent as inline GeoJSON in CRS84, loaded from memory, screened on the
// Yongjia demo store with the default rule set and written as the JSON answer. Counters give the
// mean CPU microseconds of the calling thread in each stage (CPU, not wall time: the figures stay
// meaningful on a busy machine); the same kind of 2,000 random 20–300 m squares as
// scripts/serve-load.sh draws (not the same random numbers), in turn.
// Not a CI gate: no timed assertions.

#include <ctime>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <ogr_spatialref.h>

#include "redline/api/ScreeningEngine.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/plugin/Registry.hpp"

#include "BuiltinPlugins.hpp"

namespace
{

using namespace redline;

// CPU time of the calling thread, in microseconds.
double threadCpuUs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

// Single-feature GeoJSON bodies in CRS84, projected from EPSG:4549 by GDAL/PROJ directly.
std::vector<std::string> siteBodies(std::size_t n)
{
    OGRSpatialReference from;
    OGRSpatialReference to;
    from.importFromEPSG(4549);
    to.SetFromUserInput("OGC:CRS84");
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    to.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const auto transform =
        std::unique_ptr<OGRCoordinateTransformation>(OGRCreateCoordinateTransformation(&from, &to));
    std::mt19937 random(11);
    std::uniform_real_distribution<double> xs(545000, 590000);
    std::uniform_real_distribution<double> ys(3105000, 3155000);
    std::uniform_real_distribution<double> ws(20, 300);
    std::vector<std::string> bodies;
    for (std::size_t i = 0; i < n; ++i)
    {
        const double x = xs(random);
        const double y = ys(random);
        const double w = ws(random);
        double px[5] = {x, x + w, x + w, x, x};
        double py[5] = {y, y, y + w, y + w, y};
        transform->Transform(5, px, py);
        std::ostringstream body;
        body.precision(10);
        body << R"({"type":"Feature","properties":{"site_id":"L)" << i
             << R"("},"geometry":{"type":"Polygon","coordinates":[[)";
        for (int k = 0; k < 5; ++k)
            body << (k ? "," : "") << '[' << px[k] << ',' << py[k] << ']';
        body << "]]}}";
        bodies.push_back(body.str());
    }
    return bodies;
}

void BM_ServiceRequestStages(benchmark::State& state)
{
    gdalInit();
    Registry registry;
    registerBuiltinPlugins(registry);
    EngineConfig config;
    config.zones = std::string(REDLINE_SOURCE_DIR) + "/datasets/yongjia/catalog.yaml";
    const ScreeningEngine engine(registry, config);
    const auto json = registry.reportExporter("json");
    const std::vector<std::string> bodies = siteBodies(2000);
    double loadUs = 0;
    double screenUs = 0;
    double writeUs = 0;
    std::size_t next = 0;
    std::size_t requests = 0;
    for (auto _ : state)
    {
        ScreeningRequest request;
        request.sitesPath = "sites.geojson";
        request.sitesData = bodies[next];
        request.overlapGeometry = false; // as the service: overlaps measured, not drawn
        next = (next + 1) % bodies.size();
        const double t0 = threadCpuUs();
        const Layer sites = engine.loadSites(request);
        const double t1 = threadCpuUs();
        const ScreeningReport report = engine.screen(request, sites);
        const double t2 = threadCpuUs();
        std::ostringstream out;
        json->write(report, out);
        const double t3 = threadCpuUs();
        benchmark::DoNotOptimize(out.str());
        loadUs += t1 - t0;
        screenUs += t2 - t1;
        writeUs += t3 - t2;
        ++requests;
    }
    const auto mean = [&](double total) { return total / static_cast<double>(requests); };
    state.counters["load_us"] = mean(loadUs);
    state.counters["screen_us"] = mean(screenUs);
    state.counters["json_us"] = mean(writeUs);
}
BENCHMARK(BM_ServiceRequestStages)->Unit(benchmark::kMicrosecond)->MinTime(3.0);

} // namespace
