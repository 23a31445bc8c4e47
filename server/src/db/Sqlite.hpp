#pragma once
// A thin RAII layer over the SQLite C API for the service database (users, sessions, jobs, the
// ledger). One Database is used by one thread at a time; WAL mode lets readers on other
// connections run while one writer commits. Errors throw ServiceDbError with SQLite's message,
// which goes to the log, never to a client.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "redline/core/Error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace redline::service
{

class ServiceDbError : public IoError
{
  public:
    using IoError::IoError;
};

class Statement
{
  public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;

    // Parameters are numbered from 1 (?1, ?2 … in the SQL).
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text)
    {
        return bind(index, std::string_view(text));
    }
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::optional<std::string>& text);
    Statement& bind(int index, const std::optional<std::int64_t>& value);
    Statement& bindBlob(int index, const std::vector<std::uint8_t>& bytes);
    Statement& bindNull(int index);

    // Runs one step: true when a row is available.
    bool step();
    // Runs a statement that returns no rows.
    void run();
    void reset();

    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t integer(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] std::optional<std::string> optionalText(int column) const;
    [[nodiscard]] std::optional<std::int64_t> optionalInteger(int column) const;
    [[nodiscard]] std::vector<std::uint8_t> blob(int column) const;

  private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

class Database
{
  public:
    // Opens (creating when `create`) the file; WAL journal, foreign keys on, 10 s busy timeout.
    Database(const std::string& path, bool create);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    [[nodiscard]] Statement prepare(std::string_view sql);
    // A statement prepared once per connection and reset for reuse (hot paths: the ledger
    // writer). Valid until the Database goes away; not reentrant for the same SQL.
    [[nodiscard]] Statement& cached(const std::string& sql);
    [[nodiscard]] std::int64_t lastInsertId() const;
    [[nodiscard]] int changes() const;
    [[nodiscard]] const std::string& path() const { return m_path; }

    // Called after each commit of this connection with the WAL's size in frames (pages); replaces
    // SQLite's automatic checkpoint (wal_autocheckpoint), which would run inside the commit.
    // Must not use the connection.
    void onWalCommit(std::function<void(int walFrames)> hook);

    enum class Checkpoint
    {
        Passive,  // copies what it can; waits for nobody
        Truncate, // waits for the writer and readers, copies everything, empties the WAL file
    };
    struct CheckpointResult
    {
        bool busy = false;    // another checkpoint ran, or (Truncate) the wait timed out
        int walFrames = 0;    // frames in the WAL
        int checkpointed = 0; // frames of them copied into the database
    };
    CheckpointResult checkpoint(Checkpoint mode);

  private:
    std::string m_path;
    sqlite3* m_db = nullptr;
    std::function<void(int)> m_walHook;
    std::map<std::string, std::unique_ptr<Statement>> m_cached; // finalized before close
};

// BEGIN IMMEDIATE … COMMIT; rolls back when destroyed without commit().
class Transaction
{
  public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

  private:
    Database& m_db;
    bool m_done = false;
};

} // namespace redline::service
