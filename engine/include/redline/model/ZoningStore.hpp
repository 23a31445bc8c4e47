#pragma once
// A zoning store read into memory (DESIGN A1, A5): one revision of a GeoPackage, catalog.yaml or
// PostGIS schema (see ZoningSource), every layer reprojected to the analysis CRS and invalid
// polygons repaired. Immutable after load; share as shared_ptr<const ZoningStore>. It remembers
// what it was read from (label without password, revision, content key) so that every result can
// state it (ScreeningReport::store / storeRevision).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "redline/geo/Crs.hpp"
#include "redline/model/ZoneLayer.hpp"

namespace redline
{

class ZoningSource;

struct StoreReadOptions
{
    Crs analysisCrs;                // invalid: the store's own, else EPSG:4549
    std::optional<int> revision;    // nullopt: the newest
    std::optional<Envelope> window; // analysis CRS: load only zones whose envelope meets it
    bool repairInvalid = true;      // make-valid invalid polygons, with a warning (QA: false)
};

// Where a loaded store came from.
struct StoreProvenance
{
    std::string label;           // locator without password
    std::optional<int> revision; // the revision read; nullopt for stores without revisions
    std::string contentKey;      // ZoningSource::contentKey of what was read
    std::optional<Envelope> window;
};

class ZoningStore
{
  public:
    // Throws IoError / ConfigError / CrsError / GeometryError / pg::DatabaseError naming the
    // store (password removed), layer and feature; ConfigError for a revision the store does not
    // have.
    static std::shared_ptr<const ZoningStore> load(const std::string& locator,
                                                   const StoreReadOptions& options);
    static std::shared_ptr<const ZoningStore> load(ZoningSource& source,
                                                   const StoreReadOptions& options);
    static std::shared_ptr<const ZoningStore> load(const std::string& locator,
                                                   const Crs& analysisCrs);
    static std::shared_ptr<const ZoningStore> load(const std::string& locator);

    // The locator as given (may hold a password: reopen with it, never print it).
    [[nodiscard]] const std::string& path() const { return m_path; }
    // The locator without password, for output.
    [[nodiscard]] const std::string& label() const { return m_provenance.label; }
    [[nodiscard]] const StoreProvenance& provenance() const { return m_provenance; }
    [[nodiscard]] std::optional<int> revision() const { return m_provenance.revision; }
    [[nodiscard]] const Crs& analysisCrs() const { return m_analysisCrs; }
    [[nodiscard]] const std::vector<ZoneLayer>& layers() const { return m_layers; }
    [[nodiscard]] const ZoneLayer* findLayer(const std::string& name) const;
    [[nodiscard]] const ZoneLayer* findKind(const std::string& kind) const;
    [[nodiscard]] bool hasKind(const std::string& kind) const { return findKind(kind) != nullptr; }

    // `provenance.label` defaults to `path` without password.
    ZoningStore(std::string path, Crs analysisCrs, std::vector<ZoneLayer> layers,
                StoreProvenance provenance = {});

  private:
    std::string m_path;
    Crs m_analysisCrs;
    std::vector<ZoneLayer> m_layers;
    StoreProvenance m_provenance;
};

} // namespace redline
