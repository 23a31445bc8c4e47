#pragma once
// An error reported by PostgreSQL or libpq, as one sentence that names the database (redacted
// connection string) and never contains a password or the SQL text. `sqlstate()` is the server's
// SQLSTATE code ("28P01" wrong password, "23505" unique violation, "40001" serialization
// failure…), empty for client-side failures such as an unreachable server.

#include <string>

#include "redline/core/Error.hpp"

namespace redline::pg
{

class DatabaseError : public IoError
{
  public:
    DatabaseError(const std::string& message, std::string sqlstate)
        : IoError(message), m_sqlstate(std::move(sqlstate))
    {
    }
    [[nodiscard]] const std::string& sqlstate() const { return m_sqlstate; }

  private:
    std::string m_sqlstate;
};

} // namespace redline::pg
