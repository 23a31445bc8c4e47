#pragma once
// The service database beside a file store (issue 11): users, API tokens, browser sessions, jobs
// and the decision ledger (台账) in one SQLite file, `<store folder>/<store name>.redline.sqlite`
// unless given. For a PostGIS store the accounts, tokens and sessions live in the store's own
// database instead (auth/AccountDb); `users` here then holds only the id, name and role that
// jobs refer to (Authenticator::mirror), never a credential. The schema is created on first use;
// the ledger tables are append-only (triggers refuse UPDATE and DELETE).

#include <memory>
#include <string>

#include "db/Sqlite.hpp"

namespace redline::service
{

// `<folder of store>/<stem of store>.redline.sqlite` (zoning.gpkg -> zoning.redline.sqlite); a
// PostGIS store has no folder: ConfigError (the database is given with --db).
[[nodiscard]] std::string defaultServiceDbPath(const std::string& store);

// Opens the database and creates or upgrades its schema.
[[nodiscard]] std::unique_ptr<Database> openServiceDb(const std::string& path, bool create);

} // namespace redline::service
