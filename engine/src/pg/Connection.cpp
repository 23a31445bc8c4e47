#include "redline/pg/Connection.hpp"

#include <memory>

#include <libpq-fe.h>

namespace redline::pg
{

namespace
{

// One line: newlines and runs of spaces collapsed, libpq's "FATAL:  " / "ERROR:  " dropped, and
// "connection to server at "h", port p failed: " dropped (the label already says where).
std::string oneLine(std::string s)
{
    for (const char* noise : {"FATAL:  ", "ERROR:  "})
        for (std::size_t at = s.find(noise); at != std::string::npos; at = s.find(noise))
            s.erase(at, std::char_traits<char>::length(noise));
    const std::size_t failed = s.rfind(" failed: ");
    if (s.rfind("connection to server", 0) == 0 && failed != std::string::npos)
        s.erase(0, failed + 9);
    std::string out;
    for (char c : s)
    {
        const char d = c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
        if (d == ' ' && (out.empty() || out.back() == ' '))
            continue;
        out += d;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '.'))
        out.pop_back();
    return out;
}

// Parameters for PQconnectdbParams: our defaults first, then the user's (later ones win).
struct Keywords
{
    std::vector<std::string> keys;
    std::vector<std::string> values;
    void add(std::string k, std::string v)
    {
        keys.push_back(std::move(k));
        values.push_back(std::move(v));
    }
    std::vector<const char*> pointers(const std::vector<std::string>& from) const
    {
        std::vector<const char*> p;
        for (const auto& s : from)
            p.push_back(s.c_str());
        p.push_back(nullptr);
        return p;
    }
};

} // namespace

void Connection::Finish::operator()(pg_conn* c) const
{
    PQfinish(c);
}

Connection::Connection(const ConnectionString& target)
    : m_target(target), m_label(target.redacted()), m_secrets(target.secrets())
{
    Keywords kw;
    kw.add("connect_timeout", "10");
    kw.add("fallback_application_name", "redline");
    for (const auto& [k, v] : target.parameters())
        kw.add(k, v);
    const auto keys = kw.pointers(kw.keys);
    const auto values = kw.pointers(kw.values);
    m_conn.reset(PQconnectdbParams(keys.data(), values.data(), 0));
    if (!m_conn)
        throw DatabaseError(m_label + ": cannot connect to PostgreSQL (out of memory).", {});
    if (const char* used = PQpass(m_conn.get()); used && *used)
        m_secrets.emplace_back(used); // from PGPASSWORD or ~/.pgpass
    if (PQstatus(m_conn.get()) != CONNECTION_OK)
    {
        const std::string why = scrubSecrets(oneLine(PQerrorMessage(m_conn.get())), m_secrets);
        // 28P01 / 28000 are not available before a result exists; tell them apart by text.
        const std::string state =
            why.find("password authentication failed") != std::string::npos ? "28P01" : "";
        throw DatabaseError(m_label + ": cannot connect to PostgreSQL (" + why + ").", state);
    }
    // Messages and identifiers are UTF-8 whatever the client's locale says.
    check(Result(PQexec(m_conn.get(), "SET client_encoding = 'UTF8'")), "cannot set the encoding");
}

Connection::~Connection() = default;
Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;

DatabaseError Connection::error(const std::string& what, const Result* result) const
{
    std::string state;
    std::string message;
    pg_result* r = result ? result->m_result.get() : nullptr;
    if (r)
    {
        const char* primary = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
        const char* detail = PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL);
        const char* code = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        state = code ? code : "";
        message = primary ? primary : "";
        // Constraint violations explain themselves in the detail ("Key (zone_id)=(HX-01)…"), but
        // "Failing row contains (…)" would dump whole rows (geometries included): leave it out.
        if (detail && state.rfind("23", 0) == 0 &&
            std::string(detail).rfind("Failing row contains", 0) != 0)
            message += std::string(": ") + detail;
    }
    if (message.empty())
        message = PQerrorMessage(m_conn.get());
    message = scrubSecrets(oneLine(message), m_secrets);
    if (message.empty())
        message = "unknown error";
    return DatabaseError(m_label + ": " + (what.empty() ? "database statement failed" : what) +
                             " (" + message + ").",
                         state);
}

