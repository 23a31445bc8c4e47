#pragma once
// An opened zoning store (DESIGN A1, A5), whatever holds it:
//   - a GeoPackage: conventional layer names (A1), or a catalog table inside it (redline_catalog,
//     written by `redline store pull`), revisions in its redline_revisions/redline_audit tables;
//   - a catalog.yaml mapping GDAL sources to layers (revisions when all layers live in one
//     GeoPackage);
//   - a PostGIS schema: `PG:… schemas=NAME` or `postgresql://…?schema=NAME`, catalog, revision
//     and audit tables inside the schema.
// A source knows its catalog and revisions and reads features on demand; ZoningStore::load turns
// one revision of it into the immutable in-memory store that screening, QA and statistics use.
// Edit sessions, `store import-layer` and `store push` write through a StoreTransaction.
//
// Not thread-safe (a PostGIS source holds one connection): open one source per thread.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "redline/data/Layer.hpp"
#include "redline/edit/Revision.hpp"
#include "redline/geo/Crs.hpp"
#include "redline/model/ZoneLayer.hpp"

namespace redline
{

class StoreTransaction;

enum class StoreKind
{
    GeoPackage,
    Catalog,
    PostGis
};

// What a store says about itself: its layers (ZoneLayer without features: `layer` is null) and
// declared analysis CRS.
struct StoreCatalog
{
    std::optional<Crs> analysisCrs;
    std::vector<ZoneLayer> layers;
};

struct LayerReadOptions
{
    Crs analysisCrs;                // features come back in this CRS
    std::optional<Envelope> window; // in the analysis CRS: only features whose envelope meets it
};

class ZoningSource
{
  public:
    // Opens the store named by `locator` (a path or a PostgreSQL connection string). Throws
    // IoError / ConfigError / pg::DatabaseError with a message naming the store (password
    // removed): missing file, no zoning layers, unreachable database, missing schema…
    [[nodiscard]] static std::unique_ptr<ZoningSource> open(const std::string& locator);
    // True when `locator` names a PostGIS store (PG:… or postgresql://…).
    [[nodiscard]] static bool isPostgis(const std::string& locator);

    virtual ~ZoningSource();
    ZoningSource(const ZoningSource&) = delete;
    ZoningSource& operator=(const ZoningSource&) = delete;

    // As given (may hold a password: never print it); reopen with it.
    [[nodiscard]] const std::string& locator() const { return m_locator; }
    // The locator without password: the only form for output, logs and messages.
    [[nodiscard]] const std::string& label() const { return m_label; }
    [[nodiscard]] virtual StoreKind kind() const = 0;
    [[nodiscard]] const StoreCatalog& catalog() const { return m_catalog; }
    [[nodiscard]] const ZoneLayer& layerInfo(const std::string& layer) const;
    // `requested` when valid, else the store's declared CRS, else EPSG:4549. Throws CrsError for
    // a geographic CRS (areas and distances need metres).
    [[nodiscard]] Crs analysisCrs(const Crs& requested = Crs()) const;

    // Newest revision (0 before any commit); nullopt when the store cannot keep revisions (a
    // catalog.yaml over several files).
    [[nodiscard]] virtual std::optional<int> revision() const = 0;
    // Identifies the content read at `revision` (nullopt: the newest): equal keys mean equal
    // features. For caches keyed on a store's content (file identity and modification time, or
    // database, schema, store id and revision). Never contains a password.
    [[nodiscard]] virtual std::string contentKey(std::optional<int> revision) const = 0;
    // Envelope of every layer's features now, in `analysisCrs` (for the sites' extent check).
    [[nodiscard]] virtual Envelope extent(const Crs& analysisCrs) const = 0;

    // The features of one catalog layer as stored now (not repaired), in options.analysisCrs,
    // in fid order. Throws IoError / CrsError / GeometryError naming store, layer and feature.
    [[nodiscard]] virtual Layer readLayer(const ZoneLayer& layer,
                                          const LayerReadOptions& options) const = 0;
    // The CRS the layer's geometries are stored in (audit geometries are in it too).
    [[nodiscard]] virtual Crs storedCrs(const ZoneLayer& layer) const = 0;
    [[nodiscard]] virtual std::vector<RevisionInfo> history() const = 0;
    // Audit rows with fromExclusive < revision <= toInclusive, in commit order; geometries in
    // each layer's stored CRS.
    [[nodiscard]] virtual std::vector<AuditRow> audit(int fromExclusive, int toInclusive) const = 0;

    // Starts a write: takes the store's write lock (other writers wait or fail with a message;
    // readers go on) and returns the transaction. Throws ConfigError for stores that cannot be
    // written with revisions.
    [[nodiscard]] virtual std::unique_ptr<StoreTransaction>
    beginTransaction(const Crs& analysisCrs) = 0;

  protected:
    ZoningSource(std::string locator, std::string label, StoreCatalog catalog);

  private:
    std::string m_locator;
    std::string m_label;
    StoreCatalog m_catalog;
};

} // namespace redline
