// redline store pull SRC OUT.gpkg [--at-rev N]: an offline GeoPackage copy of a store as it was
// at a revision, with the same fids, catalog and history.

#include <iostream>

#include <CLI/CLI.hpp>

#include "redline/model/StoreTransfer.hpp"

#include "ExitCodes.hpp"
#include "StoreCommands.hpp"

void addStorePullCommand(CLI::App& store, int& exitCode)
{
    struct Args
    {
        std::string source;
        std::string output;
        int atRev = -1;
        bool replace = false;
    };
    auto args = std::make_shared<Args>();
    auto* sub =
        store.add_subcommand("pull", "Write an offline GeoPackage copy of a store (at a revision)");
    sub->add_option("SRC", args->source, "Store: PostGIS (PG:… schemas=NAME), GeoPackage, catalog")
        ->required();
    sub->add_option("OUT", args->output, "The GeoPackage to write (.gpkg)")->required();
    sub->add_option("--at-rev", args->atRev, "Copy the store as it was at this revision")
        ->check(CLI::NonNegativeNumber);
    sub->add_flag("--replace", args->replace, "Overwrite OUT if it exists (default: refuse)");
    sub->callback(
        [args, &exitCode]
        {
            redline::PullOptions options;
            if (args->atRev >= 0)
                options.revision = args->atRev;
            options.replace = args->replace;
            const auto s = redline::pullStore(args->source, args->output, options);
            std::cout << "pulled " << s.source << " at revision " << s.revision << " to "
                      << s.target << ": " << s.layers << " layers, " << s.features << " features, "
                      << s.revisions << " revisions, " << s.auditRows << " audit rows\n";
            exitCode = exitcode::kOk;
        });
}
