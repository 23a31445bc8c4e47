#include "auth/Authenticator.hpp"

#include <algorithm>

#include <boost/algorithm/string/predicate.hpp>

#include "auth/AccountDb.hpp"
#include "auth/Accounts.hpp"
#include "db/ThreadDb.hpp"
#include "util/Clock.hpp"

namespace redline::service
{

namespace
{

constexpr std::size_t kCacheCapacity = 100000;

// RAII slot of the slow-hash semaphore.
class HashSlot
{
  public:
    explicit HashSlot(std::counting_semaphore<64>& s) : m_s(s) { m_s.acquire(); }
    ~HashSlot() { m_s.release(); }
    HashSlot(const HashSlot&) = delete;
    HashSlot& operator=(const HashSlot&) = delete;

  private:
    std::counting_semaphore<64>& m_s;
};

bool isSafeMethod(http::verb v)
{
    return v == http::verb::get || v == http::verb::head || v == http::verb::options;
}

} // namespace

std::optional<std::string> cookieValue(std::string_view header, std::string_view name)
{
    while (!header.empty())
    {
        const std::size_t semi = header.find(';');
        std::string_view item = header.substr(0, semi);
        header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
        while (!item.empty() && item.front() == ' ')
            item.remove_prefix(1);
        const std::size_t eq = item.find('=');
        if (eq != std::string_view::npos && item.substr(0, eq) == name)
            return std::string(item.substr(eq + 1));
    }
    return std::nullopt;
}

Authenticator::Authenticator(std::string dbPath, std::string accounts, AuthSettings settings,
                             std::string origin)
    : m_dbPath(std::move(dbPath)), m_accounts(std::move(accounts)),
      m_mirror(accountsInPostgres(m_accounts)), m_settings(settings), m_origin(std::move(origin)),
      m_cache(settings.tokenCacheTtl, kCacheCapacity),
      m_failures(settings.failuresPerMinute / 60.0, settings.failureBurst),
      m_hashSlots(std::clamp<std::ptrdiff_t>(settings.maxConcurrentHashes, 1, 64)),
      m_dummyHash(slowHash(randomSecret(16)))
{
}

AuthResult Authenticator::authenticate(const Request& request, const Peer& peer, bool allowSlow)
{
    const std::string_view authorization = sv(request[http::field::authorization]);
    if (!authorization.empty())
    {
        if (!boost::algorithm::istarts_with(authorization, "Bearer "))
            return refused(peer);
        std::string_view token = authorization.substr(7);
        while (!token.empty() && token.front() == ' ')
            token.remove_prefix(1);
        return fromToken(std::string(token), peer, allowSlow);
    }
    if (auto secret = cookieValue(sv(request[http::field::cookie]), kSessionCookie))
    {
        AuthResult r = fromSession(*secret);
        if (r.status == AuthStatus::Invalid)
            return refused(peer);
        return r;
    }
    return {};
}

AuthResult Authenticator::refused(const Peer& peer)
{
    AuthResult r;
    r.status =
        m_failures.take(peer.address, &r.retryAfter) ? AuthStatus::Invalid : AuthStatus::Throttled;
    return r;
}

AuthResult Authenticator::fromToken(const std::string& token, const Peer& peer, bool allowSlow)
{
    const auto parts = splitToken(token);
    if (!parts)
        return refused(peer);
    if (auto who = m_cache.find(parts->id, parts->secret))
        return {AuthStatus::Ok, *who, 0};
    if (!m_failures.has(peer.address))
    {
        AuthResult r;
        r.status = AuthStatus::Throttled;
        r.retryAfter = 60.0 / std::max(m_settings.failuresPerMinute, 1e-6);
        return r;
    }
    if (!allowSlow)
        return {AuthStatus::NeedsSlowCheck, {}, 0};

    Accounts accounts(threadAccountDb(m_accounts));
    const auto record = accounts.findToken(parts->id);
    bool ok = false;
    {
        HashSlot slot(m_hashSlots);
        ok = slowHashMatches(record ? record->secretHash : m_dummyHash, parts->secret) &&
             record.has_value();
    }
    if (!ok || record->revoked || (record->expiresAt && *record->expiresAt <= nowUnix()))
        return refused(peer);
    const auto user = accounts.findById(record->userId);
    if (!user || user->disabled)
        return refused(peer);
    Principal who{user->id, user->name, user->role, false, ""};
    mirror(who);
    m_cache.remember(parts->id, parts->secret, who);
    return {AuthStatus::Ok, who, 0};
}

AuthResult Authenticator::fromSession(const std::string& secret)
{
    if (secret.size() != 43)
        return {AuthStatus::Invalid, {}, 0};
    AccountDb& db = threadAccountDb(m_accounts);
    const Digest digest = sha256(secret);
    const std::vector<std::uint8_t> id(digest.begin(), digest.end());
    auto s = db.query("SELECT s.user_id, s.csrf_token, s.created_at, s.last_seen, "
                      "s.expires_at, u.name, u.role, u.disabled FROM sessions s JOIN users u "
                      "ON u.id = s.user_id WHERE s.id_hash = ?1");
    s->bindBlob(1, id);
    if (!s->step())
        return {AuthStatus::Invalid, {}, 0};
    const std::int64_t now = nowUnix();
    const bool expired = now >= s->integer(4) ||
                         now >= s->integer(2) + m_settings.sessionAbsolute.count() ||
                         s->integer(7) != 0;
    Principal who{s->integer(0), s->text(5), parseRole(s->text(6)).value_or(Role::Approver), true,
                  s->text(1)};
    const std::int64_t lastSeen = s->integer(3);
    s.reset();
    if (expired)
    {
        db.query("DELETE FROM sessions WHERE id_hash = ?1")->bindBlob(1, id).run();
        return {AuthStatus::Invalid, {}, 0};
    }
    // Sliding idle expiry, written at most once a minute (sooner for idle limits under 2 min).
    const std::int64_t idle = m_settings.sessionIdle.count();
    if (now - lastSeen >= std::clamp<std::int64_t>(idle / 2, 1, 60))
        db.query("UPDATE sessions SET last_seen = ?1, expires_at = ?2 WHERE id_hash = ?3")
            ->bind(1, now)
            .bind(2, now + m_settings.sessionIdle.count())
            .bindBlob(3, id)
            .run();
    mirror(who);
    return {AuthStatus::Ok, who, 0};
}

bool Authenticator::csrfSatisfied(const Principal& who, const Request& request,
                                  const std::string* formToken) const
{
    if (!who.viaSession || isSafeMethod(request.method()))
        return true;
    const std::string_view origin = sv(request[http::field::origin]);
    if (!origin.empty() && origin != m_origin)
        return false;
    const std::string_view header = sv(request["X-CSRF-Token"]);
    if (!header.empty())
        return constantTimeEqual(header, who.csrfToken);
    return formToken && constantTimeEqual(*formToken, who.csrfToken);
}

std::optional<SessionTicket> Authenticator::login(const std::string& name,
                                                  const std::string& password, const Peer& peer,
                                                  AuthResult& failure)
{
    if (!m_failures.has(peer.address))
    {
        failure.status = AuthStatus::Throttled;
        failure.retryAfter = 60.0 / std::max(m_settings.failuresPerMinute, 1e-6);
        return std::nullopt;
    }
    AccountDb& db = threadAccountDb(m_accounts);
    const auto user = Accounts(db).findByName(name);
    bool ok = false;
    {
        HashSlot slot(m_hashSlots);
        ok = slowHashMatches(user && !user->passwordHash.empty() ? user->passwordHash : m_dummyHash,
                             password) &&
             user.has_value();
    }
    if (!ok || user->disabled)
    {
        failure = refused(peer);
        return std::nullopt;
    }
    const std::string secret = randomSecret(32);
    const std::string csrf = randomSecret(32);
    const Digest id = sha256(secret);
    const std::int64_t now = nowUnix();
    db.query("INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen, "
             "expires_at) VALUES (?1, ?2, ?3, ?4, ?4, ?5)")
        ->bindBlob(1, std::vector<std::uint8_t>(id.begin(), id.end()))
        .bind(2, user->id)
        .bind(3, csrf)
        .bind(4, now)
        .bind(5, now + m_settings.sessionIdle.count())
        .run();
    // Forget sessions that ended long ago, so the table stays small.
    db.query("DELETE FROM sessions WHERE expires_at < ?1")->bind(1, now - 86400).run();
    SessionTicket t;
    t.cookie = cookie(secret, m_settings.sessionAbsolute.count());
    t.csrfToken = csrf;
    t.principal = {user->id, user->name, user->role, true, csrf};
    mirror(t.principal);
    return t;
}

std::string Authenticator::logout(const Request& request)
{
    if (auto secret = cookieValue(sv(request[http::field::cookie]), kSessionCookie))
    {
        const Digest id = sha256(*secret);
        threadAccountDb(m_accounts)
            .query("DELETE FROM sessions WHERE id_hash = ?1")
            ->bindBlob(1, std::vector<std::uint8_t>(id.begin(), id.end()))
            .run();
    }
    return cookie("", 0);
}

std::string Authenticator::cookie(const std::string& value, std::int64_t maxAge) const
{
    return std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; " +
           "Max-Age=" + std::to_string(maxAge) + (m_settings.secureCookie ? "; Secure" : "");
}

void Authenticator::pollRevocations()
{
    const std::int64_t v = authVersion(threadAccountDb(m_accounts));
    if (v != m_authVersion)
    {
        m_cache.clear();
        m_authVersion = v;
    }
}

void Authenticator::mirror(const Principal& who)
{
    if (!m_mirror)
        return;
    {
        std::lock_guard lock(m_mirrorMutex);
        if (m_mirrored.count(who.userId) != 0)
            return;
    }
    // Jobs in the SQLite service database name their account (foreign key, job lists): a row
    // per account of the PostgreSQL database, its id and name, no credentials.
    const std::string now = nowRfc3339();
    threadDb(m_dbPath)
        .prepare("INSERT INTO users (id, name, role, password_hash, disabled, created_at, "
                 "updated_at) VALUES (?1, ?2, ?3, NULL, 0, ?4, ?4) ON CONFLICT(id) DO UPDATE "
                 "SET name = excluded.name, role = excluded.role, updated_at = excluded.updated_at")
        .bind(1, who.userId)
        .bind(2, who.name)
        .bind(3, toString(who.role))
        .bind(4, now)
        .run();
    std::lock_guard lock(m_mirrorMutex);
    m_mirrored.insert(who.userId);
}

} // namespace redline::service
