#pragma once
// Accounts, API tokens and their changes, where the service keeps them (AccountDb: the PostGIS
// store's database, or the SQLite service database beside a file store); used by `redline users`
// and by the service. Passwords and token secrets are stored only as Argon2id hashes. Every
// change bumps the auth version, which makes a running service drop its cached credentials. One
// Accounts per thread (it uses the caller's AccountDb).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/AccountDb.hpp"
#include "auth/Role.hpp"

namespace redline::service
{

struct UserRecord
{
    std::int64_t id = 0;
    std::string name;
    Role role = Role::Approver;
    bool disabled = false;
    std::string passwordHash;
    std::string createdAt;
};

struct TokenRecord
{
    std::string id;
    std::int64_t userId = 0;
    std::string secretHash;
    std::optional<std::int64_t> expiresAt; // Unix seconds
    bool revoked = false;
};

// An API token as the client holds it: "rl_<16 hex id>_<43 base64url secret>".
struct TokenParts
{
    std::string id;
    std::string secret;
};
[[nodiscard]] std::optional<TokenParts> splitToken(const std::string& token);

class Accounts
{
  public:
    explicit Accounts(AccountDb& db) : m_db(db) {}

    // Throws ConfigError naming the problem (name taken, weak password, unknown role…).
    void addUser(const std::string& name, Role role, const std::string& password);
    void setPassword(const std::string& name, const std::string& password);
    // Returns the token; only its hash is kept, so it cannot be shown again.
    [[nodiscard]] std::string issueToken(const std::string& name, const std::string& label,
                                         std::optional<int> validDays);
    // Disables the account, revokes its tokens and ends its sessions.
    void disable(const std::string& name);
    void enable(const std::string& name);

    [[nodiscard]] std::vector<UserRecord> list();
    [[nodiscard]] std::optional<UserRecord> findByName(const std::string& name);
    [[nodiscard]] std::optional<UserRecord> findById(std::int64_t id);
    [[nodiscard]] std::optional<TokenRecord> findToken(const std::string& id);

  private:
    [[nodiscard]] UserRecord require(const std::string& name);
    AccountDb& m_db;
};

// Reads a password: from standard input when `fromStdin` (first line, for scripts), otherwise
// prompted twice on the terminal without echo. Throws ConfigError.
[[nodiscard]] std::string readPassword(bool fromStdin);

} // namespace redline::service
