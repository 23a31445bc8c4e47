#pragma once
// The newest revision of a GeoPackage store, read with SQLite directly and read-only. Opening the
// file through GDAL's GeoPackage driver costs ~4 ms, and the revision is asked at every start
// (twice: before and after mapping the screening cache) and at every poll of the service.

#include <optional>
#include <string>

namespace redline::detail
{

// MAX(revision) of redline_revisions, 0 when the store has no revision table yet; nullopt when
// SQLite cannot answer (not a database, locked, unreadable): the caller then asks GDAL, whose
// error names the problem.
[[nodiscard]] std::optional<int> gpkgRevision(const std::string& path);

} // namespace redline::detail
