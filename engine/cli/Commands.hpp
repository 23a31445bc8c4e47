#pragma once
// Each subcommand lives in its own <Name>Command.cpp and registers itself on the app through one
// add function. The command's callback stores its exit code in `exitCode`; engine exceptions
// propagate to main, which prints one line and maps them to exit codes (ExitCodes.hpp).

namespace CLI
{
class App;
}
namespace redline
{
class Registry;
}

void addScreenCommand(CLI::App& app, const redline::Registry& registry, int& exitCode);
void addPluginsCommand(CLI::App& app, const redline::Registry& registry, int& exitCode);
void addConvertCommand(CLI::App& app, const redline::Registry& registry, int& exitCode);
void addCheckCommand(CLI::App& app, const redline::Registry& registry, int& exitCode);
void addStatsCommand(CLI::App& app, const redline::Registry& registry, int& exitCode);
void addHistoryCommand(CLI::App& app, const redline::Registry& registry, int& exitCode);
void addDiffCommand(CLI::App& app, const redline::Registry& registry, int& exitCode);
void addRulesCommand(CLI::App& app, const redline::Registry& registry, int& exitCode);
void addServeCommand(CLI::App& app, const redline::Registry& registry, int& exitCode);
void addUsersCommand(CLI::App& app, const redline::Registry& registry, int& exitCode);
void addLedgerCommand(CLI::App& app, const redline::Registry& registry, int& exitCode);
void addStoreCommand(CLI::App& app, const redline::Registry& registry, int& exitCode);
