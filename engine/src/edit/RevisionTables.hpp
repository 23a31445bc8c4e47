#pragma once
// SQL helpers for the revision and audit tables kept inside the GeoPackage (engine-internal).
// The tables are plain SQLite tables, not registered in gpkg_contents, so GDAL and the zoning
// loader do not list them as layers.

#include <string>
#include <vector>

#include <gdal_priv.h>

#include "redline/data/Attributes.hpp"
#include "redline/edit/Revision.hpp"
#include "redline/geo/Geometry.hpp"

namespace redline::edit::detail
{

// Creates redline_revisions, redline_audit and redline_meta when missing.
void ensureRevisionTables(GDALDataset& ds, const std::string& path);
// Runs a statement that returns no rows; throws IoError naming `path` on failure.
void execSql(GDALDataset& ds, const std::string& sql, const std::string& path);
[[nodiscard]] bool hasRevisionTables(GDALDataset& ds);
// MAX(revision), 0 without tables or rows.
[[nodiscard]] int maxRevision(GDALDataset& ds);

// Rows of redline_revisions, in revision order (none without the tables).
[[nodiscard]] std::vector<RevisionInfo> readRevisionRows(GDALDataset& ds);
// Rows of redline_audit with fromExclusive < revision <= toInclusive, in commit order; without
// `images` the before/after features are left out (conflict checks need only the keys).
[[nodiscard]] std::vector<AuditRow> readAuditRows(GDALDataset& ds, int fromExclusive,
                                                  int toInclusive, bool images = true);

// Inserts one row; audit geometries are given as WKB in the layer's stored CRS (empty: NULL).
void insertRevisionRow(GDALDataset& ds, const RevisionInfo& r, const std::string& path);
void insertAuditRow(GDALDataset& ds, const AuditRow& r, const std::vector<unsigned char>& oldWkb,
                    const std::vector<unsigned char>& newWkb, const std::string& path);

[[nodiscard]] std::string sqlText(const std::string& s); // 'quoted' with '' escapes
[[nodiscard]] std::string sqlBlob(const std::vector<unsigned char>& bytes); // X'..' or NULL
[[nodiscard]] std::string attributesToJson(const Attributes& a);
[[nodiscard]] Attributes attributesFromJson(const std::string& json);
[[nodiscard]] std::string utcNow();

} // namespace redline::edit::detail
