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
        db = std::make_unique<Database>(path, false);
    return *db;
}

} // namespace redline::service
