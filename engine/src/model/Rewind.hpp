#pragma once
// A store's layers as they were at an older revision (engine-internal): the newest features with
// the audit rows after that revision undone, newest first. The same for every kind of store, so
// `--at-rev N` reads a GeoPackage and a PostGIS store alike.

#include <optional>
#include <vector>

#include "redline/edit/Revision.hpp"
#include "redline/model/ZoningSource.hpp"

namespace redline::detail
{

// `layers` hold the newest features (analysis CRS, fid order, possibly only those meeting
// `window`); `undo` are the audit rows after the target revision (stored CRS). Restored features
// outside `window` are left out. Features stay in fid order.
void rewindLayers(std::vector<ZoneLayer>& layers, const std::vector<AuditRow>& undo,
                  const ZoningSource& source, const Crs& analysisCrs,
                  const std::optional<Envelope>& window);

} // namespace redline::detail
