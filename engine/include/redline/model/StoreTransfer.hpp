#pragma once
// Moving zoning stores between GeoPackage and PostGIS (issue 10, item 2), with their whole
// history so that a revision number means the same zoning on both sides:
//   push: any store -> a PostGIS schema (tables with GiST indexes, SRID, NOT NULL and CHECK
//         constraints for the attribute domains, catalog, revision and audit tables), in one
//         transaction; a schema that already holds a store is refused unless `replace`.
//   pull: any store (at a revision) -> a GeoPackage offline copy (same fids, field types,
//         catalog and history up to that revision), written atomically.
// A round trip gives the same features (fid, geometry, attributes) as the source.

#include <cstddef>
#include <optional>
#include <string>

namespace redline
{

struct PushOptions
{
    bool replace = false; // drop the store already in the schema (its tables only)
    std::string user;     // recorded in redline_meta (pushed_by)
    // Partition every layer having this field by LIST on it (e.g. county_code): one partition per
    // county, each with its own GiST index; "" for plain tables.
    std::string partitionBy;
};

struct TransferSummary
{
    std::string source; // labels, passwords removed
    std::string target;
    int revision = 0; // the revision copied (the target's newest)
    std::size_t layers = 0;
    std::size_t features = 0;
    std::size_t revisions = 0;
    std::size_t auditRows = 0;
};

// Throws ConfigError (target not PostGIS, store present without `replace`, a feature breaking an
// attribute domain, a CRS without EPSG code…) or pg::DatabaseError; the target is then unchanged.
TransferSummary pushStore(const std::string& source, const std::string& target,
                          const PushOptions& options);

struct PullOptions
{
    std::optional<int> revision; // default: the newest
    bool replace = false;        // overwrite an existing file
};

// Throws ConfigError (output exists without `replace`, not a .gpkg, no such revision) or IoError.
TransferSummary pullStore(const std::string& source, const std::string& gpkgPath,
                          const PullOptions& options);

} // namespace redline
