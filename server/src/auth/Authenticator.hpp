#pragma once
// Authentication of every request (issue 11 §4):
//  - API clients: `Authorization: Bearer rl_<id>_<secret>`. The first request with a token pays
//    one Argon2id verification (off the I/O threads, at most `maxConcurrentHashes` at a time);
//    then the CredentialCache admits it with one HMAC. Disabling an account, revoking a token or
//    changing a password bumps the database's auth version, which empties the cache within a
//    second (pollRevocations), and cached entries expire after `tokenCacheTtl` anyway.
//  - Browsers (issue 12): `POST /auth/login` sets an HttpOnly, SameSite=Strict cookie holding a
//    random 256-bit session secret (the table keeps its SHA-256); state-changing requests on a
//    session must carry its CSRF token (`X-CSRF-Token` header or a `csrf_token` form field) and,
//    when the browser sends one, an Origin equal to the service's own.
//  - Accounts, tokens and sessions are read where the accounts live (AccountDb: the PostGIS
//    store's database, or the SQLite service database).
//  - Failed sign-ins and bad tokens are counted per peer address (from the socket); past the
//    limit the peer gets 429 before any hash is computed.
// Thread-safe.

#include <chrono>
#include <mutex>
#include <optional>
#include <semaphore>
#include <set>
#include <string>

#include "auth/CredentialCache.hpp"
#include "auth/Principal.hpp"
#include "auth/RateLimiter.hpp"
#include "http/Http.hpp"

namespace redline::service
{

struct AuthSettings
{
    std::chrono::seconds tokenCacheTtl{300};
    std::chrono::seconds sessionIdle{30 * 60};
    std::chrono::seconds sessionAbsolute{12 * 3600};
    bool secureCookie = false;     // true behind a TLS proxy
    double failuresPerMinute = 10; // per peer address
    double failureBurst = 20;
    std::ptrdiff_t maxConcurrentHashes = 2;
};

enum class AuthStatus
{
    Ok,
    NeedsSlowCheck, // a token not in the cache: call again with allowSlow off the I/O threads
    Missing,
    Invalid,
    Throttled
};

struct AuthResult
{
    AuthStatus status = AuthStatus::Missing;
    Principal principal;
    double retryAfter = 0;
};

struct SessionTicket
{
    std::string cookie; // the Set-Cookie header value
    std::string csrfToken;
    Principal principal;
};

inline constexpr const char* kSessionCookie = "redline_session";

class Authenticator
{
  public:
    // `dbPath`: the SQLite service database (jobs); `accounts`: where the accounts are
    // (accountsLocation: the PostGIS store's database, or `dbPath`).
    Authenticator(std::string dbPath, std::string accounts, AuthSettings settings,
                  std::string origin);
    [[nodiscard]] const std::string& accounts() const { return m_accounts; }

    [[nodiscard]] AuthResult authenticate(const Request& request, const Peer& peer, bool allowSlow);
    // True unless a cookie session's state-changing request lacks its CSRF token (or comes from
    // another origin). `formToken` is the csrf_token form field, when the body is a form.
    [[nodiscard]] bool csrfSatisfied(const Principal& who, const Request& request,
                                     const std::string* formToken) const;

    // Slow (Argon2id): call off the I/O threads. nullopt with `failure` set when refused.
    [[nodiscard]] std::optional<SessionTicket> login(const std::string& name,
                                                     const std::string& password, const Peer& peer,
                                                     AuthResult& failure);
    // Ends the session of this request's cookie; returns the Set-Cookie value that clears it.
    [[nodiscard]] std::string logout(const Request& request);

    // Empties the credential cache when accounts changed since the last call (once a second).
    void pollRevocations();

  private:
    [[nodiscard]] AuthResult fromSession(const std::string& secret);
    [[nodiscard]] AuthResult fromToken(const std::string& token, const Peer& peer, bool allowSlow);
    [[nodiscard]] AuthResult refused(const Peer& peer);
    [[nodiscard]] std::string cookie(const std::string& value, std::int64_t maxAge) const;
    // Accounts in PostgreSQL: gives the SQLite service database the account's row (id, name,
    // role) that its jobs refer to, once per account and process.
    void mirror(const Principal& who);

    std::string m_dbPath;
    std::string m_accounts;
    bool m_mirror = false;
    std::mutex m_mirrorMutex;
    std::set<std::int64_t> m_mirrored;
    AuthSettings m_settings;
    std::string m_origin;
    CredentialCache m_cache;
    RateLimiter m_failures;
    std::counting_semaphore<64> m_hashSlots;
    std::int64_t m_authVersion = -1;
    std::string m_dummyHash; // verified against when the user does not exist (same timing)
};

// The value of one cookie in a Cookie header, or nullopt.
[[nodiscard]] std::optional<std::string> cookieValue(std::string_view header,
                                                     std::string_view name);

} // namespace redline::service
