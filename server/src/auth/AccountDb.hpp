#pragma once
// Where the accounts of the service live (issue 11 §4): users, API tokens, browser sessions and
// the auth version. For a PostGIS store, in its own database (schema `redline_service`, through
// libpq), so that every service and `redline users` on that database share them; for a
// GeoPackage or catalog store, in the SQLite service database beside it. Accounts and the
// Authenticator speak one small SQL subset that both understand (parameters ?1, ?2 …, integer
// and text columns, a bytea/BLOB key), so their statements are written once.
//
// An AccountDb is used by one thread at a time (SQLite and libpq connections are per thread):
// threadAccountDb() keeps one per thread and location.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace redline::service
{

class AccountQuery
{
  public:
    virtual ~AccountQuery() = default;
    virtual AccountQuery& bind(int index, std::int64_t value) = 0;
    virtual AccountQuery& bind(int index, const std::string& text) = 0;
    virtual AccountQuery& bindBlob(int index, const std::vector<std::uint8_t>& bytes) = 0;
    virtual AccountQuery& bindNull(int index) = 0;
    AccountQuery& bind(int index, int value) { return bind(index, std::int64_t{value}); }
    AccountQuery& bind(int index, const char* text) { return bind(index, std::string(text)); }

    // Runs the statement on the first call; true while a row is available.
    virtual bool step() = 0;
    // Runs a statement that returns no rows.
    virtual void run() = 0;

    [[nodiscard]] virtual bool isNull(int column) const = 0;
    [[nodiscard]] virtual std::int64_t integer(int column) const = 0;
    [[nodiscard]] virtual std::string text(int column) const = 0;
    [[nodiscard]] std::optional<std::int64_t> optionalInteger(int column) const
    {
        return isNull(column) ? std::nullopt : std::optional<std::int64_t>(integer(column));
    }
};

class AccountDb
{
  public:
    virtual ~AccountDb() = default;
    // One statement of the shared SQL subset, parameters written ?1, ?2 …
    [[nodiscard]] virtual std::unique_ptr<AccountQuery> query(const std::string& sql) = 0;
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;
    // Where the accounts are, for messages: the SQLite file, or the database's connection
    // string without its password.
    [[nodiscard]] virtual std::string label() const = 0;
};

// BEGIN … COMMIT; rolls back when destroyed without commit().
class AccountTransaction
{
  public:
    explicit AccountTransaction(AccountDb& db) : m_db(db) { m_db.begin(); }
    ~AccountTransaction()
    {
        if (!m_done)
            m_db.rollback();
    }
    AccountTransaction(const AccountTransaction&) = delete;
    AccountTransaction& operator=(const AccountTransaction&) = delete;
    void commit()
    {
        m_db.commit();
        m_done = true;
    }

  private:
    AccountDb& m_db;
    bool m_done = false;
};

// The accounts' location of a service on `store` with the SQLite service database `dbPath`:
// the store's connection string for a PostGIS store, otherwise `dbPath`.
[[nodiscard]] std::string accountsLocation(const std::string& store, const std::string& dbPath);
// True when `location` is a PostgreSQL database.
[[nodiscard]] bool accountsInPostgres(const std::string& location);

// Opens the accounts at `location`; `create` creates the tables (and for PostgreSQL the schema
// redline_service) when missing. Throws ConfigError / IoError (pg::DatabaseError).
[[nodiscard]] std::unique_ptr<AccountDb> openAccountDb(const std::string& location, bool create);
// This thread's connection to the accounts at `location` (opened on first use, not creating).
[[nodiscard]] AccountDb& threadAccountDb(const std::string& location);

// The counter that `redline users …` bumps whenever a password, token, role or account changes,
// so that a running service drops its cached credentials.
void bumpAuthVersion(AccountDb& db);
[[nodiscard]] std::int64_t authVersion(AccountDb& db);

} // namespace redline::service
