// redline screen: sites × zoning store -> overlaps, distances and verdicts (DESIGN A3/A4).
// Fills a ScreeningRequest from the options and runs it through the engine's ScreeningEngine,
// the same path as the service.

#include <algorithm>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <unistd.h>

#include "redline/api/ScreeningEngine.hpp"
#include "redline/core/Error.hpp"
#include "redline/plugin/Registry.hpp"
#include "redline/rules/ProjectAttributeMapping.hpp"
#include "redline/rules/ResolveRuleSet.hpp"

#include "Commands.hpp"
#include "ExitCodes.hpp"
#include "ScreenOutput.hpp"

namespace
{

struct ScreenArgs
{
    redline::EngineConfig engine;
    redline::ScreeningRequest request;
    double buffer = -1;
    std::string format; // empty: by the output's extension (resolveScreenFormat)
    std::string output;
    std::string failOn;
    bool noCache = false;
    int atRev = -1;
    std::vector<std::string> fields;    // --fields FILE|NAME=SOURCE,…
    std::vector<std::string> siteAttrs; // --site-attr KEY=VALUE
};

void showProgress(std::size_t done, std::size_t total)
{
    if (done == total || done % 64 == 0)
        std::cerr << "\rscreening " << done << "/" << total << (done == total ? "\n" : "")
                  << std::flush;
}

// A request problem named as the CLI's option: "site_crs" -> "--site-crs".
std::string optionName(const std::string& input)
{
    if (input == "sites")
        return "--sites/--site-wkt";
    std::string name = "--" + input;
    std::replace(name.begin(), name.end(), '_', '-');
    return name;
}

int runScreen(ScreenArgs a, const redline::Registry& registry)
{
    using namespace redline;
    const std::string format = resolveScreenFormat(a.format, a.output);
    for (const auto& f : a.fields)
        for (auto& mapping : parseFieldMapping(f))
            a.request.fields.push_back(std::move(mapping));
    for (const auto& attr : a.siteAttrs)
        a.request.siteAttributes.push_back(parseSiteAttribute(attr));
    if (a.buffer >= 0)
        a.request.bufferM = a.buffer;
    if (isatty(STDERR_FILENO))
        a.request.progress = showProgress;
    // Only the map outputs draw overlaps; the HTML report draws the zoning around each site.
    a.request.overlapGeometry = format == "gpkg" || format == "html";
    a.request.zoningContext = format == "html";
    if (auto p = a.request.problem())
        throw ConfigError(optionName(p->input) + ": " + p->message + ".");

    a.engine.useCache = !a.noCache;
    if (a.atRev >= 0)
        a.engine.revision = a.atRev;
    // One request: a large PostGIS store (a province) is read only where the sites are. The HTML
    // report draws the zoning around each site: it gets the whole store.
    a.engine.windowPerRequest = format != "html";
    const ScreeningEngine engine(registry, a.engine);
    // Routine builds stay quiet; a damaged cache or one that cannot be written is worth a line.
    if (engine.cacheOutcome() == CacheOutcome::RebuiltDamaged ||
        (engine.cacheOutcome() == CacheOutcome::NotCached && !engine.cacheNote().empty()))
        std::cerr << "redline: warning: " << engine.cacheNote() << "\n";
    const ScreeningReport report = engine.screen(a.request);

    writeScreenOutput(registry, report, format, a.output);
    for (const auto& w : report.warnings)
        std::cerr << "redline: warning: " << w << "\n";

    // A site that could not be screened makes the run exit 1 even when --fail-on is also
    // reached: the results are incomplete, and that is the first thing a script must learn.
    std::size_t errors = 0;
    for (const auto& s : report.results)
        if (s.verdict == Verdict::Error)
        {
            std::cerr << "redline: " << s.message << "\n";
            ++errors;
        }
    if (errors > 0)
    {
        if (errors == report.results.size())
            std::cerr << "redline: no site could be screened (verdict error).\n";
        else
            std::cerr << "redline: " << errors << " of " << report.results.size()
                      << " sites could not be screened (verdict error); the others were "
                         "screened and written.\n";
        return exitcode::kInputError;
    }
    if (!a.failOn.empty())
    {
        const Verdict threshold = *parseVerdict(a.failOn);
        for (const auto& s : report.results)
            if (reaches(s.verdict, threshold))
                return exitcode::kFailOn;
    }
    return exitcode::kOk;
}

} // namespace

void addScreenCommand(CLI::App& app, const redline::Registry& registry, int& exitCode)
{
    auto args = std::make_shared<ScreenArgs>();
    auto& r = args->request;
    auto* sub = app.add_subcommand("screen", "Screen project sites against a zoning store");
    sub->add_option("--zones", args->engine.zones,
                    "Zoning store: GeoPackage, catalog.yaml, or PostGIS (PG:… schemas=NAME)")
        ->required();
    sub->add_option("--at-rev", args->atRev,
                    "Screen against the store as it was at this revision")
        ->check(CLI::NonNegativeNumber);
    sub->add_option("--sites", r.sitesPath, "Sites: any GDAL vector source or a 界址点 list");
    sub->add_option("--site-wkt", r.siteWkt,
                    "One site as WKT (in --site-crs, default the analysis CRS)");
    sub->add_option("--site-layer", r.siteLayer, "Layer of the sites source");
    sub->add_option("--site-crs", r.siteCrs,
                    "CRS of the sites when missing or wrong: EPSG code, WKT, gcj02 or bd09");
    sub->add_option("--towgs84", r.towgs84,
                    "Local datum parameters dx,dy,dz[,rx,ry,rz,s] for Xian 1980 / Beijing 1954");
    sub->add_option("--analysis-crs", args->engine.analysisCrs,
                    "Projected CRS for areas and distances (default EPSG:4549 or the catalog's)");
    sub->add_option("--format", args->format,
                    "Output format (default: by the --output extension, else json)")
        ->check(CLI::IsMember(registry.reportFormats()));
    sub->add_option("--output,-o", args->output, "Output file (default: standard output)");
    sub->add_option("--buffer", args->buffer, "Proximity distance in metres for every layer")
        ->check(CLI::NonNegativeNumber);
    sub->add_option("--rules", args->engine.defaultRules,
                    "Rule set: a name (see `redline plugins`), a rule file, or none");
    sub->add_option("--fail-on", args->failOn,
                    "Exit 3 when a site reaches this verdict (exit 1 wins if a site is `error`)")
        ->check(CLI::IsMember({"prohibited", "restricted", "needs_review"}));
    sub->add_option("--threads", r.threads, "Worker threads (default: all cores)");
    sub->add_option("--fields", args->fields,
                    "Where the sites keep project attributes: NAME=SOURCE[,NAME=SOURCE…] or a file "
                    "of NAME=SOURCE lines (e.g. project_type=XMLB)");
    sub->add_option("--site-attr", args->siteAttrs,
                    "A project attribute for every site, KEY=VALUE (repeatable; e.g. "
                    "project_type=road for a 界址点 list or --site-wkt)");
    sub->add_flag("--no-cache", args->noCache,
                  "Read the store itself, without its screening cache (<store>.redline-cache)");
    sub->callback([args, &registry, &exitCode] { exitCode = runScreen(*args, registry); });
}
