#pragma once
// AccountDb on the PostGIS store's own database (libpq through redline/pg): the tables users,
// tokens, sessions and meta in schema `redline_service`, the same columns as the SQLite service
// database (integers and text; the session key as bytea), so Accounts and the Authenticator run
// the same statements on both. The schema is created on first use under an advisory lock (two
// processes starting together create it once).

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

  private:
    pg::Connection m_conn;
};

} // namespace redline::service
