#include "db/ThreadDb.hpp"

#include <map>
#include <memory>

namespace redline::service
{

Database& threadDb(const std::string& path)
{
    thread_local std::map<std::string, std::unique_ptr<Database>> connections;
    auto& db = connections[path];
    if (!db)
    {
        db = std::make_unique<Database>(path, false);
        // The service's WalCheckpointer checkpoints; a rare write here must not do it inline.
        db->exec("PRAGMA wal_autocheckpoint=0");
    }
    return *db;
}

} // namespace redline::service
