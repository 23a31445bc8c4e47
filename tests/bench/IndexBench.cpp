// Candidate search over zone envelopes: packed vs inserted Boost.Geometry R-trees vs brute force,
// queried with every site envelope of the county workload (the screening's first step).

#include <benchmark/benchmark.h>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <iterator>
#include <vector>

#include "BenchData.hpp"

namespace
{

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using BPoint = bg::model::d2::point_xy<double>;
using Box = bg::model::box<BPoint>;
using Value = std::pair<Box, std::size_t>;

Box toBox(const redline::Envelope& e)
{
    return Box(BPoint(e.minX, e.minY), BPoint(e.maxX, e.maxY));
}

const std::vector<Value>& zoneBoxes()
{
    static const std::vector<Value> boxes = []
    {
        std::vector<Value> v;
        for (const auto& l : redline::bench::sharedStore()->layers())
            for (const auto& f : l.layer->features)
                v.emplace_back(toBox(f.geometry.envelope()), v.size());
        return v;
    }();
    return boxes;
}

const std::vector<Box>& siteBoxes()
{
    static const std::vector<Box> boxes = []
    {
        std::vector<Box> v;
        for (const auto& f : redline::bench::allSites().features)
            v.push_back(toBox(f.geometry.envelope()));
        return v;
    }();
    return boxes;
}

// The engine's choice: bulk-loaded (packing constructor), R*-tree parameters.
struct PackedRstar
{
    explicit PackedRstar(const std::vector<Value>& v) : tree(v.begin(), v.end()) {}
    template <typename Out> void query(const Box& b, Out out) const
    {
        tree.query(bgi::intersects(b), out);
    }
    bgi::rtree<Value, bgi::rstar<16>> tree;
};

struct InsertedRstar
{
    explicit InsertedRstar(const std::vector<Value>& v)
    {
        for (const auto& x : v)
            tree.insert(x);
    }
    template <typename Out> void query(const Box& b, Out out) const
    {
        tree.query(bgi::intersects(b), out);
    }
    bgi::rtree<Value, bgi::rstar<16>> tree;
};

struct InsertedQuadratic
{
    explicit InsertedQuadratic(const std::vector<Value>& v)
    {
        for (const auto& x : v)
            tree.insert(x);
    }
    template <typename Out> void query(const Box& b, Out out) const
    {
        tree.query(bgi::intersects(b), out);
    }
    bgi::rtree<Value, bgi::quadratic<16>> tree;
};

struct BruteForce
{
    explicit BruteForce(const std::vector<Value>& v) : values(v) {}
    template <typename Out> void query(const Box& b, Out out) const
    {
        for (const auto& x : values)
            if (bg::intersects(x.first, b))
                *out++ = x;
    }
    std::vector<Value> values;
};

template <typename Index> void BM_IndexBuild(benchmark::State& state)
{
    const auto& zones = zoneBoxes();
    for (auto _ : state)
    {
        Index index(zones);
        benchmark::DoNotOptimize(&index);
    }
    state.counters["zones"] = static_cast<double>(zones.size());
}

template <typename Index> void BM_IndexQuery(benchmark::State& state)
{
    const Index index(zoneBoxes());
    const auto& queries = siteBoxes();
    std::vector<Value> found;
    std::size_t candidates = 0;
    for (auto _ : state)
    {
        candidates = 0;
        for (const auto& q : queries)
        {
            found.clear();
            index.query(q, std::back_inserter(found));
            candidates += found.size();
        }
        benchmark::DoNotOptimize(candidates);
    }
    state.counters["candidates"] = static_cast<double>(candidates);
    state.counters["queries_per_s"] = benchmark::Counter(
        static_cast<double>(queries.size()), benchmark::Counter::kIsIterationInvariantRate);
}

BENCHMARK_TEMPLATE(BM_IndexBuild, PackedRstar)->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_IndexBuild, InsertedRstar)->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_IndexBuild, InsertedQuadratic)->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_IndexQuery, PackedRstar)->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_IndexQuery, InsertedRstar)->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_IndexQuery, InsertedQuadratic)->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_IndexQuery, BruteForce)->Unit(benchmark::kMicrosecond);

} // namespace
