#include "auth/Role.hpp"

namespace redline::service
{

const char* toString(Role role)
{
    switch (role)
    {
    case Role::Approver:
        return "approver";
    case Role::Reviewer:
        return "reviewer";
    case Role::Planner:
        return "planner";
    case Role::Admin:
        return "admin";
    }
    return "approver";
}

std::optional<Role> parseRole(const std::string& text)
{
    for (Role r : {Role::Approver, Role::Reviewer, Role::Planner, Role::Admin})
        if (text == toString(r))
            return r;
    return std::nullopt;
}

bool canScreen(Role role)
{
    return role == Role::Approver;
}

bool readsEveryJob(Role role)
{
    return role == Role::Reviewer || role == Role::Admin;
}

bool readsEverySite(Role role)
{
    return role == Role::Reviewer || role == Role::Planner || role == Role::Admin;
}

bool manages(Role role)
{
    return role == Role::Admin;
}

} // namespace redline::service
