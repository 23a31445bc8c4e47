#pragma once
// Who a request acts for, once authenticated.

#include <cstdint>
#include <string>

#include "auth/Role.hpp"

namespace redline::service
{

struct Principal
{
    std::int64_t userId = 0;
    std::string name;
    Role role = Role::Approver;
    bool viaSession = false; // browser cookie: state-changing requests need the CSRF token
    std::string csrfToken;   // the session's, when viaSession
};

} // namespace redline::service
