// redline store push SRC DST: a zoning store (GeoPackage, catalog.yaml or PostGIS) into a PostGIS
// schema, in one transaction, with its history.

#include <iostream>

#include <CLI/CLI.hpp>

#include "redline/model/StoreTransfer.hpp"

#include "CurrentUser.hpp"
#include "ExitCodes.hpp"
#include "StoreCommands.hpp"

void addStorePushCommand(CLI::App& store, int& exitCode)
{
    struct Args
    {
        std::string source;
        std::string target;
        bool replace = false;
        std::string partitionBy;
    };
    auto args = std::make_shared<Args>();
    auto* sub = store.add_subcommand(
        "push", "Copy a store into a PostGIS schema (tables, GiST indexes, constraints, catalog, "
                "history) in one transaction");
    sub->add_option("SRC", args->source, "Store to copy: GeoPackage, catalog.yaml or PostGIS")
        ->required();
    sub->add_option("DST", args->target,
                    "PostGIS store: 'PG:dbname=… host=… schemas=NAME' or "
                    "'postgresql://…?schema=NAME' (password: ~/.pgpass or PGPASSWORD)")
        ->required();
    sub->add_flag("--replace", args->replace,
                  "Replace the store already in the schema (default: refuse)");
    sub->add_option("--partition-by", args->partitionBy,
                    "Partition the layers having this field by LIST on it (e.g. county_code): one "
                    "partition per value, for province-scale stores");
    sub->callback(
        [args, &exitCode]
        {
            redline::PushOptions options;
            options.replace = args->replace;
            options.user = currentUser();
            options.partitionBy = args->partitionBy;
            const auto s = redline::pushStore(args->source, args->target, options);
            std::cout << "pushed " << s.source << " (revision " << s.revision << ") to " << s.target
                      << ": " << s.layers << " layers, " << s.features << " features, "
                      << s.revisions << " revisions, " << s.auditRows << " audit rows\n";
            exitCode = exitcode::kOk;
        });
}
