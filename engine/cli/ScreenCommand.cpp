// redline screen: sites × zoning store -> overlaps, distances and verdicts (DESIGN A3/A4).

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <unistd.h>

#include "redline/analysis/Screening.hpp"
#include "redline/cache/StoreCache.hpp"
#include "redline/core/Error.hpp"
#include "redline/io/SiteSource.hpp"
#include "redline/model/StoreWindow.hpp"
#include "redline/model/ZoningSource.hpp"
#include "redline/plugin/Registry.hpp"
#include "redline/rules/ResolveRuleSet.hpp"

#include "Commands.hpp"
#include "ExitCodes.hpp"
#include "ScreenOutput.hpp"

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
    std::string format; // empty: by the output's extension (resolveScreenFormat)
    std::string output;
    double buffer = -1;
    std::string rules = redline::kDefaultRuleSet;
    std::string failOn;
    unsigned threads = 0;
    bool noCache = false;
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
    const std::string format = resolveScreenFormat(a.format, a.output);
    const Crs requested = a.analysisCrs.empty() ? Crs() : Crs::fromUserInput(a.analysisCrs);
    const auto source = ZoningSource::open(a.zones);
    const Crs analysisCrs = source->analysisCrs(requested);
    StoreReadOptions read; // what the result states it was computed against
    read.analysisCrs = analysisCrs;
    read.revision = a.atRev >= 0 ? std::optional<int>(a.atRev) : source->revision();
    auto ruleSet = resolveRuleSet(registry, a.rules);

    SiteSourceOptions so;
    if (!a.siteLayer.empty())
        so.layerName = a.siteLayer;
    if (!a.siteCrs.empty())
        so.siteCrs = a.siteCrs;
    if (!a.towgs84.empty())
        so.towgs84 = parseTowgs84(a.towgs84);
    so.zoningExtent = source->extent(analysisCrs);
    const Layer sites = a.sites.empty() ? siteFromWkt(a.siteWkt, analysisCrs, so)
                                        : loadSites(a.sites, analysisCrs, so, &registry);

    ScreeningOptions opts;
    if (a.buffer >= 0)
        opts.bufferM = a.buffer;
    opts.threads = a.threads;
    opts.overlapGeometry = a.format == "gpkg" || a.format == "html"; // the only ones drawing it
    if (isatty(STDERR_FILENO))
        opts.progress = showProgress;

    // A file store at its newest revision comes from the screening cache; a PostGIS store, or any
    // store at an older revision, is read directly — a large PostGIS store (a province) only
    // where the sites are, with the same results.
    std::shared_ptr<const PreparedStore> prepared;
    if (source->kind() != StoreKind::PostGis && a.atRev < 0)
    {
        StoreCacheOptions cacheOptions;
        cacheOptions.analysisCrs = requested;
        cacheOptions.enabled = !a.noCache;
        const CachedStore cached = openPreparedStore(a.zones, cacheOptions);
        // Routine builds stay quiet; a damaged cache or one that cannot be written is worth a
        // line.
        if (cached.outcome == CacheOutcome::RebuiltDamaged ||
            (cached.outcome == CacheOutcome::NotCached && !cached.note.empty()))
            std::cerr << "redline: warning: " << cached.note << "\n";
        // A commit landing meanwhile: read the revision announced instead of the newer cache.
        if (source->revision() == read.revision)
            prepared = cached.store;
    }
    std::shared_ptr<const ZoningStore> zoning;
    if (!prepared)
    {
        if (source->kind() == StoreKind::PostGis && format != "html")
            read.window =
                screeningWindow(sites, source->catalog().layers, opts.bufferM, *so.zoningExtent);
        zoning = ZoningStore::load(*source, read);
    }
    const Screening screening =
        prepared ? Screening(prepared, ruleSet, opts) : Screening(zoning, ruleSet, opts);

    ScreeningReport report;
    report.redlineVersion = REDLINE_VERSION;
    report.zones = source->label();
    report.store = source->label();
    if (read.revision)
        report.storeRevision = *read.revision;
    report.sites = a.sites.empty() ? "--site-wkt" : a.sites;
    report.analysisCrs = analysisCrs.label();
    report.ruleSet = a.rules;
    report.ruleSetVersion = ruleSet->version();
    report.warnings = sites.warnings;
    report.results = screening.run(sites);
    // The HTML report draws each site over the zoning around it, context layers included; the
    // prepared store holds the screened zones only, so that report reads the store itself.
    if (format == "html")
        report.zoning = zoning ? zoning : ZoningStore::load(*source, read);

    writeScreenOutput(report, format, a.output);
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
    sub->add_option("--site-wkt", args->siteWkt,
                    "One site as WKT (in --site-crs, default the "
                    "analysis CRS)");
    sub->add_option("--site-layer", args->siteLayer, "Layer of the sites source");
    sub->add_option("--site-crs", args->siteCrs,
                    "CRS of the sites when missing or wrong: EPSG code, WKT, gcj02 or bd09");
    sub->add_option("--towgs84", args->towgs84,
                    "Local datum parameters dx,dy,dz[,rx,ry,rz,s] for Xian 1980 / Beijing 1954");
    sub->add_option("--analysis-crs", args->analysisCrs,
                    "Projected CRS for areas and distances (default EPSG:4549 or the catalog's)");
    sub->add_option("--format", args->format,
                    "Output format (default: by the --output extension, else json)")
        ->check(CLI::IsMember({"json", "csv", "geojson", "gpkg", "html"}));
    sub->add_option("--output,-o", args->output, "Output file (default: standard output)");
    sub->add_option("--buffer", args->buffer, "Proximity distance in metres for every layer")
        ->check(CLI::NonNegativeNumber);
    sub->add_option("--rules", args->rules,
                    "Rule set: a name (see `redline plugins`), a rule "
                    "file, or none");
    sub->add_option("--fail-on", args->failOn, "Exit 3 when a site reaches this verdict")
        ->check(CLI::IsMember({"prohibited", "restricted", "needs_review"}));
    sub->add_option("--threads", args->threads, "Worker threads (default: all cores)");
    sub->add_flag("--no-cache", args->noCache,
                  "Read the store itself, without its screening cache (<store>.redline-cache)");
    sub->callback([args, &registry, &exitCode] { exitCode = runScreen(*args, registry); });
}
