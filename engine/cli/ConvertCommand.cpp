// redline convert SRC DST: site files from one format to another (DESIGN A3), e.g. a 界址点 list
// to a GeoPackage. Reads through loadSites (plugins, GDAL, web/legacy datums), writes by the
// destination's extension: a plugin exporter (.txt → 界址点 list) or GDAL (redline::writeLayers,
// which says on stderr what the format could not hold as it was: renamed Shapefile fields, one
// Shapefile per geometry kind, the CRS a CSV file cannot record).

#include <filesystem>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "redline/core/Error.hpp"
#include "redline/io/JzdCrs.hpp"
#include "redline/io/SiteSource.hpp"
#include "redline/io/VectorWriter.hpp"
#include "redline/plugin/Registry.hpp"

#include "Commands.hpp"
#include "ExitCodes.hpp"
#include "exporters/jzd/JzdExporter.hpp"

namespace
{

struct ConvertArgs
{
    std::string source;
    std::string destination;
    std::string siteLayer;
    std::string siteCrs;
    std::string towgs84;
    std::string dstCrs;
    std::string encoding = "utf8"; // of .txt 界址点 output
};

// 界址点 lists must be in Gauss–Krüger; Yongjia lies in the 3-degree zone of CM 120°E.
constexpr const char* kDefaultJzdCrs = "EPSG:4549";

int writeSites(const redline::Layer& sites, const ConvertArgs& a,
               const std::shared_ptr<const redline::SiteExporter>& exporter, bool jzd);

int runConvert(const ConvertArgs& a, const redline::Registry& registry)
{
    using namespace redline;
    if (std::filesystem::absolute(a.source) == std::filesystem::absolute(a.destination))
        throw ConfigError("redline convert: source and destination are the same file '" + a.source +
                          "'.");
    if (a.encoding != "utf8" && a.encoding != "gbk")
        throw ConfigError("--encoding must be utf8 or gbk, not '" + a.encoding + "'.");
    SiteSourceOptions so;
    if (!a.siteLayer.empty())
        so.layerName = a.siteLayer;
    if (!a.siteCrs.empty())
        so.siteCrs = a.siteCrs;
    if (!a.towgs84.empty())
        so.towgs84 = parseTowgs84(a.towgs84);

    const auto exporter = registry.exporterFor(a.destination);
    if (!exporter && !vectorFormatForPath(a.destination))
        throw ConfigError(a.destination +
                          ": unknown output format; the extension decides it (.gpkg, .geojson, "
                          ".shp, .csv, .kml, .gml, or .txt for a 界址点 list).");
    const bool jzd = exporter && std::filesystem::path(a.destination).extension() == ".txt";
    if (!a.dstCrs.empty())
    {
        so.reproject = true;
        const Crs target = Crs::fromUserInput(a.dstCrs);
        Layer sites = loadSites(a.source, target, so, &registry);
        return writeSites(sites, a, exporter, jzd);
    }
    // No --dst-crs: keep the source CRS, except that a 界址点 list needs Gauss–Krüger.
    so.reproject = false;
    Layer sites = loadSites(a.source, Crs::fromUserInput(kDefaultJzdCrs), so, &registry);
    const auto code = sites.crs.epsg();
    if (jzd && !(code && gridOfEpsg(*code)))
    {
        so.reproject = true;
        sites = loadSites(a.source, Crs::fromUserInput(kDefaultJzdCrs), so, &registry);
    }
    return writeSites(sites, a, exporter, jzd);
}

int writeSites(const redline::Layer& sites, const ConvertArgs& a,
               const std::shared_ptr<const redline::SiteExporter>& exporter, bool jzd)
{
    using namespace redline;
    for (const auto& w : sites.warnings)
        std::cerr << "redline: warning: " << w << "\n";
    std::string files = a.destination;
    if (jzd && a.encoding == "gbk")
        JzdExporter(TextEncoding::Gbk).write(sites, a.destination);
    else if (exporter)
        exporter->write(sites, a.destination);
    else
    {
        const WriteResult written = writeLayers(a.destination, {sites});
        for (const auto& w : written.warnings)
            std::cerr << "redline: warning: " << w << "\n";
        files.clear();
        for (const auto& f : written.files)
            files += (files.empty() ? "" : ", ") + f;
    }
    std::cerr << "redline: wrote " << sites.features.size() << " site(s) to " << files << " ("
              << sites.crs.label() << ")\n";
    return exitcode::kOk;
}

} // namespace

void addConvertCommand(CLI::App& app, const redline::Registry& registry, int& exitCode)
{
    auto args = std::make_shared<ConvertArgs>();
    auto* sub = app.add_subcommand(
        "convert", "Convert a site file (界址点 list, CAD, KML, CSV, …) to another format");
    sub->add_option("SRC", args->source, "Site source (any format redline reads)")->required();
    sub->add_option("DST", args->destination,
                    "Destination; format by extension (.gpkg .geojson .csv .shp .txt)")
        ->required();
    sub->add_option("--site-layer", args->siteLayer, "Layer of SRC to read (default the first)");
    sub->add_option("--site-crs", args->siteCrs,
                    "CRS of SRC's coordinates (EPSG:4549, EPSG:4490, gcj02, bd09 …)");
    sub->add_option("--towgs84", args->towgs84,
                    "Local 7-parameter transformation for Xian 1980 / Beijing 1954 sources: "
                    "dx,dy,dz,rx,ry,rz,s");
    sub->add_option("--dst-crs", args->dstCrs,
                    "Reproject to this CRS (default: keep the source's; EPSG:4549 for .txt)");
    sub->add_option("--encoding", args->encoding, "Text encoding of a .txt 界址点 list: utf8|gbk");
    sub->callback([args, &registry, &exitCode] { exitCode = runConvert(*args, registry); });
}
