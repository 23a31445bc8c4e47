// redline: screening of project sites against ecological zoning layers (DESIGN A3).
// main only wires subcommands and turns exceptions into one line on stderr and an exit code.

#include <CLI/CLI.hpp>

#include <iostream>
#include <sstream>

#include "BuiltinPlugins.hpp"
#include "Commands.hpp"
#include "ExitCodes.hpp"
#include "redline/core/Error.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/pg/ConnectionString.hpp"
#include "redline/plugin/Registry.hpp"

int main(int argc, char** argv)
{
    redline::gdalInit();
    redline::Registry registry;
    redline::registerBuiltinPlugins(registry);

    CLI::App app{"redline: screen project sites against ecological zoning layers"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("redline ") + REDLINE_VERSION);
    int exitCode = exitcode::kOk;
    addScreenCommand(app, registry, exitCode);
    addPluginsCommand(app, registry, exitCode);
    addConvertCommand(app, registry, exitCode);
    addCheckCommand(app, registry, exitCode);
    addStatsCommand(app, registry, exitCode);
    addHistoryCommand(app, registry, exitCode);
    addDiffCommand(app, registry, exitCode);
    addRulesCommand(app, registry, exitCode);
    addServeCommand(app, registry, exitCode);
    addUsersCommand(app, registry, exitCode);
    addLedgerCommand(app, registry, exitCode);
    addStoreCommand(app, registry, exitCode);

    try
    {
        app.parse(argc, argv);
    }
    catch (const CLI::ParseError& e)
    {
        // Usage errors may echo arguments: never a connection string's password.
        std::ostringstream out;
        std::ostringstream err;
        const int rc = app.exit(e, out, err);
        std::cout << out.str();
        std::cerr << redline::pg::redactText(err.str());
        return rc == 0 ? exitcode::kOk : exitcode::kUsage;
    }
    catch (const redline::Error& e)
    {
        std::cerr << "redline: " << redline::pg::redactText(e.what()) << "\n";
        return exitcode::kInputError;
    }
    catch (const std::exception& e)
    {
        std::cerr << "redline: internal error: " << redline::pg::redactText(e.what()) << "\n";
        return exitcode::kInputError;
    }
    return exitCode;
}
