// GEOS costs behind one site x zone pair, on the county workload's candidate pairs (envelopes
// intersect): prepared vs plain intersects, and the overlay with and without the engine's two
// short-cuts (clip the zone to the site's neighbourhood; skip the overlay when the zone
// properly contains the site). All on one thread, one GEOS context (reentrant API only).

#include <benchmark/benchmark.h>

#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <vector>

#include "BenchData.hpp"

namespace
{

using namespace redline;

void geosMessage(const char* fmt, ...)
{
    std::va_list ap;
    va_start(ap, fmt);
    std::vfprintf(stderr, fmt, ap);
    va_end(ap);
    std::fputc('\n', stderr);
}

GEOSContextHandle_t context()
{
    static const GEOSContextHandle_t ctx = []
    {
        GEOSContextHandle_t h = GEOS_init_r();
        GEOSContext_setErrorHandler_r(h, geosMessage);
        return h;
    }();
    return ctx;
}

GEOSCoordSequence* sequence(const Ring& ring)
{
    GEOSCoordSequence* s = GEOSCoordSeq_create_r(context(), static_cast<unsigned>(ring.size()), 2);
    for (unsigned i = 0; i < ring.size(); ++i)
        GEOSCoordSeq_setXY_r(context(), s, i, ring[i].x, ring[i].y);
    return s;
}

GEOSGeometry* part(const Geometry& g, const Part& p)
{
    const auto h = context();
    switch (g.dimension())
    {
    case Dimension::Point:
        return GEOSGeom_createPoint_r(h, sequence(p.front()));
    case Dimension::Line:
        return GEOSGeom_createLineString_r(h, sequence(p.front()));
    case Dimension::Area:
        break;
    }
    std::vector<GEOSGeometry*> holes;
    for (std::size_t i = 1; i < p.size(); ++i)
        holes.push_back(GEOSGeom_createLinearRing_r(h, sequence(p[i])));
    return GEOSGeom_createPolygon_r(h, GEOSGeom_createLinearRing_r(h, sequence(p.front())),
                                    holes.data(), static_cast<unsigned>(holes.size()));
}

GEOSGeometry* toGeos(const Geometry& g)
{
    std::vector<GEOSGeometry*> parts;
    for (const auto& p : g.parts())
        parts.push_back(part(g, p));
    switch (g.type())
    {
    case GeometryType::MultiPoint:
        return GEOSGeom_createCollection_r(context(), GEOS_MULTIPOINT, parts.data(),
                                           static_cast<unsigned>(parts.size()));
    case GeometryType::MultiLineString:
        return GEOSGeom_createCollection_r(context(), GEOS_MULTILINESTRING, parts.data(),
                                           static_cast<unsigned>(parts.size()));
    case GeometryType::MultiPolygon:
        return GEOSGeom_createCollection_r(context(), GEOS_MULTIPOLYGON, parts.data(),
                                           static_cast<unsigned>(parts.size()));
    default:
        return parts.front();
    }
}

struct Pair
{
    std::size_t site;
    std::size_t zone;
};

// GEOS copies of the workload (kept for the whole process; freed by the OS at exit).
struct GeosWorkload
{
    GeosWorkload()
    {
        for (const auto& l : bench::sharedStore()->layers())
            for (const auto& f : l.layer->features)
            {
                zoneEnv.push_back(f.geometry.envelope());
                zones.push_back(toGeos(f.geometry));
                prepared.push_back(GEOSPrepare_r(context(), zones.back()));
            }
        for (const auto& f : bench::allSites().features)
        {
            siteEnv.push_back(f.geometry.envelope());
            sites.push_back(toGeos(f.geometry));
            areal.push_back(f.geometry.dimension() == Dimension::Area);
        }
        for (std::size_t s = 0; s < sites.size(); ++s)
            for (std::size_t z = 0; z < zones.size(); ++z)
                if (siteEnv[s].intersects(zoneEnv[z]))
                    candidates.push_back({s, z});
        // Warm every prepared geometry's lazily built indexes, then keep a 1-in-4 sample of
        // the areal overlapping pairs for the (slow) overlay benchmarks.
        std::size_t n = 0;
        for (const auto& p : candidates)
            if (GEOSPreparedIntersects_r(context(), prepared[p.zone], sites[p.site]) == 1 &&
                areal[p.site] && n++ % 4 == 0)
                overlapping.push_back(p);
    }
    std::vector<GEOSGeometry*> zones;
    std::vector<const GEOSPreparedGeometry*> prepared;
    std::vector<Envelope> zoneEnv;
    std::vector<GEOSGeometry*> sites;
    std::vector<Envelope> siteEnv;
    std::vector<bool> areal;
    std::vector<Pair> candidates;
    std::vector<Pair> overlapping;
};

const GeosWorkload& workload()
{
    static const GeosWorkload w;
    return w;
}

struct Plain
{
    static bool intersects(const GeosWorkload& w, const Pair& p)
    {
        return GEOSIntersects_r(context(), w.zones[p.zone], w.sites[p.site]) == 1;
    }
};

struct Prepared
{
    static bool intersects(const GeosWorkload& w, const Pair& p)
    {
        return GEOSPreparedIntersects_r(context(), w.prepared[p.zone], w.sites[p.site]) == 1;
    }
};

template <typename Mode> void BM_IntersectsCandidates(benchmark::State& state)
{
    const auto& w = workload();
    std::size_t hits = 0;
    for (auto _ : state)
    {
        hits = 0;
        for (const auto& p : w.candidates)
            hits += Mode::intersects(w, p);
        benchmark::DoNotOptimize(hits);
    }
    state.counters["pairs"] = static_cast<double>(w.candidates.size());
    state.counters["intersecting"] = static_cast<double>(hits);
}
BENCHMARK_TEMPLATE(BM_IntersectsCandidates, Plain)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_IntersectsCandidates, Prepared)->Unit(benchmark::kMillisecond);

