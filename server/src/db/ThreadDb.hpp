#pragma once
// One connection to the service database per thread (SQLite connections must not be shared
// between threads); opened on first use, closed when the thread ends.

#include <string>

#include "db/Sqlite.hpp"

namespace redline::service
{

[[nodiscard]] Database& threadDb(const std::string& path);

} // namespace redline::service
