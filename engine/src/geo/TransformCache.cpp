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

struct BaseEntry
{
    explicit BaseEntry(const Crs& f) : from(f), transform(f, f.geographicBase()) {}
    Crs from;
    CrsTransform transform;
};

// The entry whose key matches, moved to the front (most recently used first), or nullptr.
template <class Entries, class Matches>
typename Entries::value_type::element_type* findFront(Entries& cache, Matches matches)
{
    for (std::size_t i = 0; i < cache.size(); ++i)
    {
        if (!matches(*cache[i]))
            continue;
        if (i > 0)
            std::swap(cache[0], cache[i]);
        return cache[0].get();
    }
    return nullptr;
}

} // namespace

const CrsTransform& cachedTransformToGeographicBase(const Crs& from)
{
    // Entries never move or go away (callers keep references).
    thread_local std::vector<std::unique_ptr<BaseEntry>> cache;
    if (auto* e = findFront(cache, [&](const BaseEntry& b) { return identical(b.from, from); }))
        return e->transform;
    cache.insert(cache.begin(), std::make_unique<BaseEntry>(from));
    return cache[0]->transform;
}

const CrsTransform& cachedTransform(const Crs& from, const Crs& to)
{
    // Entries never move or go away (callers keep references); the most recently used first.
    thread_local std::vector<std::unique_ptr<Entry>> cache;
    if (auto* e = findFront(cache, [&](const Entry& x)
                            { return identical(x.to, to) && identical(x.from, from); }))
        return e->transform;
    cache.insert(cache.begin(), std::make_unique<Entry>(from, to));
    return cache[0]->transform;
}

} // namespace redline::detail
