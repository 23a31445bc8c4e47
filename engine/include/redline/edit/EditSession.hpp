#pragma once
// Edit session on a zoning store — a GeoPackage (or its catalog.yaml) or a PostGIS schema (issue
// 6, item 3; issue 10, item 3). Operations are applied to an in-memory
// working copy with undo/redo; commit() runs the zoning QA on what changed, refuses errors (and
// warnings without a reason), and writes the changes, a new revision and one audit row per
// changed feature in a single transaction (SQLite or PostgreSQL): a process killed mid-commit
// leaves the store as it was.
//
// Concurrency is optimistic and per feature: a session remembers the revision it started from;
// commit refuses (EditConflict) when a later revision changed a feature this session changes,
// and keeps the operations so that rebase() can re-apply them on the newest revision. Edits to
// other features of the store merge; the QA of the commit runs on the merged state.
//
// Geometries go in and out in the analysis CRS (EPSG:4549 unless the catalog says otherwise) and
// are written in each layer's own CRS. Not thread-safe: one session per thread; many sessions
// (in one or several processes) may work on one store.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "redline/data/Layer.hpp"
#include "redline/edit/EditErrors.hpp"
#include "redline/model/ZoneLayer.hpp"
#include "redline/qa/ZoningQa.hpp"

namespace redline
{

// Net change of one feature since the session's base revision.
struct FeatureChange
{
    std::string layer;
    std::int64_t fid = 0;          // negative for features added in this session (not yet saved)
    std::optional<Feature> before; // nullopt: added
    std::optional<Feature> after;  // nullopt: deleted
};

struct CommitOptions
{
    std::string reason; // required when the QA of the change gives warnings
    QaOptions qa;       // tolerances (scope is set by the session)
    // Called while rows are written (done, total) inside the transaction; for progress display.
    std::function<void(std::size_t, std::size_t)> progress;
};

struct CommitResult
{
    int revision = 0;
    int added = 0;
    int modified = 0;
    int deleted = 0;
    QaReport qa; // the QA of the change (warnings accepted with the reason)
    // Provisional (negative) fids of added features -> fids given by the store.
    std::vector<std::pair<std::int64_t, std::int64_t>> newFids;
};

class EditSession
{
  public:
    // `storePath`: a GeoPackage, a catalog.yaml whose layers all live in one GeoPackage, or a
    // PostGIS store (PG:… schemas=NAME). Throws IoError / ConfigError / pg::DatabaseError naming
    // the store (password removed).
    EditSession(const std::string& storePath, std::string user);
    ~EditSession();
    EditSession(const EditSession&) = delete;
    EditSession& operator=(const EditSession&) = delete;

    // The store as given (may hold a password: reopen with it, never print it).
    [[nodiscard]] const std::string& storePath() const;
    // The store without password, for messages and titles.
    [[nodiscard]] const std::string& storeLabel() const;
    // The GeoPackage holding the store ("" for a PostGIS store).
    [[nodiscard]] const std::string& geoPackage() const;
    [[nodiscard]] const Crs& crs() const;
    [[nodiscard]] int baseRevision() const;
    [[nodiscard]] std::vector<std::string> layerNames() const;
    [[nodiscard]] const ZoneLayer& layerInfo(const std::string& layer) const;
    // Working state (after the applied operations).
    [[nodiscard]] std::vector<Feature> features(const std::string& layer) const;
    [[nodiscard]] std::optional<Feature> feature(const std::string& layer, std::int64_t fid) const;

    // Operations; each throws EditError naming layer and feature when it cannot be applied.
    // addFeature returns the provisional (negative) fid of the new feature.
    std::int64_t addFeature(const std::string& layer, Geometry geometry, Attributes attributes);
    void setGeometry(const std::string& layer, std::int64_t fid, Geometry geometry);
    void setAttributes(const std::string& layer, std::int64_t fid, Attributes attributes);
    void setAttribute(const std::string& layer, std::int64_t fid, const std::string& name,
                      AttributeValue value);
    void deleteFeature(const std::string& layer, std::int64_t fid);
    // Splits a polygon by a line crossing it (GEOS node + polygonize). The first piece keeps the
    // fid, the others are new features with the same attributes. Returns the fids of the pieces.
    std::vector<std::int64_t> splitPolygon(const std::string& layer, std::int64_t fid,
                                           const Geometry& line);
    // Merges polygons of one layer (GEOS unary union) into the first one, which keeps its
    // attributes; the others are deleted. Returns the fid of the merged feature.
    std::int64_t mergePolygons(const std::string& layer, const std::vector<std::int64_t>& fids);

    [[nodiscard]] bool canUndo() const;
    [[nodiscard]] bool canRedo() const;
    void undo();
    void redo();
    [[nodiscard]] std::size_t operationCount() const; // applied (undoable) operations

    [[nodiscard]] std::vector<FeatureChange> changes() const;
    [[nodiscard]] bool hasChanges() const { return !changes().empty(); }
    // The QA that commit() would run, on the working state.
    [[nodiscard]] QaReport validate(const QaOptions& options = {}) const;

    // Throws CommitRefused (QA), EditConflict (concurrent change) or IoError; in every one of
    // these cases the store is unchanged and the session keeps its operations.
    CommitResult commit(const CommitOptions& options);
    CommitResult commit(const std::string& reason);
    // Reloads the newest revision and re-applies the session's operations on it (after an
    // EditConflict). Throws EditError when an operation no longer applies (the session is then
    // left on the new revision with the operations that did apply).
    void rebase();

    struct Impl;

  private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace redline
