#include "model/GpkgRevision.hpp"

#include <sqlite3.h>

#include <memory>

namespace redline::detail
{

namespace
{

using Db = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;
using Statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

// The single integer a query returns; nullopt when it cannot be prepared or run.
std::optional<int> singleInteger(sqlite3* db, const char* sql)
{
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK)
    {
        sqlite3_finalize(raw);
        return std::nullopt;
    }
    const Statement statement(raw, sqlite3_finalize);
    if (sqlite3_step(raw) != SQLITE_ROW)
        return std::nullopt;
    return sqlite3_column_int(raw, 0);
}

} // namespace

std::optional<int> gpkgRevision(const std::string& path)
{
    sqlite3* raw = nullptr;
    const int opened = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    const Db db(raw, sqlite3_close);
    if (opened != SQLITE_OK)
        return std::nullopt;
    sqlite3_busy_timeout(raw, 5000); // a writer committing: wait, as GDAL would
    const auto tables = singleInteger(
        raw, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
             "name = 'redline_revisions'");
    if (!tables)
        return std::nullopt;
    if (*tables == 0)
        return 0;
    return singleInteger(raw, "SELECT COALESCE(MAX(revision), 0) FROM redline_revisions");
}

} // namespace redline::detail
