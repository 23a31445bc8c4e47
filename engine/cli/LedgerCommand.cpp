// redline ledger: exports the decision ledger (台账) of the screening service.

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "redline/core/Error.hpp"

#include "Commands.hpp"
#include "db/ServiceDb.hpp"
#include "ledger/Ledger.hpp"
#include "util/Clock.hpp"

void addLedgerCommand(CLI::App& app, const redline::Registry&, int& exitCode)
{
    struct Args
    {
        std::string zones, db, from, to, user, verdict, format = "csv";
    };
    auto a = std::make_shared<Args>();
    auto* sub = app.add_subcommand("ledger", "Export the decision ledger (台账) of the service");
    sub->add_option("--zones", a->zones, "The store the service serves (database beside it)");
    sub->add_option("--db", a->db, "The service database");
    sub->add_option("--from", a->from, "From this day or time (YYYY-MM-DD or RFC 3339 UTC)");
    sub->add_option("--to", a->to, "Up to this day (inclusive) or time");
    sub->add_option("--user", a->user, "Only this account's screenings");
    sub->add_option("--verdict", a->verdict, "Only screenings with a site of this verdict")
        ->check(CLI::IsMember({"prohibited", "restricted", "needs_review", "allowed", "error"}));
    sub->add_option("--format", a->format, "csv (one row per site) or json")
        ->check(CLI::IsMember({"csv", "json"}));
    sub->callback(
        [a, &exitCode]
        {
            using namespace redline::service;
            if (a->db.empty() && a->zones.empty())
                throw redline::ConfigError("give the store (--zones STORE) or the database "
                                           "(--db PATH).");
            LedgerFilter f;
            if (!a->from.empty())
            {
                f.from = normaliseTime(a->from, false);
                if (!f.from)
                    throw redline::ConfigError("--from '" + a->from +
                                               "' is not YYYY-MM-DD or an RFC 3339 UTC time.");
            }
            if (!a->to.empty())
            {
                f.to = normaliseTime(a->to, true);
                if (!f.to)
                    throw redline::ConfigError("--to '" + a->to +
                                               "' is not YYYY-MM-DD or an RFC 3339 UTC time.");
            }
            if (!a->user.empty())
                f.user = a->user;
            if (!a->verdict.empty())
                f.verdict = a->verdict;
            auto db = openServiceDb(a->db.empty() ? defaultServiceDbPath(a->zones) : a->db, false);
            exportLedger(*db, f, a->format, std::cout);
            exitCode = 0;
        });
}
