// redline plugins: lists the rule sets, importers and exporters compiled into this build.

#include <CLI/CLI.hpp>

#include <iostream>

#include "Commands.hpp"
#include "redline/plugin/Registry.hpp"

void addPluginsCommand(CLI::App& app, const redline::Registry& registry, int& exitCode)
{
    auto* sub = app.add_subcommand("plugins", "List the rule sets, importers and exporters");
    sub->callback(
        [&registry, &exitCode]
        {
            for (const auto& info : registry.list())
                std::cout << info.name << "\t" << info.description << "\n";
            exitCode = 0;
        });
}