double areaOf(GEOSGeometry* g)
{
    double a = 0;
    GEOSArea_r(context(), g, &a);
    GEOSGeom_destroy_r(context(), g);
    return a;
}

// ST_Area(ST_Intersection(site, zone)) as PostGIS does it: overlay with the whole zone.
struct FullOverlay
{
    static double area(const GeosWorkload& w, const Pair& p)
    {
        return areaOf(GEOSIntersection_r(context(), w.zones[p.zone], w.sites[p.site]));
    }
};

// Clip the zone to the site's envelope (grown by 1 %) first: the overlay nodes only the zone
// segments near the site.
struct ClippedOverlay
{
    static double area(const GeosWorkload& w, const Pair& p)
    {
        const Envelope& e = w.siteEnv[p.site];
        const double m = std::max(1.0, 0.01 * std::max(e.width(), e.height()));
        GEOSGeometry* clipped = GEOSClipByRect_r(context(), w.zones[p.zone], e.minX - m, e.minY - m,
                                                 e.maxX + m, e.maxY + m);
        const double a = areaOf(GEOSIntersection_r(context(), clipped, w.sites[p.site]));
        GEOSGeom_destroy_r(context(), clipped);
        return a;
    }
};

// The engine's path: prepared containsProperly first (the overlap is then the site itself),
// else the clipped overlay.
struct ContainsThenClipped
{
    static double area(const GeosWorkload& w, const Pair& p)
    {
        if (GEOSPreparedContainsProperly_r(context(), w.prepared[p.zone], w.sites[p.site]) == 1)
        {
            double a = 0;
            GEOSArea_r(context(), w.sites[p.site], &a);
            return a;
        }
        return ClippedOverlay::area(w, p);
    }
};

template <typename Mode> void BM_OverlapArea(benchmark::State& state)
{
    const auto& w = workload();
    double total = 0;
    for (auto _ : state)
    {
        total = 0;
        for (const auto& p : w.overlapping)
            total += Mode::area(w, p);
        benchmark::DoNotOptimize(total);
    }
    state.counters["pairs"] = static_cast<double>(w.overlapping.size());
    state.counters["total_m2"] = total;
    state.counters["pairs_per_s"] = benchmark::Counter(
        static_cast<double>(w.overlapping.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK_TEMPLATE(BM_OverlapArea, FullOverlay)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_OverlapArea, ClippedOverlay)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_OverlapArea, ContainsThenClipped)->Unit(benchmark::kMillisecond);

} // namespace
