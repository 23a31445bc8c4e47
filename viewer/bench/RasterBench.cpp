// Raster basemap benchmark (issue 14: a 2 GB GeoTIFF with overviews pans and zooms with each
// redraw ≤ 50 ms). One redraw is what the canvas's render job does for the basemap: read the
// view's extent through the overview the zoom needs and paint it into a 1000 × 800 px image.
// Panning moves the view by a tenth of its width per redraw (new strips of blocks each time, as
// dragging does); zooming steps through the scales between the whole raster and 1 m per pixel.
// The raster: REDLINE_BENCH_RASTER, or build/demo/relief-2gb.tif from scripts/big-basemap.sh.
// Run: QT_QPA_PLATFORM=offscreen build/release/viewer/redline_raster_bench
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <array>
#include <cstdlib>
#include <memory>

#include <benchmark/benchmark.h>

#include "redline/io/VectorReader.hpp"
#include "redline/model/ZoningStore.hpp"
#include "redline/raster/RasterSource.hpp"

#include "render/ExtraLayers.hpp"
#include "render/MapRenderer.hpp"
#include "render/StoreLayers.hpp"

using namespace redline;

namespace
{

const QSizeF kSize(1000, 800);

std::shared_ptr<const RasterSource> raster()
{
    static const auto r = []
    {
        const char* env = std::getenv("REDLINE_BENCH_RASTER");
        const std::string path =
            env != nullptr ? env : REDLINE_SOURCE_DIR "/build/demo/relief-2gb.tif";
        return RasterSource::open(path, Crs::fromEpsg(4549));
    }();
    return r;
}

void redraw(const std::vector<RenderLayer>& layers, const MapTransform& view)
{
    RenderRequest req;
    req.view = view;
    req.layers = layers;
    QImage img(kSize.toSize(), QImage::Format_ARGB32_Premultiplied);
    QPainter p(&img);
    MapRenderer::render(req, p);
}

void describe(benchmark::State& state)
{
    const RasterInfo& i = raster()->info();
    state.counters["width"] = i.width;
    state.counters["height"] = i.height;
    state.counters["overviews"] = static_cast<double>(i.overviewWidths.size());
}

// Pans east and back across the raster at `metresPerPixel`.
void pan(benchmark::State& state, double metresPerPixel, bool withZoning)
{
    std::vector<RenderLayer> layers{basemapLayer(raster())};
    if (withZoning)
        for (RenderLayer& l : renderLayersOf(
                 *ZoningStore::load(REDLINE_SOURCE_DIR "/datasets/yongjia/catalog.yaml")))
            layers.push_back(std::move(l));
    const Envelope e = raster()->info().extent;
    const double step = kSize.width() * metresPerPixel / 10;
    const double span = e.width() - kSize.width() * metresPerPixel;
    double x = 0;
    double dir = 1;
    for (auto _ : state)
    {
        redraw(layers, MapTransform(
                           {e.minX + kSize.width() * metresPerPixel / 2 + x, (e.minY + e.maxY) / 2},
                           metresPerPixel, kSize));
        x += dir * step;
        if (x > span || x < 0)
        {
            dir = -dir;
            x += 2 * dir * step;
        }
    }
    state.counters["overview"] = raster()->overviewFor(metresPerPixel);
    describe(state);
}

void BM_Pan_FullResolution(benchmark::State& state)
{
    pan(state, raster()->info().pixelSizeM, false);
}

void BM_Pan_1m(benchmark::State& state)
{
    pan(state, 1.0, false);
}

void BM_Pan_4xOverview(benchmark::State& state)
{
    pan(state, raster()->info().pixelSizeM * 4.5, false);
}

void BM_Pan_FullResolution_WithZoning(benchmark::State& state)
{
    pan(state, raster()->info().pixelSizeM, true);
}

// Zooms in and out between the whole raster and 1 m per pixel about the centre, by √2 steps.
void BM_Zoom(benchmark::State& state)
{
    const std::vector<RenderLayer> layers{basemapLayer(raster())};
    const Envelope e = raster()->info().extent;
    std::vector<double> scales;
    for (double mpp = e.width() / kSize.width(); mpp > 1; mpp /= 1.41421356)
        scales.push_back(mpp);
    std::size_t i = 0;
    int dir = 1;
    for (auto _ : state)
    {
        redraw(layers, MapTransform({(e.minX + e.maxX) / 2 + 123.4, (e.minY + e.maxY) / 2 - 56.7},
                                    scales[i], kSize));
        if (i + 1 == scales.size() || (i == 0 && dir < 0))
            dir = -dir;
        i = static_cast<std::size_t>(static_cast<int>(i) + dir);
    }
    describe(state);
}

} // namespace

BENCHMARK(BM_Pan_FullResolution)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Pan_1m)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Pan_4xOverview)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Pan_FullResolution_WithZoning)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Zoom)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    gdalInit();
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
