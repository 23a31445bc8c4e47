#pragma once
// AccountDb on the PostGIS store's own database (libpq through redline/pg): the tables users,
// tokens, sessions and meta in schema `redline_service`, the same columns as the SQLite service
// database (integers and text; the session key as bytea), so Accounts and the Authenticator run
// the same statements on both. The schema is created on first use under an advisory lock (two
// processes starting together create it once). A connection the server dropped (a restart, an
// idle timeout) is opened again once for a statement outside a transaction; inside one the
// error is the caller's.

#include <optional>
#include <vector>

#include "redline/pg/Connection.hpp"

#include "auth/AccountDb.hpp"

namespace redline::service
{

inline constexpr const char* kAccountSchema = "redline_service";

class PgAccountDb final : public AccountDb
{
  public:
    // Connects to the database of `store` (a PG:/postgresql:// locator; its schema is the
    // store's, not ours). `create`: create the schema and tables when missing.
    PgAccountDb(const std::string& store, bool create);

    [[nodiscard]] std::unique_ptr<AccountQuery> query(const std::string& sql) override;
    void begin() override;
    void commit() override;
    void rollback() noexcept override;
    [[nodiscard]] std::string label() const override;

    // Runs one statement of a query (reconnecting as said above).
    [[nodiscard]] pg::Result exec(const std::string& sql, const std::vector<pg::Param>& params);

  private:
    void connect();

    pg::ConnectionString m_target;
    std::optional<pg::Connection> m_conn;
    bool m_inTransaction = false;
};

} // namespace redline::service
