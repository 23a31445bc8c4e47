// redline diff: changes between two revisions of a store or between two stores (issue 6, item 4).

#include <algorithm>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "redline/core/AtomicFile.hpp"
#include "redline/core/Error.hpp"
#include "redline/edit/Revision.hpp"
#include "redline/edit/StoreDiff.hpp"

#include "Commands.hpp"
#include "ExitCodes.hpp"

void addDiffCommand(CLI::App& app, const redline::Registry& /*registry*/, int& exitCode)
{
    struct Args
    {
        std::string from;
        std::string to;
        std::string zones;
        int fromRev = -1;
        int toRev = -1;
        std::string format = "text";
        std::string output;
    };
    auto args = std::make_shared<Args>();
    auto* sub = app.add_subcommand(
        "diff", "Features added, removed and changed, and area changes, between two versions");
    sub->add_option("--from", args->from, "Older store");
    sub->add_option("--to", args->to, "Newer store");
    sub->add_option("--zones", args->zones, "One store, with --from-rev/--to-rev");
    sub->add_option("--from-rev", args->fromRev, "Older revision (default 0)");
    sub->add_option("--to-rev", args->toRev, "Newer revision (default: the newest)");
    sub->add_option("--format", args->format, "Output format")
        ->check(CLI::IsMember({"text", "json"}));
    sub->add_option("--output,-o", args->output, "Write the report here (atomically)");
    sub->callback(
        [args, &exitCode]
        {
            const bool stores = !args->from.empty() || !args->to.empty();
            if (stores == !args->zones.empty() ||
                (stores && (args->from.empty() || args->to.empty())))
                throw CLI::ValidationError("diff", "give --from STORE --to STORE, or --zones "
                                                   "STORE [--from-rev N] [--to-rev M]");
            redline::StoreDiff diff;
            if (stores)
                diff = redline::diffStores(args->from, args->to);
            else
            {
                const int to =
                    args->toRev >= 0 ? args->toRev : redline::currentRevision(args->zones);
                diff = redline::diffRevisions(args->zones, std::max(args->fromRev, 0), to);
            }
            std::ostringstream text;
            if (args->format == "json")
                redline::writeDiffJson(diff, text);
            else
                redline::writeDiffText(diff, text);
            if (args->output.empty())
                std::cout << text.str();
            else
                redline::writeTextFileAtomically(args->output, text.str());
            exitCode = exitcode::kOk;
        });
}
