#pragma once
// A write to a zoning GeoPackage (engine-internal): one SQLite transaction through GDAL's GPKG
// driver. The first statement writes redline_meta, which takes SQLite's write lock, so the
// revision read afterwards cannot move; a process killed before the commit leaves a hot journal
// that SQLite rolls back on the next open.

#include <map>
#include <memory>
#include <string>

#include <gdal_priv.h>

#include "redline/geo/CrsTransform.hpp"
#include "redline/model/StoreTransaction.hpp"

namespace redline::detail
{

class FileTransaction final : public StoreTransaction
{
  public:
    // `layers`: store layer name -> layer name inside the GeoPackage.
    FileTransaction(std::string gpkg, std::map<std::string, std::string> layers,
                    const Crs& analysisCrs);
    ~FileTransaction() override;

    [[nodiscard]] int revision() override;
    [[nodiscard]] std::vector<AuditRow> changesAfter(int revision) override;
    std::int64_t insert(const std::string& layer, const Feature& f) override;
    void update(const std::string& layer, const Feature& f) override;
    void remove(const std::string& layer, std::int64_t fid) override;
    void addAudit(const AuditRow& row) override;
    void addRevision(const RevisionInfo& revision) override;
    void commit() override;

  private:
    OGRLayer& layer(const std::string& name, const std::string& where);
    // analysis CRS -> the layer's CRS (nullptr when they are the same).
    const CrsTransform* toStored(const std::string& name);

    std::string m_gpkg;
    std::map<std::string, std::string> m_layers;
    Crs m_crs;
    GDALDatasetUniquePtr m_ds;
    bool m_open = false;
    std::map<std::string, std::unique_ptr<CrsTransform>> m_toStored;
};

} // namespace redline::detail
