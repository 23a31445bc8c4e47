#include "db/PgAccountDb.hpp"

#include <regex>

#include "redline/pg/DatabaseError.hpp"

namespace redline::service
{

namespace
{

constexpr const char* kSchema = R"SQL(
CREATE SCHEMA IF NOT EXISTS redline_service;
CREATE TABLE IF NOT EXISTS redline_service.meta (key text PRIMARY KEY, value bigint NOT NULL);
INSERT INTO redline_service.meta VALUES ('auth_version', 0) ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS redline_service.users (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('approver', 'reviewer', 'planner', 'admin')),
  password_hash text,
  disabled integer NOT NULL DEFAULT 0,
  created_at text NOT NULL,
  updated_at text NOT NULL
);

-- API tokens: the client holds "rl_<id>_<secret>"; only an Argon2id hash of the secret is kept.
CREATE TABLE IF NOT EXISTS redline_service.tokens (
  id text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES redline_service.users(id),
  secret_hash text NOT NULL,
  label text,
  created_at text NOT NULL,
  expires_at bigint,
  revoked integer NOT NULL DEFAULT 0
);

-- Browser sessions: the cookie carries a random 256-bit secret; the table keeps its SHA-256.
CREATE TABLE IF NOT EXISTS redline_service.sessions (
  id_hash bytea PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES redline_service.users(id),
  csrf_token text NOT NULL,
  created_at bigint NOT NULL,
  last_seen bigint NOT NULL,
  expires_at bigint NOT NULL
);
)SQL";

// ?1, ?2 … (the shared subset) as PostgreSQL's $1, $2 …
std::string dollarParameters(const std::string& sql)
{
    static const std::regex question(R"(\?(\d+))");
    return std::regex_replace(sql, question, "$$$1");
}

// The server or the network ended the session (as opposed to an error of the statement).
bool connectionLost(const pg::DatabaseError& e)
{
    const std::string& state = e.sqlstate();
    return state.empty() || state.starts_with("08") || state.starts_with("57P");
}

class PgQuery final : public AccountQuery
{
  public:
    PgQuery(PgAccountDb& db, std::string sql) : m_db(db), m_sql(std::move(sql)) {}

    AccountQuery& bind(int index, std::int64_t value) override
    {
        return set(index, pg::Param::text(std::to_string(value)));
    }
    AccountQuery& bind(int index, const std::string& text) override
    {
        return set(index, pg::Param::text(text));
    }
    AccountQuery& bindBlob(int index, const std::vector<std::uint8_t>& bytes) override
    {
        return set(index, pg::Param::bytes(std::string(bytes.begin(), bytes.end())));
    }
    AccountQuery& bindNull(int index) override { return set(index, pg::Param::null()); }

    bool step() override
    {
        if (!m_ran)
        {
            run();
            m_row = 0;
        }
        else
        {
            ++m_row;
        }
        return m_row < m_result.rows();
    }
    void run() override
    {
        m_result = m_db.exec(m_sql, m_params);
        m_ran = true;
    }
    [[nodiscard]] bool isNull(int column) const override { return m_result.isNull(m_row, column); }
    [[nodiscard]] std::int64_t integer(int column) const override
    {
        return m_result.int64(m_row, column);
    }
    [[nodiscard]] std::string text(int column) const override
    {
        return std::string(m_result.text(m_row, column));
    }

  private:
    AccountQuery& set(int index, pg::Param p)
    {
        const auto i = static_cast<std::size_t>(index - 1);
        if (m_params.size() <= i)
            m_params.resize(i + 1, pg::Param::null());
        m_params[i] = std::move(p);
        return *this;
    }

    PgAccountDb& m_db;
    std::string m_sql;
    std::vector<pg::Param> m_params;
    pg::Result m_result;
    int m_row = 0;
    bool m_ran = false;
};

} // namespace

PgAccountDb::PgAccountDb(const std::string& store, bool create)
    : m_target(pg::ConnectionString::parse(store))
{
    m_conn.emplace(m_target);
    if (create)
    {
        pg::Transaction t(*m_conn);
        // Two processes creating the schema at once: the second waits, then finds it made.
        m_conn->exec("SELECT pg_advisory_xact_lock(hashtext('redline_service'))", {},
                     pg::ResultFormat::Text, "cannot lock the account schema");
        m_conn->exec(kSchema, "cannot create the account tables (schema redline_service)");
        t.commit();
    }
    m_conn->exec("SET search_path TO redline_service", "cannot use schema redline_service");
}

void PgAccountDb::connect()
{
    m_conn.reset();
    m_conn.emplace(m_target);
    m_conn->exec("SET search_path TO redline_service", "cannot use schema redline_service");
}

pg::Result PgAccountDb::exec(const std::string& sql, const std::vector<pg::Param>& params)
{
    try
    {
        return m_conn->exec(sql, params, pg::ResultFormat::Text, "cannot read the accounts");
    }
    catch (const pg::DatabaseError& e)
    {
        if (m_inTransaction || !connectionLost(e))
            throw;
    }
    connect();
    return m_conn->exec(sql, params, pg::ResultFormat::Text, "cannot read the accounts");
}

std::unique_ptr<AccountQuery> PgAccountDb::query(const std::string& sql)
{
    return std::make_unique<PgQuery>(*this, dollarParameters(sql));
}

void PgAccountDb::begin()
{
    (void)exec("BEGIN", {});
    m_inTransaction = true;
}

void PgAccountDb::commit()
{
    m_inTransaction = false;
    m_conn->exec("COMMIT", "cannot commit the account change");
}

void PgAccountDb::rollback() noexcept
{
    m_inTransaction = false;
    try
    {
        m_conn->exec("ROLLBACK");
    }
    catch (const std::exception&) // the connection is gone: the server rolled back already
    {
    }
}

std::string PgAccountDb::label() const
{
    return m_target.redacted() + " (schema " + kAccountSchema + ")";
}

} // namespace redline::service
