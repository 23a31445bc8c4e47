#include "CurrentUser.hpp"

#include <cstdlib>

#include <pwd.h>
#include <unistd.h>

std::string currentUser()
{
    if (const char* u = std::getenv("REDLINE_USER"); u && *u)
        return u;
    if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name)
        return pw->pw_name;
    return "redline";
}
