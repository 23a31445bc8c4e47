#pragma once
// SQL helpers for the revision and audit tables kept inside the GeoPackage (engine-internal).
// The tables are plain SQLite tables, not registered in gpkg_contents, so GDAL and the zoning
// loader do not list them as layers.

#include <string>
#include <vector>

#include <gdal_priv.h>

#include "redline/data/Attributes.hpp"
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

[[nodiscard]] std::string sqlText(const std::string& s); // 'quoted' with '' escapes
[[nodiscard]] std::string sqlBlob(const std::vector<unsigned char>& bytes); // X'..' or NULL
[[nodiscard]] std::string attributesToJson(const Attributes& a);
[[nodiscard]] Attributes attributesFromJson(const std::string& json);
[[nodiscard]] std::string utcNow();

} // namespace redline::edit::detail
