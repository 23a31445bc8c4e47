#include "ScreenOutput.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "redline/core/Error.hpp"
#include "redline/plugin/Registry.hpp"

namespace
{

std::string formatOfExtension(const std::string& output)
{
    std::string ext = std::filesystem::path(output).extension().string();
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".json" || ext == ".csv" || ext == ".geojson" || ext == ".gpkg" || ext == ".html")
        return ext.substr(1);
    return ext == ".htm" ? "html" : "";
}

} // namespace

std::string resolveScreenFormat(const std::string& format, const std::string& output)
{
    const std::string implied = output == "-" ? "" : formatOfExtension(output);
    if (format.empty())
        return implied.empty() ? "json" : implied;
    if (!implied.empty() && implied != format && !(implied == "json" && format == "geojson"))
        throw CLI::ValidationError("--format", format + " does not match the output " + output +
                                                   ", whose extension says " + implied +
                                                   "; drop --format or change the file name.");
    return format;
}

void writeScreenOutput(const redline::Registry& registry, const redline::ScreeningReport& report,
                       const std::string& format, const std::string& output)
{
    using namespace redline;
    const auto exporter = registry.reportExporter(format);
    if (!exporter)
        throw ConfigError("--format '" + format + "' is not a report format of this build.");
    if (output.empty() && !exporter->streams())
        throw ConfigError("The " + format +
                          " format needs --output PATH (or --output - for standard output).");
    for (const auto& w : exporter->writeFile(report, output.empty() ? "-" : output))
        std::cerr << "redline: warning: " << w << "\n";
}
