#pragma once
// The store cache's file layout (engine-internal).
//
//   header   magic "RLSCACH1", XXH3-64 of every byte after this field, format version, file
//            size, and a table of sections {offset, size} (each 64-byte aligned)
//   sections 0 key (the content key, text)          1 meta (CRS, layers, zones' ids, names,
//            attributes, warnings; a small binary encoding)
//            2 points  3 rings  4 chunks  5 chunk boxes  6 chunk trees  7 zones  8 zone boxes
//            9 zone tree   (the FlatZones arrays as they lie in memory)
//
// The arrays are mapped, not copied; only the meta section is decoded. Little-endian x86-64 only
// (the header's byte-order mark refuses anything else).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "analysis/PreparedStoreData.hpp"

namespace redline::detail
{

enum class CacheCheck
{
    Valid,
    Stale,  // a well-formed cache of other content
    Damaged // wrong size, hash, version or layout
};

// Writes `data` with `key` to `path` (a temporary file the caller renames). Throws IoError.
void writeCacheFile(const std::string& path, const std::string& key, const PreparedStoreData& data);

struct MappedCache
{
    CacheCheck check = CacheCheck::Damaged;
    std::string why;                               // for Stale/Damaged
    std::unique_ptr<PreparedStoreData> data;       // when Valid
};

// Maps `path` and checks it against `key`; nullopt when there is no such file.
[[nodiscard]] std::optional<MappedCache> mapCacheFile(const std::string& path,
                                                      const std::string& key);

// XXH3-64 of the file's bytes in [from, size), read with pread: the pages stay in the page cache
// without being mapped, so only what screening touches later counts in the process's memory.
// nullopt when the file cannot be read that far.
[[nodiscard]] std::optional<std::uint64_t> hashFrom(int fd, std::uint64_t from, std::uint64_t size);

} // namespace redline::detail
