#include "auth/Accounts.hpp"

#include <iostream>
#include <regex>

#include <termios.h>
#include <unistd.h>

#include "redline/core/Error.hpp"

#include "auth/Crypto.hpp"
#include "util/Clock.hpp"

namespace redline::service
{

namespace
{

constexpr std::size_t kMinPassword = 10;
constexpr std::size_t kMaxPassword = 1024;

void checkName(const std::string& name)
{
    // Letters, digits, '.', '_', '-' and any non-ASCII (Chinese names); 1–64 bytes.
    static const std::regex ok(R"(^([A-Za-z0-9._-]|[\x80-\xff]){1,64}$)");
    if (!std::regex_match(name, ok))
        throw ConfigError("user name '" + name +
                          "' must be 1–64 letters, digits, '.', '_' or '-' (Chinese allowed).");
}

void checkPassword(const std::string& password)
{
    if (password.size() < kMinPassword)
        throw ConfigError("the password must have at least " + std::to_string(kMinPassword) +
                          " characters.");
    if (password.size() > kMaxPassword)
        throw ConfigError("the password is longer than " + std::to_string(kMaxPassword) +
                          " bytes.");
}

UserRecord userFrom(const AccountQuery& s)
{
    UserRecord u;
    u.id = s.integer(0);
    u.name = s.text(1);
    u.role = parseRole(s.text(2)).value_or(Role::Approver);
    u.disabled = s.integer(3) != 0;
    u.passwordHash = s.text(4);
    u.createdAt = s.text(5);
    return u;
}

constexpr const char* kUserColumns =
    "SELECT id, name, role, disabled, COALESCE(password_hash, ''), created_at FROM users ";

} // namespace

std::optional<TokenParts> splitToken(const std::string& token)
{
    static const std::regex shape(R"(^rl_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$)");
    std::smatch m;
    if (!std::regex_match(token, m, shape))
        return std::nullopt;
    return TokenParts{m[1].str(), m[2].str()};
}

void Accounts::addUser(const std::string& name, Role role, const std::string& password)
{
    checkName(name);
    checkPassword(password);
    if (findByName(name))
        throw ConfigError("user '" + name + "' already exists.");
    const std::string hash = slowHash(password);
    AccountTransaction t(m_db);
    const std::string now = nowRfc3339();
    m_db.query("INSERT INTO users (name, role, password_hash, created_at, updated_at) "
               "VALUES (?1, ?2, ?3, ?4, ?4)")
        ->bind(1, name)
        .bind(2, toString(role))
        .bind(3, hash)
        .bind(4, now)
        .run();
    bumpAuthVersion(m_db);
    t.commit();
}

void Accounts::setPassword(const std::string& name, const std::string& password)
{
    checkPassword(password);
    const UserRecord u = require(name);
    const std::string hash = slowHash(password);
    AccountTransaction t(m_db);
    m_db.query("UPDATE users SET password_hash = ?1, updated_at = ?2 WHERE id = ?3")
        ->bind(1, hash)
        .bind(2, nowRfc3339())
        .bind(3, u.id)
        .run();
    m_db.query("DELETE FROM sessions WHERE user_id = ?1")->bind(1, u.id).run();
    bumpAuthVersion(m_db);
    t.commit();
}

std::string Accounts::issueToken(const std::string& name, const std::string& label,
                                 std::optional<int> validDays)
{
    const UserRecord u = require(name);
    if (u.disabled)
        throw ConfigError("user '" + name + "' is disabled.");
    if (validDays && (*validDays < 1 || *validDays > 3650))
        throw ConfigError("--days must be between 1 and 3650.");
    const std::string id = randomHex(8);
    const std::string secret = randomSecret(32);
    const std::string hash = slowHash(secret);
    AccountTransaction t(m_db);
    auto insert = m_db.query("INSERT INTO tokens (id, user_id, secret_hash, label, created_at, "
                             "expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert->bind(1, id).bind(2, u.id).bind(3, hash).bind(4, label).bind(5, nowRfc3339());
    if (validDays)
        insert->bind(6, nowUnix() + std::int64_t{*validDays} * 86400);
    else
        insert->bindNull(6);
    insert->run();
    bumpAuthVersion(m_db);
    t.commit();
    return "rl_" + id + "_" + secret;
}

void Accounts::disable(const std::string& name)
{
    const UserRecord u = require(name);
    AccountTransaction t(m_db);
    m_db.query("UPDATE users SET disabled = 1, updated_at = ?1 WHERE id = ?2")
        ->bind(1, nowRfc3339())
        .bind(2, u.id)
        .run();
    m_db.query("UPDATE tokens SET revoked = 1 WHERE user_id = ?1")->bind(1, u.id).run();
    m_db.query("DELETE FROM sessions WHERE user_id = ?1")->bind(1, u.id).run();
    bumpAuthVersion(m_db);
    t.commit();
}

void Accounts::enable(const std::string& name)
{
    const UserRecord u = require(name);
    AccountTransaction t(m_db);
    m_db.query("UPDATE users SET disabled = 0, updated_at = ?1 WHERE id = ?2")
        ->bind(1, nowRfc3339())
        .bind(2, u.id)
        .run();
    bumpAuthVersion(m_db);
    t.commit();
}

std::vector<UserRecord> Accounts::list()
{
    std::vector<UserRecord> out;
    auto s = m_db.query(std::string(kUserColumns) + "ORDER BY name");
    while (s->step())
        out.push_back(userFrom(*s));
    return out;
}

std::optional<UserRecord> Accounts::findByName(const std::string& name)
{
    auto s = m_db.query(std::string(kUserColumns) + "WHERE name = ?1");
    s->bind(1, name);
    if (!s->step())
        return std::nullopt;
    return userFrom(*s);
}

std::optional<UserRecord> Accounts::findById(std::int64_t id)
{
    auto s = m_db.query(std::string(kUserColumns) + "WHERE id = ?1");
    s->bind(1, id);
    if (!s->step())
        return std::nullopt;
    return userFrom(*s);
}

std::optional<TokenRecord> Accounts::findToken(const std::string& id)
{
    auto s = m_db.query(
        "SELECT id, user_id, secret_hash, expires_at, revoked FROM tokens WHERE id = ?1");
    s->bind(1, id);
    if (!s->step())
        return std::nullopt;
    return TokenRecord{s->text(0), s->integer(1), s->text(2), s->optionalInteger(3),
                       s->integer(4) != 0};
}

UserRecord Accounts::require(const std::string& name)
{
    auto u = findByName(name);
    if (!u)
        throw ConfigError("no user '" + name + "' in " + m_db.label() + ".");
    return *u;
}

std::string readPassword(bool fromStdin)
{
    std::string password;
    if (fromStdin)
    {
        std::getline(std::cin, password);
        if (!password.empty() && password.back() == '\r')
            password.pop_back();
        return password;
    }
    if (!isatty(STDIN_FILENO))
        throw ConfigError("standard input is not a terminal: give --password-stdin to read the "
                          "password from it.");
    auto prompt = [](const char* text)
    {
        std::cerr << text << std::flush;
        termios old{};
        tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        std::string line;
        std::getline(std::cin, line);
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::cerr << "\n";
        return line;
    };
    password = prompt("Password: ");
    if (prompt("Again: ") != password)
        throw ConfigError("the two passwords differ.");
    return password;
}

} // namespace redline::service
