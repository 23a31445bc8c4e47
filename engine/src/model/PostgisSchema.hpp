#pragma once
// DDL of a zoning store in a PostGIS schema (engine-internal; layout in PostgisLayout.hpp), and
// the attribute-domain rules it enforces. The CHECK constraints and the pre-push check come from
// the same table as the zoning QA (redline/qa/AttributeDomains.hpp), so the database refuses
// exactly what `redline check` calls a domain error.

#include <string>
#include <vector>

#include "redline/pg/Connection.hpp"

#include "model/StoredLayers.hpp"

namespace redline::detail::postgis
{

// Creates redline_meta, redline_catalog, redline_revisions and redline_audit in `schema`.
void createStoreTables(pg::Connection& c, const std::string& schema);
// Creates one layer table (without its GiST index: add it after loading). With `partitionBy`
// naming one of the layer's fields, the table is LIST-partitioned on it: one partition per value
// present (<table>_p1, _p2, …) and a default partition (<table>_default); layers without that
// field stay plain tables.
void createLayerTable(pg::Connection& c, const std::string& schema, const StoredLayer& layer,
                      int srid, const std::string& partitionBy = {});
void createSpatialIndex(pg::Connection& c, const std::string& schema, const std::string& table);

// The first feature of `layer` that the layer table's constraints would refuse, as a sentence
// ("layer 'control_units', feature 'ZH…': unit_type 'x' is not one of priority, key, general"),
// or "" when every feature fits.
[[nodiscard]] std::string firstDomainViolation(const StoredLayer& layer);

// Tables of a store in `schema` (catalog layer tables and the redline_* tables).
[[nodiscard]] std::vector<std::string> storeTables(pg::Connection& c, const std::string& schema);

} // namespace redline::detail::postgis
