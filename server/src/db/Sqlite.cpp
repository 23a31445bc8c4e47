#include "db/Sqlite.hpp"

#include <sqlite3.h>

namespace redline::service
{

namespace
{

[[noreturn]] void fail(sqlite3* db, const std::string& what)
{
    throw ServiceDbError("service database: " + what + ": " +
                         (db ? sqlite3_errmsg(db) : "out of memory"));
}

} // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db)
{
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr) !=
        SQLITE_OK)
        fail(db, "cannot prepare '" + std::string(sql.substr(0, 60)) + "'");
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt)
{
    other.m_stmt = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value)
{
    if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK)
        fail(m_db, "bind");
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    if (sqlite3_bind_double(m_stmt, index, value) != SQLITE_OK)
        fail(m_db, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    if (sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT,
                            SQLITE_UTF8) != SQLITE_OK)
        fail(m_db, "bind");
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text)
{
    return text ? bind(index, std::string_view(*text)) : bindNull(index);
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value)
{
    return value ? bind(index, *value) : bindNull(index);
}

Statement& Statement::bindBlob(int index, const std::vector<std::uint8_t>& bytes)
{
    if (sqlite3_bind_blob64(m_stmt, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT) !=
        SQLITE_OK)
        fail(m_db, "bind");
    return *this;
}

Statement& Statement::bindNull(int index)
{
    if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK)
        fail(m_db, "bind");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(m_db, "step");
}

void Statement::run()
{
    while (step())
    {
    }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::text(int column) const
{
    const auto* p = sqlite3_column_text(m_stmt, column);
    const int n = sqlite3_column_bytes(m_stmt, column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : "";
}

std::optional<std::string> Statement::optionalText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

std::optional<std::int64_t> Statement::optionalInteger(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return integer(column);
}

std::vector<std::uint8_t> Statement::blob(int column) const
{
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    const int n = sqlite3_column_bytes(m_stmt, column);
    return p ? std::vector<std::uint8_t>(p, p + n) : std::vector<std::uint8_t>{};
}

Database::Database(const std::string& path, bool create) : m_path(path)
{
    const int flags =
        SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr) != SQLITE_OK)
    {
        const std::string why = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        m_db = nullptr;
        throw ServiceDbError("service database " + path + " cannot be opened: " + why +
                             (create ? "" : " (create it with `redline users add`)"));
    }
    sqlite3_busy_timeout(m_db, 10000);
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA foreign_keys=ON");
}

Database::~Database()
{
    m_cached.clear();
    sqlite3_close_v2(m_db);
}

Statement& Database::cached(const std::string& sql)
{
    auto& slot = m_cached[sql];
    if (!slot)
        slot = std::make_unique<Statement>(m_db, sql);
    else
        slot->reset();
    return *slot;
}

void Database::exec(std::string_view sql)
{
    char* err = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK)
    {
        const std::string why = err ? err : "unknown error";
        sqlite3_free(err);
        throw ServiceDbError("service database: '" + text.substr(0, 60) + "': " + why);
    }
}

Statement Database::prepare(std::string_view sql)
{
    return Statement(m_db, sql);
}

std::int64_t Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

void Database::onWalCommit(std::function<void(int walFrames)> hook)
{
    m_walHook = std::move(hook);
    sqlite3_wal_hook(
        m_db,
        [](void* self, sqlite3*, const char*, int frames)
        {
            try
            {
                static_cast<Database*>(self)->m_walHook(frames);
            }
            catch (...)
            {
                // Nothing may cross SQLite's C frames; a missed signal only delays a checkpoint.
            }
            return SQLITE_OK;
        },
        this);
}

Database::CheckpointResult Database::checkpoint(Checkpoint mode)
{
    const int how =
        mode == Checkpoint::Passive ? SQLITE_CHECKPOINT_PASSIVE : SQLITE_CHECKPOINT_TRUNCATE;
    CheckpointResult r;
    const int rc = sqlite3_wal_checkpoint_v2(m_db, nullptr, how, &r.walFrames, &r.checkpointed);
    if (rc == SQLITE_BUSY)
        r.busy = true;
    else if (rc != SQLITE_OK)
        fail(m_db, "checkpoint");
    return r;
}

Transaction::Transaction(Database& db) : m_db(db)
{
    m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (!m_done)
    {
        try
        {
            m_db.exec("ROLLBACK");
        }
        catch (const std::exception&)
        {
            // A destructor cannot report; SQLite rolls back on close anyway.
        }
    }
}

void Transaction::commit()
{
    m_db.exec("COMMIT");
    m_done = true;
}

} // namespace redline::service
