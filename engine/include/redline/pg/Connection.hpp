#pragma once
// One PostgreSQL connection (RAII over libpq's PGconn). Every failure becomes a DatabaseError
// whose message names the database by its redacted connection string and carries the server's
// primary message (and its detail for constraint violations), scrubbed of any password; SQL text
// never appears in messages (PostgreSQL echoes it in syntax errors). Statements take parameters
// ($1, $2, …) so values are never spliced into SQL.
//
// Not thread-safe: one connection per thread (libpq's rule). Connect once and reuse it; a
// Transaction rolls back unless committed, also when an exception unwinds through it.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "redline/pg/ConnectionString.hpp"
#include "redline/pg/DatabaseError.hpp"
#include "redline/pg/Result.hpp"

struct pg_conn;

namespace redline::pg
{

// A statement parameter: text (PostgreSQL parses it as the column's type), binary (e.g. bytea
// holding WKB) or NULL.
struct Param
{
    std::optional<std::string> value;
    bool binary = false;

    static Param text(std::string v) { return {std::move(v), false}; }
    static Param bytes(std::string v) { return {std::move(v), true}; }
    static Param null() { return {}; }
};

enum class ResultFormat
{
    Text,
    Binary
};

class Connection
{
  public:
    // Connects (10 s timeout unless the string sets connect_timeout). Throws DatabaseError:
    // "PG:dbname=x host=y user=z: cannot connect to PostgreSQL (password authentication failed
    // for user "z")."
    explicit Connection(const ConnectionString& target);
    ~Connection();
    Connection(Connection&&) noexcept;
    Connection& operator=(Connection&&) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // The redacted connection string, for messages.
    [[nodiscard]] const std::string& label() const { return m_label; }
    [[nodiscard]] const ConnectionString& target() const { return m_target; }

    // Runs one or several statements without parameters (DDL, BEGIN…); returns the last result.
    // `what` says in plain words what failed, for the message ("cannot read layer 'x'").
    Result exec(const std::string& sql, const std::string& what = {});
    // Runs one statement with parameters.
    Result exec(const std::string& sql, const std::vector<Param>& params,
                ResultFormat format = ResultFormat::Text, const std::string& what = {});

    // COPY … FROM STDIN: start, send rows (in COPY text format), finish. A CopyIn destroyed
    // without finish() aborts the COPY (the surrounding transaction then fails).
    class CopyIn
    {
      public:
        CopyIn(Connection& c, const std::string& copySql, const std::string& what);
        ~CopyIn();
        CopyIn(const CopyIn&) = delete;
        CopyIn& operator=(const CopyIn&) = delete;
        void put(std::string_view data);
        void finish();

      private:
        Connection& m_conn;
        std::string m_what;
        std::string m_buffer;
        bool m_open = true;
        void flush();
    };

    // "name" quoted as an SQL identifier, 'text' as a literal (libpq's escaping).
    [[nodiscard]] std::string quoteIdentifier(const std::string& name) const;
    [[nodiscard]] std::string quoteLiteral(const std::string& text) const;
    // "schema"."table"
    [[nodiscard]] std::string qualified(const std::string& schema, const std::string& table) const;

    [[nodiscard]] int serverVersion() const;
    [[nodiscard]] bool inTransaction() const;
    // A statement of the open transaction failed: only ROLLBACK is accepted now.
    [[nodiscard]] bool transactionFailed() const;

  private:
    // A DatabaseError for the failure of `result` (or of the connection when null).
    [[nodiscard]] DatabaseError error(const std::string& what, const Result* result) const;
    Result check(Result result, const std::string& what) const;

    struct Finish
    {
        void operator()(pg_conn* c) const;
    };
    std::unique_ptr<pg_conn, Finish> m_conn;
    ConnectionString m_target;
    std::string m_label;
    std::vector<std::string> m_secrets;
};

// BEGIN on construction; COMMIT on commit(); ROLLBACK otherwise (destructor never throws).
class Transaction
{
  public:
    explicit Transaction(Connection& c, const std::string& begin = "BEGIN");
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

  private:
    Connection& m_conn;
    bool m_open = true;
};

} // namespace redline::pg
