// redline history: the revisions edit sessions committed to a zoning GeoPackage (issue 6, item 4).

#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "redline/model/ZoningSource.hpp"

#include "Commands.hpp"
#include "ExitCodes.hpp"

void addHistoryCommand(CLI::App& app, const redline::Registry& /*registry*/, int& exitCode)
{
    struct Args
    {
        std::string zones;
        std::string format = "text";
    };
    auto args = std::make_shared<Args>();
    auto* sub = app.add_subcommand("history", "Revisions of a zoning store: user, time, reason");
    sub->add_option("--zones", args->zones,
                    "Zoning store (GeoPackage, its catalog.yaml, or PostGIS: PG:… schemas=NAME)")
        ->required();
    sub->add_option("--format", args->format, "Output format")
        ->check(CLI::IsMember({"text", "json"}));
    sub->callback(
        [args, &exitCode]
        {
            const auto source = redline::ZoningSource::open(args->zones);
            const auto history = source->history();
            if (args->format == "json")
            {
                nlohmann::ordered_json j = nlohmann::ordered_json::array();
                for (const auto& r : history)
                    j.push_back({{"revision", r.revision},
                                 {"time", r.time},
                                 {"user", r.user},
                                 {"reason", r.reason},
                                 {"added", r.added},
                                 {"modified", r.modified},
                                 {"deleted", r.deleted},
                                 {"warnings", r.warnings}});
                std::cout << j.dump(2) << "\n";
            }
            else
            {
                if (history.empty())
                    std::cout << source->label() << ": no revision (never edited)\n";
                for (const auto& r : history)
                    std::cout << "r" << r.revision << "  " << r.time << "  " << r.user << "  +"
                              << r.added << " ~" << r.modified << " -" << r.deleted << "  "
                              << r.reason << "\n";
            }
            exitCode = exitcode::kOk;
        });
}
