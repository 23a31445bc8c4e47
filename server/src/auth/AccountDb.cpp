#include "auth/AccountDb.hpp"

#include <map>

#include "redline/pg/ConnectionString.hpp"

#include "db/PgAccountDb.hpp"
#include "db/ServiceDb.hpp"
#include "db/SqliteAccountDb.hpp"
#include "db/ThreadDb.hpp"

namespace redline::service
{

std::string accountsLocation(const std::string& store, const std::string& dbPath)
{
    return pg::ConnectionString::looksLike(store) ? store : dbPath;
}

bool accountsInPostgres(const std::string& location)
{
    return pg::ConnectionString::looksLike(location);
}

std::unique_ptr<AccountDb> openAccountDb(const std::string& location, bool create)
{
    if (accountsInPostgres(location))
        return std::make_unique<PgAccountDb>(location, create);
    return std::make_unique<SqliteAccountDb>(openServiceDb(location, create));
}

AccountDb& threadAccountDb(const std::string& location)
{
    thread_local std::map<std::string, std::unique_ptr<AccountDb>> connections;
    auto& db = connections[location];
    if (!db)
    {
        if (accountsInPostgres(location))
            db = std::make_unique<PgAccountDb>(location, false);
        else
            db = std::make_unique<SqliteAccountDb>(threadDb(location));
    }
    return *db;
}

void bumpAuthVersion(AccountDb& db)
{
    db.query("UPDATE meta SET value = value + 1 WHERE key = 'auth_version'")->run();
}

std::int64_t authVersion(AccountDb& db)
{
    auto q = db.query("SELECT value FROM meta WHERE key = 'auth_version'");
    return q->step() ? q->integer(0) : 0;
}

} // namespace redline::service
