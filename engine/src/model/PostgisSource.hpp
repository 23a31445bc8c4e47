#pragma once
// A zoning store in a PostGIS schema (engine-internal; layout in PostgisLayout.hpp). One
// connection, opened at open(); features are read in binary (WKB) in fid order, a window becomes
// a `geom && envelope` filter on the GiST index; commits are PostgreSQL transactions that first
// lock redline_revisions, so writers queue while readers go on.

#include <map>
#include <memory>
#include <string>

#include "redline/model/ZoningSource.hpp"
#include "redline/pg/Connection.hpp"

#include "model/PostgisLayout.hpp"

namespace redline::detail
{

class PostgisSource final : public ZoningSource
{
  public:
    // Throws ConfigError (bad connection string, no store in the schema) or pg::DatabaseError.
    [[nodiscard]] static std::unique_ptr<PostgisSource> open(const std::string& locator);

    [[nodiscard]] StoreKind kind() const override { return StoreKind::PostGis; }
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

    [[nodiscard]] const std::string& schema() const { return m_schema; }
    [[nodiscard]] const postgis::LayerTable& table(const std::string& layer) const;
    [[nodiscard]] pg::Connection& connection() const { return m_conn; }
    // Audit rows with fromExclusive < revision (<= toInclusive when given), in commit order;
    // the before/after images only when asked for.
    [[nodiscard]] std::vector<AuditRow> auditRows(int fromExclusive,
                                                  std::optional<int> toInclusive,
                                                  bool withImages) const;

  private:
    PostgisSource(const std::string& locator, std::string label, StoreCatalog catalog,
                  pg::Connection conn, std::string schema, std::string storeId,
                  std::map<std::string, postgis::LayerTable> tables);

    mutable pg::Connection m_conn;
    std::string m_schema;
    std::string m_storeId;
    std::map<std::string, postgis::LayerTable> m_tables; // by layer name
};

} // namespace redline::detail
