// redline store import-layer STORE LAYER SRC --reason TEXT [--match-by FIELD]: a whole layer
// from elsewhere (e.g. the province's adjusted red line) as one revision, after the same QA as
// any edit; prints what changed and the area change per class.

#include <iostream>

#include <CLI/CLI.hpp>

#include "redline/edit/LayerImport.hpp"

#include "CurrentUser.hpp"
#include "ExitCodes.hpp"
#include "StoreCommands.hpp"

void addStoreImportLayerCommand(CLI::App& store, int& exitCode)
{
    struct Args
    {
        std::string store;
        std::string layer;
        std::string source;
        redline::LayerImportOptions options;
        std::string sourceLayer;
        std::string sourceCrs;
    };
    auto args = std::make_shared<Args>();
    auto* sub = store.add_subcommand(
        "import-layer", "Bring a whole layer (e.g. a Shapefile from the province) into a store "
                        "as one revision: matched features modified, others added or deleted");
    sub->add_option("STORE", args->store, "Zoning store: GeoPackage, catalog.yaml or PostGIS")
        ->required();
    sub->add_option("LAYER", args->layer, "Layer of the store to replace (e.g. ecological_redline)")
        ->required();
    sub->add_option("SRC", args->source, "The received layer (any GDAL vector source)")->required();
    sub->add_option("--reason", args->options.reason, "Why: recorded with the revision")
        ->required();
    sub->add_option("--match-by", args->options.matchBy,
                    "Field that identifies a feature in both (default: the layer's id field)");
    sub->add_option("--src-layer", args->sourceLayer, "Layer of SRC (default: the first)");
    sub->add_option("--src-crs", args->sourceCrs, "CRS of SRC when it has none (EPSG:n or WKT)");
    sub->callback(
        [args, &exitCode]
        {
            redline::LayerImportOptions o = args->options;
            o.user = currentUser();
            if (!args->sourceLayer.empty())
                o.sourceLayer = args->sourceLayer;
            if (!args->sourceCrs.empty())
                o.sourceCrs = args->sourceCrs;
            const auto r = redline::importLayer(args->store, args->layer, args->source, o);
            std::cout << "revision " << r.commit.revision << ": " << r.commit.added << " added, "
                      << r.commit.modified << " modified, " << r.commit.deleted << " deleted, "
                      << r.unchanged << " unchanged\n";
            for (const auto& [from, to] : r.renamedFields)
                std::cout << "note: field '" << from << "' of " << args->source << " taken as '"
                          << to << "'\n";
            for (const auto& f : r.ignoredFields)
                std::cout << "note: field '" << f << "' of " << args->source
                          << " is not in the layer and was not imported\n";
            for (const auto& w : r.commit.qa.findings)
                std::cout << "accepted warning: " << w.message << "\n";
            redline::writeDiffText(r.diff, std::cout);
            exitCode = exitcode::kOk;
        });
}
