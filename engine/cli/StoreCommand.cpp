// redline store: moving zoning stores between GeoPackage and PostGIS, and bringing in whole layers
// (DESIGN A5, issue 10). Each subcommand lives in its own Store<Name>Command.cpp.

#include <CLI/CLI.hpp>

#include "Commands.hpp"
#include "StoreCommands.hpp"

void addStoreCommand(CLI::App& app, const redline::Registry& /*registry*/, int& exitCode)
{
    auto* store = app.add_subcommand(
        "store", "Shared zoning stores: push to PostGIS, pull offline copies, import layers");
    store->require_subcommand(1);
    addStorePushCommand(*store, exitCode);
    addStorePullCommand(*store, exitCode);
    addStoreImportLayerCommand(*store, exitCode);
}
