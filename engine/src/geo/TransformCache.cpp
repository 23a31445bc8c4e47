#include "geo/TransformCache.hpp"

#include <memory>
#include <vector>

#include <ogr_spatialref.h>

namespace redline::detail
{

namespace
{

// The same CRS in every respect (PROJ's strict comparison, the data axis order included), so that
// one transformation serves both. Far cheaper than exporting either to WKT.
bool identical(const Crs& a, const Crs& b)
{
    const char* strict[] = {"CRITERION=STRICT", nullptr};
    const auto* x = static_cast<const OGRSpatialReference*>(a.nativeHandle());
    const auto* y = static_cast<const OGRSpatialReference*>(b.nativeHandle());
    return x->IsSame(y, strict) != 0;
}

struct Entry
{
    Entry(const Crs& f, const Crs& t) : from(f), to(t), transform(f, t) {}
    Crs from;
    Crs to;
    CrsTransform transform;
};

} // namespace

const CrsTransform& cachedTransform(const Crs& from, const Crs& to)
{
    // Entries never move or go away (callers keep references); the most recently used first.
    thread_local std::vector<std::unique_ptr<Entry>> cache;
    for (std::size_t i = 0; i < cache.size(); ++i)
    {
        if (!identical(cache[i]->to, to) || !identical(cache[i]->from, from))
            continue;
        if (i > 0)
            std::swap(cache[0], cache[i]);
        return cache[0]->transform;
    }
    cache.insert(cache.begin(), std::make_unique<Entry>(from, to));
    return cache[0]->transform;
}

} // namespace redline::detail
