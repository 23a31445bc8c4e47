#pragma once
// Zoning stores held in files (engine-internal): a GeoPackage (conventional layer names, or its
// own redline_catalog table) or a catalog.yaml. Features are read through VectorReader;
// revisions, audit rows and commits go through GDAL's GeoPackage driver (one SQLite transaction).

#include <map>
#include <memory>
#include <string>

#include "redline/model/ZoningSource.hpp"

#include "model/PostgisLayout.hpp"

namespace redline::detail
{

class FileSource final : public ZoningSource
{
  public:
    // Throws IoError / ConfigError naming the file.
    [[nodiscard]] static std::unique_ptr<FileSource> open(const std::string& path);

    [[nodiscard]] StoreKind kind() const override { return m_kind; }
    [[nodiscard]] std::optional<int> revision() const override;
    [[nodiscard]] std::string contentKey(std::optional<int> revision) const override;
    [[nodiscard]] Envelope extent(const Crs& analysisCrs) const override;
    [[nodiscard]] Layer readLayer(const ZoneLayer& layer,
                                  const LayerReadOptions& options) const override;
    [[nodiscard]] Crs storedCrs(const ZoneLayer& layer) const override;
    [[nodiscard]] std::vector<RevisionInfo> history() const override;
    [[nodiscard]] std::vector<AuditRow> audit(int fromExclusive, int toInclusive) const override;
    [[nodiscard]] std::unique_ptr<StoreTransaction>
    beginTransaction(const Crs& analysisCrs) override;

    // The GeoPackage that keeps the revisions; throws ConfigError when there is none (a catalog
    // over several files or over non-GeoPackage sources).
    [[nodiscard]] const std::string& geoPackage() const;
    // Declared field types and geometry type of a layer ("MULTIPOLYGON", "GEOMETRY" when mixed
    // or unknown), for copying it to another store.
    [[nodiscard]] std::vector<postgis::Column> columns(const ZoneLayer& layer) const;
    [[nodiscard]] std::string geometryType(const ZoneLayer& layer) const;

    struct LayerRef
    {
        std::string path;
        std::string sourceLayer;
    };

  private:
    FileSource(const std::string& path, StoreKind kind, StoreCatalog catalog,
               std::map<std::string, LayerRef> refs, std::string gpkg, std::string gpkgProblem);
    const LayerRef& ref(const ZoneLayer& layer) const;

    StoreKind m_kind;
    std::map<std::string, LayerRef> m_refs; // by layer name
    std::string m_gpkg;                     // "" when the store keeps no revisions
    std::string m_gpkgProblem;              // why, for the message
};

} // namespace redline::detail
