#pragma once
// A write to a PostGIS zoning store (engine-internal): one PostgreSQL transaction on the
// source's connection. It starts by locking redline_revisions (EXCLUSIVE: other writers wait up
// to 30 s, readers go on), so the revision read next cannot move; if the process dies before
// commit() the server rolls everything back.

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "redline/geo/CrsTransform.hpp"
#include "redline/model/StoreTransaction.hpp"
#include "redline/pg/Connection.hpp"

namespace redline::detail
{

class PostgisSource;

class PostgisTransaction final : public StoreTransaction
{
  public:
    PostgisTransaction(PostgisSource& source, const Crs& analysisCrs);
    ~PostgisTransaction() override;

    [[nodiscard]] int revision() override;
    [[nodiscard]] std::vector<AuditRow> changesAfter(int revision) override;
    std::int64_t insert(const std::string& layer, const Feature& f) override;
    void update(const std::string& layer, const Feature& f) override;
    void remove(const std::string& layer, std::int64_t fid) override;
    void addAudit(const AuditRow& row) override;
    void addRevision(const RevisionInfo& revision) override;
    void commit() override;

  private:
    // WKB of a feature's geometry in the layer's SRID and column type.
    std::string storedWkb(const std::string& layer, const Geometry& g);
    // Parameters for the layer's attribute columns, in column order; EditError for an attribute
    // the layer has no column for.
    std::vector<pg::Param> attributeParams(const std::string& layer, const Feature& f,
                                           const std::string& where);

    PostgisSource& m_source;
    pg::Connection& m_conn;
    Crs m_crs;
    std::optional<pg::Transaction> m_tx;
    std::map<std::string, const CrsTransform*> m_toStored;
};

} // namespace redline::detail
