#pragma once
// AccountDb on the SQLite service database (stores in files): the tables of ServiceDb.

#include <memory>

#include "auth/AccountDb.hpp"
#include "db/Sqlite.hpp"

namespace redline::service
{

class SqliteAccountDb final : public AccountDb
{
  public:
    // Uses `db` (owned when `owned` is given, else borrowed: a thread's connection).
    explicit SqliteAccountDb(Database& db) : m_db(db) {}
    explicit SqliteAccountDb(std::unique_ptr<Database> owned)
        : m_owned(std::move(owned)), m_db(*m_owned)
    {
    }

    [[nodiscard]] std::unique_ptr<AccountQuery> query(const std::string& sql) override;
    void begin() override { m_db.exec("BEGIN IMMEDIATE"); }
    void commit() override { m_db.exec("COMMIT"); }
    void rollback() noexcept override;
    [[nodiscard]] std::string label() const override { return m_db.path(); }

  private:
    std::unique_ptr<Database> m_owned;
    Database& m_db;
};

} // namespace redline::service
