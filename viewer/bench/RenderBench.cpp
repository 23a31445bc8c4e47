// Render benchmark (issue 5: full-extent redraw under 50 ms on 2 cores, county and x30 stores).
// Renders what the canvas's render job renders: every layer of the store, labels on, into a
// 1000 x 800 px image. The x30 store is the county's zoning tiled 6 x 5 times on a grid (as the
// dataset generator's --scale 30 does); set REDLINE_SCALED_STORE to a generated store to use it
// instead. Run: QT_QPA_PLATFORM=offscreen build/viewer/viewer/redline_render_bench
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <cstdlib>
#include <memory>

#include <benchmark/benchmark.h>

#include "redline/io/VectorReader.hpp"
#include "redline/model/ZoningStore.hpp"

#include "render/Fonts.hpp"
#include "render/MapRenderer.hpp"
#include "render/StoreLayers.hpp"

using namespace redline;

namespace
{

const char* kCountyStore = REDLINE_SOURCE_DIR "/datasets/yongjia/catalog.yaml";

std::shared_ptr<const Layer> tiled(const Layer& in, int cols, int rows, double dx, double dy)
{
    auto out = std::make_shared<Layer>();
    out->name = in.name;
    out->crs = in.crs;
    out->fieldNames = in.fieldNames;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            for (const Feature& f : in.features)
            {
                std::vector<Part> parts = f.geometry.parts();
                for (Part& p : parts)
                    for (Ring& ring : p)
                        for (Point& pt : ring)
                        {
                            pt.x += c * dx;
                            pt.y += r * dy;
                        }
                Feature g;
                g.fid = f.fid;
                g.attributes = f.attributes;
                g.geometry = Geometry(f.geometry.type(), std::move(parts));
                out->features.push_back(std::move(g));
            }
    return out;
}

struct Fixture
{
    std::vector<RenderLayer> layers;
    Envelope extent;
    std::size_t vertices = 0;
    std::size_t features = 0;
};

Envelope extentOf(const std::vector<RenderLayer>& layers)
{
    Envelope e;
    for (const RenderLayer& l : layers)
        if (l.kind != "neighbours")
            e.expandToInclude(l.cache->extent());
    return e;
}

void count(Fixture& f)
{
    for (const RenderLayer& l : f.layers)
        for (const Feature& ft : l.cache->layer().features)
        {
            f.vertices += ft.geometry.vertexCount();
            ++f.features;
        }
}

const Fixture& county()
{
    static const Fixture f = []
    {
        Fixture x;
        x.layers = renderLayersOf(*ZoningStore::load(kCountyStore));
        x.extent = extentOf(x.layers);
        count(x);
        return x;
    }();
    return f;
}

const Fixture& scaled30()
{
    static const Fixture f = []
    {
        Fixture x;
        if (const char* path = std::getenv("REDLINE_SCALED_STORE"))
        {
            x.layers = renderLayersOf(*ZoningStore::load(path));
        }
        else
        {
            const auto store = ZoningStore::load(kCountyStore);
            const Envelope e = extentOf(renderLayersOf(*store));
            std::vector<ZoneLayer> zones;
            for (ZoneLayer z : store->layers())
            {
                if (z.kind == "neighbours")
                    continue; // the neighbours would overlap the tiles
                z.layer = tiled(*z.layer, 6, 5, e.width(), e.height());
                zones.push_back(std::move(z));
            }
            x.layers = renderLayersOf(ZoningStore("x30", store->analysisCrs(), std::move(zones)));
        }
        x.extent = extentOf(x.layers);
        count(x);
        return x;
    }();
    return f;
}

void renderOnce(const Fixture& f, const Envelope& extent, double lodPx, bool labels,
                double margin = 0.03)
{
    RenderRequest req;
    req.view = MapTransform::fit(extent, QSizeF(1000, 800), 96, margin);
    req.layers = f.layers;
    req.labels = labels;
    req.lodTolerancePx = lodPx;
    QImage img(1000, 800, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter p(&img);
        MapRenderer::render(req, p);
    }
    // REDLINE_RENDER_PNG=prefix: keep the frame to look at (prefix + lod + ".png").
    if (const char* png = std::getenv("REDLINE_RENDER_PNG"))
        img.save(QString::fromUtf8(png) + QString::number(lodPx) + ".png");
}

void report(benchmark::State& state, const Fixture& f)
{
    state.counters["features"] = static_cast<double>(f.features);
    state.counters["vertices"] = static_cast<double>(f.vertices);
}

void BM_FullExtent_County(benchmark::State& state)
{
    const Fixture& f = county();
    for (auto _ : state)
        renderOnce(f, f.extent, 0.5, true);
    report(state, f);
}

void BM_FullExtent_County_NoLod(benchmark::State& state)
{
    const Fixture& f = county();
    for (auto _ : state)
        renderOnce(f, f.extent, 0.0, true);
    report(state, f);
}

void BM_FullExtent_X30(benchmark::State& state)
{
    const Fixture& f = scaled30();
    for (auto _ : state)
        renderOnce(f, f.extent, 0.5, true);
    report(state, f);
}

// The canvas's own level of detail (RenderRequest's default, 1 px: MapCanvas sets no other).
void BM_FullExtent_X30_CanvasLod(benchmark::State& state)
{
    const Fixture& f = scaled30();
    for (auto _ : state)
        renderOnce(f, f.extent, RenderRequest{}.lodTolerancePx, true);
    report(state, f);
}

// Every frame at another scale (the margin alternates between 3 % and 4 %), as after each zoom
// step: no pixel path of the layer caches can be reused.
void BM_FullExtent_X30_CanvasLod_NewScale(benchmark::State& state)
{
    const Fixture& f = scaled30();
    bool other = false;
    for (auto _ : state)
    {
        renderOnce(f, f.extent, RenderRequest{}.lodTolerancePx, true, other ? 0.04 : 0.03);
        other = !other;
    }
    report(state, f);
}

void BM_FullExtent_X30_NoLod(benchmark::State& state)
{
    const Fixture& f = scaled30();
    for (auto _ : state)
        renderOnce(f, f.extent, 0.0, true);
    report(state, f);
}

void BM_Zoomed_County_1to10000(benchmark::State& state)
{
    const Fixture& f = county();
    // 1000 px at 96 dpi and 1:10,000 is 2.65 km across.
    const double cx = (f.extent.minX + f.extent.maxX) / 2;
    const double cy = (f.extent.minY + f.extent.maxY) / 2;
    const Envelope e{cx - 1323, cy - 1058, cx + 1323, cy + 1058};
    for (auto _ : state)
        renderOnce(f, e, 0.5, true);
    report(state, f);
}

void BM_BuildCaches_X30(benchmark::State& state)
{
    const Fixture& f = scaled30();
    for (auto _ : state)
        for (const RenderLayer& l : f.layers)
            benchmark::DoNotOptimize(LayerCache(std::make_shared<const Layer>(l.cache->layer())));
    report(state, f);
}

} // namespace

BENCHMARK(BM_FullExtent_County)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FullExtent_County_NoLod)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FullExtent_X30)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FullExtent_X30_CanvasLod)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FullExtent_X30_CanvasLod_NewScale)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FullExtent_X30_NoLod)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Zoomed_County_1to10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildCaches_X30)->Unit(benchmark::kMillisecond)->Iterations(2);

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    gdalInit();
    QGuiApplication app(argc, argv);
    ensureCjkFont();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