Result Connection::check(Result result, const std::string& what) const
{
    if (!result.m_result)
        throw error(what, nullptr);
    const ExecStatusType status = PQresultStatus(result.m_result.get());
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN)
        return result;
    throw error(what, &result);
}

Result Connection::exec(const std::string& sql, const std::string& what)
{
    return check(Result(PQexec(m_conn.get(), sql.c_str())), what);
}

Result Connection::exec(const std::string& sql, const std::vector<Param>& params,
                        ResultFormat format, const std::string& what)
{
    std::vector<const char*> values;
    std::vector<int> lengths;
    std::vector<int> formats;
    for (const Param& p : params)
    {
        values.push_back(p.value ? p.value->data() : nullptr);
        lengths.push_back(p.value ? static_cast<int>(p.value->size()) : 0);
        formats.push_back(p.binary ? 1 : 0);
    }
    return check(Result(PQexecParams(m_conn.get(), sql.c_str(), static_cast<int>(params.size()),
                                     nullptr, values.data(), lengths.data(), formats.data(),
                                     format == ResultFormat::Binary ? 1 : 0)),
                 what);
}

std::string Connection::quoteIdentifier(const std::string& name) const
{
    char* q = PQescapeIdentifier(m_conn.get(), name.c_str(), name.size());
    if (!q)
        throw DatabaseError(m_label + ": cannot quote the identifier '" + name + "'.", {});
    std::string out = q;
    PQfreemem(q);
    return out;
}

std::string Connection::quoteLiteral(const std::string& text) const
{
    char* q = PQescapeLiteral(m_conn.get(), text.c_str(), text.size());
    if (!q)
        throw DatabaseError(m_label + ": cannot quote a text value.", {});
    std::string out = q;
    PQfreemem(q);
    return out;
}

std::string Connection::qualified(const std::string& schema, const std::string& table) const
{
    return quoteIdentifier(schema) + "." + quoteIdentifier(table);
}

int Connection::serverVersion() const
{
    return PQserverVersion(m_conn.get());
}

bool Connection::inTransaction() const
{
    return PQtransactionStatus(m_conn.get()) != PQTRANS_IDLE;
}

bool Connection::transactionFailed() const
{
    return PQtransactionStatus(m_conn.get()) == PQTRANS_INERROR;
}

Connection::CopyIn::CopyIn(Connection& c, const std::string& copySql, const std::string& what)
    : m_conn(c), m_what(what)
{
    c.exec(copySql, what);
}

Connection::CopyIn::~CopyIn()
{
    if (m_open)
    {
        PQputCopyEnd(m_conn.m_conn.get(), "aborted by the client");
        Result(PQgetResult(m_conn.m_conn.get()));
        while (pg_result* more = PQgetResult(m_conn.m_conn.get()))
            PQclear(more);
    }
}

void Connection::CopyIn::flush()
{
    if (m_buffer.empty())
        return;
    if (PQputCopyData(m_conn.m_conn.get(), m_buffer.data(), static_cast<int>(m_buffer.size())) != 1)
        throw m_conn.error(m_what, nullptr);
    m_buffer.clear();
}

void Connection::CopyIn::put(std::string_view data)
{
    m_buffer.append(data);
    if (m_buffer.size() >= (1U << 20))
        flush();
}

void Connection::CopyIn::finish()
{
    flush();
    m_open = false;
    if (PQputCopyEnd(m_conn.m_conn.get(), nullptr) != 1)
        throw m_conn.error(m_what, nullptr);
    Result last;
    while (pg_result* r = PQgetResult(m_conn.m_conn.get()))
        last = Result(r);
    m_conn.check(std::move(last), m_what);
}

Transaction::Transaction(Connection& c, const std::string& begin) : m_conn(c)
{
    m_conn.exec(begin, "cannot start a transaction");
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    try
    {
        m_conn.exec("ROLLBACK");
    }
    catch (const Error&)
    {
        // The connection is gone; the server rolls the transaction back by itself.
    }
}

void Transaction::commit()
{
    // COMMIT of a failed transaction "succeeds" as a ROLLBACK: refuse it loudly instead.
    if (m_conn.transactionFailed())
        throw DatabaseError(m_conn.label() + ": the commit failed after an earlier error in the "
                                             "same transaction; nothing was saved.",
                            "25P02");
    m_open = false;
    m_conn.exec("COMMIT", "the commit failed; nothing was saved");
}

} // namespace redline::pg
