// redline users add|passwd|token|disable|enable|list: accounts of the screening service, where
// the service keeps them: in the database of a PostGIS store (schema redline_service), otherwise
// in its SQLite database beside the store (or --db). Passwords come from the terminal without
// echo, or from standard input with --password-stdin (scripts); tokens are printed once.

#include <iostream>
#include <memory>
#include <optional>

#include <CLI/CLI.hpp>

#include "redline/core/Error.hpp"
#include "redline/pg/ConnectionString.hpp"

#include "Commands.hpp"
#include "auth/AccountDb.hpp"
#include "auth/Accounts.hpp"
#include "auth/Crypto.hpp"
#include "db/ServiceDb.hpp"

namespace
{

struct UsersArgs
{
    std::string zones;
    std::string db;
    std::string name;
    std::string role;
    bool passwordStdin = false;
    std::string label;
    int days = 0;
};

// A PostGIS store's accounts are in its database; a file store's in the SQLite database beside
// it, or the one --db names.
std::unique_ptr<redline::service::AccountDb> open(const UsersArgs& a, bool create)
{
    using namespace redline::service;
    if (a.db.empty() && a.zones.empty())
        throw redline::ConfigError("give the store (--zones STORE) or the database (--db PATH).");
    initCrypto();
    const bool postgis = redline::pg::ConnectionString::looksLike(a.zones);
    if (postgis && !a.db.empty())
        throw redline::ConfigError("the accounts of a PostGIS store are in its database: give "
                                   "--zones without --db.");
    return openAccountDb(postgis        ? a.zones
                         : a.db.empty() ? defaultServiceDbPath(a.zones)
                                        : a.db,
                         create);
}

void addStoreOptions(CLI::App* sub, UsersArgs& a)
{
    sub->add_option("--zones", a.zones,
                    "The store the service serves (PostGIS: its database; a file: the "
                    "database beside it)");
    sub->add_option("--db", a.db, "The service database");
}

} // namespace

void addUsersCommand(CLI::App& app, const redline::Registry&, int& exitCode)
{
    using namespace redline::service;
    auto a = std::make_shared<UsersArgs>();
    auto* users = app.add_subcommand("users", "Accounts of the screening service");
    users->require_subcommand(1);

    auto* add = users->add_subcommand("add", "Add an account");
    addStoreOptions(add, *a);
    add->add_option("name", a->name, "User name")->required();
    add->add_option("--role", a->role, "approver, reviewer, planner or admin")
        ->required()
        ->check(CLI::IsMember({"approver", "reviewer", "planner", "admin"}));
    add->add_flag("--password-stdin", a->passwordStdin, "Read the password from standard input");
    add->callback(
        [a, &exitCode]
        {
            auto db = open(*a, true);
            const std::string password = readPassword(a->passwordStdin);
            Accounts(*db).addUser(a->name, *parseRole(a->role), password);
            std::cerr << "redline: added " << a->role << " '" << a->name << "'\n";
            exitCode = 0;
        });

    auto* passwd = users->add_subcommand("passwd", "Set an account's password (ends its sessions)");
    addStoreOptions(passwd, *a);
    passwd->add_option("name", a->name, "User name")->required();
    passwd->add_flag("--password-stdin", a->passwordStdin, "Read the password from standard input");
    passwd->callback(
        [a, &exitCode]
        {
            auto db = open(*a, false);
            Accounts(*db).setPassword(a->name, readPassword(a->passwordStdin));
            exitCode = 0;
        });

    auto* token = users->add_subcommand("token", "Issue an API token (printed once)");
    addStoreOptions(token, *a);
    token->add_option("name", a->name, "User name")->required();
    token->add_option("--label", a->label, "What the token is for");
    token->add_option("--days", a->days, "Valid for this many days (default: until disabled)");
    token->callback(
        [a, &exitCode]
        {
            auto db = open(*a, false);
            std::cout << Accounts(*db).issueToken(a->name, a->label,
                                                  a->days > 0 ? std::optional<int>(a->days)
                                                              : std::nullopt)
                      << "\n";
            exitCode = 0;
        });

    auto* disable =
        users->add_subcommand("disable", "Disable an account: its tokens and sessions stop "
                                         "working within a second");
    addStoreOptions(disable, *a);
    disable->add_option("name", a->name, "User name")->required();
    disable->callback(
        [a, &exitCode]
        {
            auto db = open(*a, false);
            Accounts(*db).disable(a->name);
            exitCode = 0;
        });

    auto* enable = users->add_subcommand("enable", "Enable a disabled account (issue new tokens)");
    addStoreOptions(enable, *a);
    enable->add_option("name", a->name, "User name")->required();
    enable->callback(
        [a, &exitCode]
        {
            auto db = open(*a, false);
            Accounts(*db).enable(a->name);
            exitCode = 0;
        });

    auto* list = users->add_subcommand("list", "List the accounts");
    addStoreOptions(list, *a);
    list->callback(
        [a, &exitCode]
        {
            auto db = open(*a, false);
            for (const auto& u : Accounts(*db).list())
                std::cout << u.name << "\t" << toString(u.role) << "\t"
                          << (u.disabled ? "disabled" : "active") << "\t" << u.createdAt << "\n";
            exitCode = 0;
        });
}
