#pragma once
// Revisions and audit rows of a zoning store, kept by edit sessions inside the store (tables
// redline_revisions and redline_audit: plain SQLite tables in a GeoPackage, not registered as OGR
// layers; tables of the store's schema in PostGIS). Revision 0 is the store as it was before any
// edit session committed. `storePath` is any store locator (see ZoningSource).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "redline/data/Feature.hpp"

namespace redline
{

struct RevisionInfo
{
    int revision = 0;
    std::string time; // UTC, ISO 8601
    std::string user;
    std::string reason;
    int added = 0;
    int modified = 0;
    int deleted = 0;
    std::string warnings; // QA warnings accepted with the reason (one per line)
};

struct AuditRow
{
    int revision = 0;
    std::string time;
    std::string user;
    std::string layer;
    std::int64_t fid = 0;
    std::string operation;         // insert / update / delete
    std::optional<Feature> before; // geometry in the layer's own CRS (as stored)
    std::optional<Feature> after;
    std::string reason;
};

// Path of the GeoPackage that holds a store (the store itself, or the single GeoPackage a
// catalog.yaml points to). Throws ConfigError when the catalog uses several files or no gpkg, and
// for PostGIS stores.
[[nodiscard]] std::string storeGeoPackage(const std::string& storePath);

// Newest revision number (0 when no session ever committed); ConfigError for stores that keep
// no revisions.
[[nodiscard]] int currentRevision(const std::string& storePath);
[[nodiscard]] std::vector<RevisionInfo> readHistory(const std::string& storePath);
// Audit rows with fromExclusive < revision <= toInclusive, in commit order.
[[nodiscard]] std::vector<AuditRow> readAudit(const std::string& storePath, int fromExclusive,
                                              int toInclusive);

} // namespace redline
