#pragma once
// A PostgreSQL connection string as users write it (DESIGN A5):
//   PG:dbname=redline host=127.0.0.1 port=5432 user=alice schemas=yongjia   (GDAL's form)
//   postgresql://alice@127.0.0.1:5432/redline?schema=yongjia&sslmode=disable (libpq's URI)
// Everything but the schema is libpq's own syntax and is validated by libpq (PQconninfoParse);
// the password may also come from PGPASSWORD or ~/.pgpass, as libpq does. The redacted form
// (password and sslpassword removed) is the only form that may appear in output, logs or
// messages. Value type, thread-safe.

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace redline::pg
{

class ConnectionString
{
  public:
    // True for "PG:…", "postgresql://…" and "postgres://…" (nothing else is parsed as one).
    [[nodiscard]] static bool looksLike(const std::string& text);
    // Throws ConfigError with a message that never contains the password.
    [[nodiscard]] static ConnectionString parse(const std::string& text);

    // The schema named by `schemas=` / `schema=` / `active_schema=` ("" when none).
    [[nodiscard]] const std::string& schema() const { return m_schema; }
    // The text as given, minus any password: safe to print.
    [[nodiscard]] std::string redacted() const;
    // A libpq parameter (after parsing, URI parts included), e.g. "host", "port", "dbname".
    [[nodiscard]] std::optional<std::string> value(const std::string& keyword) const;
    // libpq keyword/value pairs (the password included): for the connection only.
    [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& parameters() const
    {
        return m_parameters;
    }
    // Secrets given in the string (password, sslpassword), to scrub from any message.
    [[nodiscard]] std::vector<std::string> secrets() const;
    // The same connection with another schema (for tools that address several stores).
    [[nodiscard]] ConnectionString withSchema(const std::string& schema) const;

  private:
    std::vector<std::pair<std::string, std::string>> m_parameters;
    std::string m_schema;
    std::string m_redactedBase; // redacted text without the schema
    bool m_uri = false;
};

// Replaces every occurrence of each secret in `text` by "***" (empty secrets ignored).
[[nodiscard]] std::string scrubSecrets(std::string text, const std::vector<std::string>& secrets);

// A store locator or any user-given text with a connection string's password removed: the
// redacted form when `text` parses as a connection string, otherwise `text` unchanged.
[[nodiscard]] std::string redactLocator(const std::string& text);

// Any text (a usage error echoing the command line, a message) with whatever looks like a
// password in it masked: `password=…`, `sslpassword=…` and the `:password@` of URIs.
[[nodiscard]] std::string redactText(const std::string& text);

} // namespace redline::pg
