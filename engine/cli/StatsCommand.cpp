// redline stats: area of every layer and class, optionally by township (issue 6, item 2).

#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "redline/core/AtomicFile.hpp"
#include "redline/core/Error.hpp"
#include "redline/model/ZoningStore.hpp"
#include "redline/stats/ZoningStats.hpp"

#include "Commands.hpp"
#include "ExitCodes.hpp"

void addStatsCommand(CLI::App& app, const redline::Registry& /*registry*/, int& exitCode)
{
    struct Args
    {
        std::string zones;
        std::string by;
        std::string format = "text";
        std::string output;
        int atRev = -1;
    };
    auto args = std::make_shared<Args>();
    auto* sub = app.add_subcommand("stats", "Area of every layer and class (m², km², 亩)");
    sub->add_option("--zones", args->zones,
                    "Zoning store (GeoPackage, catalog.yaml, or PostGIS: PG:… schemas=NAME)")
        ->required();
    sub->add_option("--at-rev", args->atRev, "Areas of the store as it was at this revision")
        ->check(CLI::NonNegativeNumber);
    sub->add_option("--by", args->by, "Break areas down by township")
        ->check(CLI::IsMember({"township"}));
    sub->add_option("--format", args->format, "Output format")
        ->check(CLI::IsMember({"text", "csv", "json"}));
    sub->add_option("--output,-o", args->output, "Write the table here (atomically)");
    sub->callback(
        [args, &exitCode]
        {
            redline::StoreReadOptions read;
            if (args->atRev >= 0)
                read.revision = args->atRev;
            const auto store = redline::ZoningStore::load(args->zones, read);
            redline::StatsOptions options;
            options.byTownship = args->by == "township";
            if (options.byTownship && !store->hasKind("townships"))
                throw redline::ConfigError(store->label() +
                                           ": --by township needs a townships layer.");
            const auto rows =
                redline::computeZoningStats(store->layers(), store->analysisCrs(), options);
            std::ostringstream text;
            if (args->format == "csv")
                redline::writeStatsCsv(rows, text);
            else if (args->format == "json")
                redline::writeStatsJson(rows, store->label(), store->analysisCrs().label(), text);
            else
                redline::writeStatsText(rows, text);
            if (args->output.empty())
                std::cout << text.str();
            else
                redline::writeTextFileAtomically(args->output, text.str());
            exitCode = exitcode::kOk;
        });
}
