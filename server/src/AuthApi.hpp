#pragma once
// Browser sign-in for the web page of issue 12: POST /auth/login (JSON or form; sets the
// HttpOnly, SameSite=Strict session cookie and returns the CSRF token), GET /auth/session (who
// is signed in, and the CSRF token again for a reloaded page), POST /auth/logout. And GET /users
// for admins.

#include "ServiceContext.hpp"
#include "auth/Principal.hpp"

namespace redline::service
{

class AuthApi
{
  public:
    explicit AuthApi(ServiceContext& ctx) : m_ctx(ctx) {}
    // Slow (Argon2id): call off the I/O threads.
    [[nodiscard]] Response login(const Request& request, const Peer& peer);
    [[nodiscard]] Response session(const Principal& who);
    [[nodiscard]] Response logout(const Request& request);
    [[nodiscard]] Response users(const Principal& who);

  private:
    ServiceContext& m_ctx;
};

} // namespace redline::service
