// redline check: zoning-layer QA (issue 6, item 1). Exit 1 when errors are found.

#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "redline/core/AtomicFile.hpp"
#include "redline/model/ZoningStore.hpp"
#include "redline/qa/ZoningQa.hpp"

#include "Commands.hpp"
#include "ExitCodes.hpp"

void addCheckCommand(CLI::App& app, const redline::Registry& /*registry*/, int& exitCode)
{
    struct Args
    {
        std::string zones;
        std::string format = "text";
        std::string output;
        double tolerance = 1.0;
        int atRev = -1;
    };
    auto args = std::make_shared<Args>();
    auto* sub = app.add_subcommand("check", "Zoning-layer QA: validity, partitions, domains, "
                                            "water-zone nesting, conflicts, official totals");
    sub->add_option("--zones", args->zones,
                    "Zoning store (GeoPackage, catalog.yaml, or PostGIS: PG:… schemas=NAME)")
        ->required();
    sub->add_option("--at-rev", args->atRev, "Check the store as it was at this revision")
        ->check(CLI::NonNegativeNumber);
    sub->add_option("--format", args->format, "Output format")
        ->check(CLI::IsMember({"text", "json"}));
    sub->add_option("--output,-o", args->output, "Write the report here (atomically)");
    sub->add_option("--tolerance", args->tolerance,
                    "Overlaps, gaps and misfits of at most this many m² are ignored")
        ->check(CLI::NonNegativeNumber);
    sub->callback(
        [args, &exitCode]
        {
            redline::StoreReadOptions read;
            read.repairInvalid = false; // the QA must see invalid geometries as stored
            if (args->atRev >= 0)
                read.revision = args->atRev;
            const auto store = redline::ZoningStore::load(args->zones, read);
            redline::QaOptions options;
            options.toleranceM2 = args->tolerance;
            options.storeLabel = store->label();
            const redline::QaReport report =
                redline::runZoningQa(store->layers(), store->analysisCrs(), options);
            std::ostringstream text;
            if (args->format == "json")
                redline::writeQaJson(report, text);
            else
                redline::writeQaText(report, text);
            if (args->output.empty())
                std::cout << text.str();
            else
                redline::writeTextFileAtomically(args->output, text.str());
            if (report.hasErrors())
                std::cerr << "redline: " << store->label() << ": " << report.errorCount()
                          << " QA error(s) found.\n";
            exitCode = report.hasErrors() ? exitcode::kInputError : exitcode::kOk;
        });
}
