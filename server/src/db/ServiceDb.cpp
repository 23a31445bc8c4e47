#include "db/ServiceDb.hpp"

#include <filesystem>

#include "redline/core/Error.hpp"
#include "redline/pg/ConnectionString.hpp"

namespace redline::service
{

namespace
{

constexpr int kSchemaVersion = 4;

// Schema 1 ledgers lacked the parameters and the store's fingerprint: add the columns (empty for
// the entries already written, which are never changed).
constexpr const char* kMigrate1To2 = "ALTER TABLE ledger ADD COLUMN store_fingerprint TEXT;"
                                     "ALTER TABLE ledger ADD COLUMN parameters TEXT;";

// Schema 2 indexed every job by status and every ledger entry by time, on every screening, for
// no query's sake (the ledger export reads in id order; only unfinished jobs are looked up by
// status, at start): an index of unfinished jobs replaces them.
constexpr const char* kMigrate2To3 = "DROP INDEX jobs_status; DROP INDEX ledger_time;";
// Schema 4 adds jobs_created (kSchema creates it), so that a reviewer's job list is not a sort of
// every job ever run.

constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO meta VALUES ('auth_version', 0);

CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('approver', 'reviewer', 'planner', 'admin')),
  password_hash TEXT,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- API tokens: the client holds "rl_<id>_<secret>"; only an Argon2id hash of the secret is kept.
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  secret_hash TEXT NOT NULL,
  label TEXT,
  created_at TEXT NOT NULL,
  expires_at INTEGER,
  revoked INTEGER NOT NULL DEFAULT 0
);

-- Browser sessions (HttpOnly SameSite cookie + CSRF token): the cookie carries a random 256-bit
-- secret; the table keeps its SHA-256 only.
CREATE TABLE IF NOT EXISTS sessions (
  id_hash BLOB PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  process_id TEXT NOT NULL,
  status TEXT NOT NULL
    CHECK (status IN ('accepted', 'running', 'successful', 'failed', 'dismissed')),
  message TEXT,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  updated_at TEXT NOT NULL,
  input_name TEXT,
  input_sha256 TEXT
);
CREATE INDEX IF NOT EXISTS jobs_user ON jobs (user_id, created_at);
-- Every job newest first (reviewers' job list) without sorting the table; appended to in order.
CREATE INDEX IF NOT EXISTS jobs_created ON jobs (created_at);
-- Jobs still waiting or running (failInterruptedJobs at start); a finished job leaves it.
CREATE INDEX IF NOT EXISTS jobs_unfinished ON jobs (status) WHERE status IN ('accepted', 'running');

-- The decision ledger: one row per screening (successful or failed), never changed afterwards.
CREATE TABLE IF NOT EXISTS ledger (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  job_id TEXT NOT NULL,
  user_name TEXT NOT NULL,
  screened_at TEXT NOT NULL,
  input_name TEXT,
  input_sha256 TEXT,
  store TEXT NOT NULL,
  store_revision INTEGER,
  rule_set TEXT,
  rule_set_version TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('successful', 'failed')),
  message TEXT,
  report BLOB,
  store_fingerprint TEXT,
  parameters TEXT
);
CREATE INDEX IF NOT EXISTS ledger_job ON ledger (job_id);

CREATE TABLE IF NOT EXISTS ledger_sites (
  ledger_id INTEGER NOT NULL REFERENCES ledger(id),
  idx INTEGER NOT NULL,
  site_id TEXT,
  name TEXT,
  verdict TEXT NOT NULL,
  geometry TEXT,
  min_lon REAL, min_lat REAL, max_lon REAL, max_lat REAL,
  PRIMARY KEY (ledger_id, idx)
);

CREATE TRIGGER IF NOT EXISTS ledger_append_only_u BEFORE UPDATE ON ledger
BEGIN SELECT RAISE(ABORT, 'the decision ledger is append-only'); END;
CREATE TRIGGER IF NOT EXISTS ledger_append_only_d BEFORE DELETE ON ledger
BEGIN SELECT RAISE(ABORT, 'the decision ledger is append-only'); END;
CREATE TRIGGER IF NOT EXISTS ledger_sites_append_only_u BEFORE UPDATE ON ledger_sites
BEGIN SELECT RAISE(ABORT, 'the decision ledger is append-only'); END;
CREATE TRIGGER IF NOT EXISTS ledger_sites_append_only_d BEFORE DELETE ON ledger_sites
BEGIN SELECT RAISE(ABORT, 'the decision ledger is append-only'); END;
)SQL";

} // namespace

std::string defaultServiceDbPath(const std::string& store)
{
    if (pg::ConnectionString::looksLike(store))
        throw ConfigError("a PostGIS store has no folder for the service database: give its "
                          "file with --db PATH.");
    const std::filesystem::path p(store);
    return (p.parent_path() / (p.stem().string() + ".redline.sqlite")).string();
}

std::unique_ptr<Database> openServiceDb(const std::string& path, bool create)
{
    auto db = std::make_unique<Database>(path, create);
    const auto current = [&]
    {
        auto version = db->prepare("PRAGMA user_version"); // finalized before any migration
        version.step();
        return version.integer(0);
    }();
    if (current > kSchemaVersion)
        throw ServiceDbError("service database " + path +
                             " was written by a newer redline "
                             "(schema " +
                             std::to_string(current) + ").");
    if (current < kSchemaVersion)
    {
        Transaction t(*db);
        if (current == 1)
            db->exec(kMigrate1To2);
        if (current == 1 || current == 2)
            db->exec(kMigrate2To3);
        db->exec(kSchema);
        db->exec("PRAGMA user_version=" + std::to_string(kSchemaVersion));
        t.commit();
    }
    return db;
}

} // namespace redline::service
