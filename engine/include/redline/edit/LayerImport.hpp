#pragma once
// A whole layer received from elsewhere (the province's adjusted red line as a Shapefile) brought
// into a zoning store as one revision (issue 10, item 3): source features are matched to the
// layer's features by an id field; matched ones become modifications (only if something
// changed), the others additions, and layer features missing from the source deletions. The
// change goes through an EditSession commit, so it gets the same QA, revision and audit rows as
// an edit in the viewer, on a GeoPackage and on PostGIS alike.

#include <optional>
#include <string>
#include <vector>

#include "redline/edit/EditSession.hpp"
#include "redline/edit/StoreDiff.hpp"

namespace redline
{

struct LayerImportOptions
{
    std::string reason; // required: the revision's reason
    std::string user;
    std::string matchBy;                    // default: the layer's id field
    std::optional<std::string> sourceLayer; // layer inside SRC (default: the first)
    std::optional<std::string> sourceCrs;   // when SRC has no CRS (EPSG:n, WKT)
};

struct LayerImportResult
{
    CommitResult commit;
    int unchanged = 0;
    std::vector<std::string> ignoredFields; // source fields the layer does not have
    // Source fields taken under another name: a Shapefile cuts names to 10 characters
    // (redline_ty -> redline_type) and may change their case (ZONE_ID -> zone_id).
    std::vector<std::pair<std::string, std::string>> renamedFields;
    StoreDiff diff; // the layer at the base revision -> the new one (area per class)
};

// Throws ConfigError (no such layer, missing or duplicate ids, nothing changed), IoError /
// CrsError reading SRC, CommitRefused (QA errors) or EditConflict; the store is then unchanged.
[[nodiscard]] LayerImportResult importLayer(const std::string& store, const std::string& layer,
                                            const std::string& source,
                                            const LayerImportOptions& options);

} // namespace redline
