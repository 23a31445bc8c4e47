// redline screen: sites × zoning store -> overlaps, distances and verdicts (DESIGN A3/A4).

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <iostream>
#include <memory>

#include "Commands.hpp"
#include "ExitCodes.hpp"
#include "ScreenOutput.hpp"
#include "redline/analysis/Screening.hpp"
#include "redline/core/Error.hpp"
#include "redline/io/SiteSource.hpp"
#include "redline/model/StoreWindow.hpp"
#include "redline/model/ZoningSource.hpp"
#include "redline/plugin/Registry.hpp"
#include "redline/rules/ResolveRuleSet.hpp"

namespace
{

struct ScreenArgs
{
    std::string zones;
    std::string sites;
    std::string siteWkt;
    std::string siteLayer;
    std::string siteCrs;
    std::string towgs84;
    std::string analysisCrs;
    std::string format = "json";
    std::string output;
    double buffer = -1;
    std::string rules = redline::kDefaultRuleSet;
    std::string failOn;
    unsigned threads = 0;
    int atRev = -1;
};

void showProgress(std::size_t done, std::size_t total)
{
    if (done == total || done % 64 == 0)
        std::cerr << "\rscreening " << done << "/" << total << (done == total ? "\n" : "")
                  << std::flush;
}

int runScreen(const ScreenArgs& a, const redline::Registry& registry)
{
    using namespace redline;
    if (a.sites.empty() == a.siteWkt.empty())
        throw ConfigError("Give exactly one of --sites SRC or --site-wkt WKT.");
    const Crs requested = a.analysisCrs.empty() ? Crs() : Crs::fromUserInput(a.analysisCrs);
    const auto source = ZoningSource::open(a.zones);
    const Crs analysisCrs = source->analysisCrs(requested);
    auto ruleSet = resolveRuleSet(registry, a.rules);

    SiteSourceOptions so;
    if (!a.siteLayer.empty())
        so.layerName = a.siteLayer;
    if (!a.siteCrs.empty())
        so.siteCrs = a.siteCrs;
    if (!a.towgs84.empty())
        so.towgs84 = parseTowgs84(a.towgs84);
    const Envelope extent = source->extent(analysisCrs);
    so.zoningExtent = extent;
    const Layer sites = a.sites.empty() ? siteFromWkt(a.siteWkt, analysisCrs, so)
                                        : loadSites(a.sites, analysisCrs, so, &registry);

    ScreeningOptions opts;
    if (a.buffer >= 0)
        opts.bufferM = a.buffer;
    // A large store (a province) is read only where the sites are (same results).
    StoreReadOptions read;
    read.analysisCrs = analysisCrs;
    if (a.atRev >= 0)
        read.revision = a.atRev;
    read.window = screeningWindow(sites, source->catalog().layers, opts.bufferM, extent);
    const auto store = ZoningStore::load(*source, read);
    opts.threads = a.threads;
    if (isatty(STDERR_FILENO))
        opts.progress = showProgress;
    Screening screening(store, ruleSet, opts);

    ScreeningReport report;
    report.redlineVersion = REDLINE_VERSION;
    report.zones = store->label();
    report.store = store->label();
    if (store->revision())
        report.storeRevision = *store->revision();
    report.sites = a.sites.empty() ? "--site-wkt" : a.sites;
    report.analysisCrs = store->analysisCrs().label();
    report.ruleSet = a.rules;
    report.ruleSetVersion = ruleSet->version();
    report.warnings = sites.warnings;
    report.results = screening.run(sites);

    writeScreenOutput(report, a.format, a.output);
    for (const auto& w : report.warnings)
        std::cerr << "redline: warning: " << w << "\n";

    if (!a.failOn.empty())
    {
        const Verdict threshold = *parseVerdict(a.failOn);
        for (const auto& s : report.results)
            if (s.verdict >= threshold)
                return exitcode::kFailOn;
    }
    return exitcode::kOk;
}

} // namespace

void addScreenCommand(CLI::App& app, const redline::Registry& registry, int& exitCode)
{
    auto args = std::make_shared<ScreenArgs>();
    auto* sub = app.add_subcommand("screen", "Screen project sites against a zoning store");
    sub->add_option("--zones", args->zones,
                    "Zoning store: GeoPackage, catalog.yaml, or PostGIS (PG:… schemas=NAME)")
        ->required();
    sub->add_option("--at-rev", args->atRev, "Screen against the store as it was at this revision")
        ->check(CLI::NonNegativeNumber);
    sub->add_option("--sites", args->sites, "Sites: any GDAL vector source or a 界址点 list");
    sub->add_option("--site-wkt", args->siteWkt, "One site as WKT (in --site-crs, default the "
                                                 "analysis CRS)");
    sub->add_option("--site-layer", args->siteLayer, "Layer of the sites source");
    sub->add_option("--site-crs", args->siteCrs,
                    "CRS of the sites when missing or wrong: EPSG code, WKT, gcj02 or bd09");
    sub->add_option("--towgs84", args->towgs84,
                    "Local datum parameters dx,dy,dz[,rx,ry,rz,s] for Xian 1980 / Beijing 1954");
    sub->add_option("--analysis-crs", args->analysisCrs,
                    "Projected CRS for areas and distances (default EPSG:4549 or the catalog's)");
    sub->add_option("--format", args->format, "Output format")
        ->check(CLI::IsMember({"json", "csv", "geojson", "gpkg", "html"}));
    sub->add_option("--output,-o", args->output, "Output file (default: standard output)");
    sub->add_option("--buffer", args->buffer, "Proximity distance in metres for every layer")
        ->check(CLI::NonNegativeNumber);
    sub->add_option("--rules", args->rules, "Rule set: a name (see `redline plugins`), a rule "
                                            "file, or none");
    sub->add_option("--fail-on", args->failOn, "Exit 3 when a site reaches this verdict")
        ->check(CLI::IsMember({"prohibited", "restricted", "needs_review"}));
    sub->add_option("--threads", args->threads, "Worker threads (default: all cores)");
    sub->callback([args, &registry, &exitCode] { exitCode = runScreen(*args, registry); });
}
