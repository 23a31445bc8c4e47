#pragma once
// Subcommands of `redline store` (one file each).

namespace CLI
{
class App;
}

void addStorePushCommand(CLI::App& store, int& exitCode);
void addStorePullCommand(CLI::App& store, int& exitCode);
void addStoreImportLayerCommand(CLI::App& store, int& exitCode);
