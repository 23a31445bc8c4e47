#pragma once
// The store cache (issue 13): a PreparedStore written to one file — flat coordinates, envelopes,
// the packed R-tree over zones and every zone's edge index, plus layer options, zone ids, names
// and attributes — and mapped back with mmap, so that a run starts without reading the store.
//
// The file lives beside the store (`zoning.gpkg.redline-cache`, `catalog.yaml.redline-cache`), or
// in the cache folder when the store's folder is not writable. It is keyed by the store's content
// key (every file the store reads: size, modification time and an XXH3 hash of its bytes) and the
// analysis CRS: a cache whose key differs is stale and never used. Its bytes carry an XXH3 hash
// too: a damaged file is refused. Either way the cache is rebuilt from the store, written to a
// temporary file and renamed over the old one, under an exclusive lock on `<cache>.lock` so that
// processes starting together build it once; readers take no lock (a rename never changes what
// an open mapping sees).

#include <memory>
#include <string>

#include "redline/analysis/PreparedStore.hpp"

namespace redline
{

struct StoreCacheOptions
{
    Crs analysisCrs;      // invalid: the store's own (catalog) or EPSG:4549
    std::string cacheDir; // for stores whose folder is not writable; default
                          // $XDG_CACHE_HOME/redline, else ~/.cache/redline
    bool enabled = true;  // false: prepare in memory, never read or write a cache file
};

enum class CacheOutcome
{
    Hit,            // mapped a valid cache
    Built,          // there was none: built it
    RebuiltStale,   // the store changed: rebuilt it
    RebuiltDamaged, // the file was damaged (hash, size or layout): refused and rebuilt
    NotCached       // disabled, or no writable place: prepared in memory only
};

struct CachedStore
{
    std::shared_ptr<const PreparedStore> store;
    CacheOutcome outcome = CacheOutcome::NotCached;
    std::string cachePath; // the file used or written ("" when not cached)
    std::string note;      // one sentence for the user when the cache was (re)built or skipped
};

// Opens `storePath` (GeoPackage or catalog.yaml) through its cache. Throws what ZoningStore::load
// throws when the store itself must be read.
[[nodiscard]] CachedStore openPreparedStore(const std::string& storePath,
                                            const StoreCacheOptions& options = {});

// The content key of a store as the cache uses it (for tests and diagnostics).
[[nodiscard]] std::string storeContentKey(const std::string& storePath, const Crs& analysisCrs);

} // namespace redline
