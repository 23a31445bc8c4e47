#include "ScreenOutput.hpp"

#include <filesystem>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "redline/core/AtomicFile.hpp"
#include "redline/core/Error.hpp"
#include "redline/report/ReportWriter.hpp"

#include "exporters/html/HtmlReport.hpp"

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

void writeScreenOutput(const redline::ScreeningReport& report, const std::string& format,
                       const std::string& output)
{
    using namespace redline;
    if (output.empty() && !isTextFormat(format) && format != "html")
        throw ConfigError("The " + format +
                          " format needs --output PATH (or --output - for "
                          "standard output).");
    const std::string target = output.empty() ? "-" : output;
    if (format == "html")
    {
        std::ostringstream html;
        writeHtmlReport(report, html);
        writeTextFileAtomically(target, html.str());
        return;
    }
    for (const auto& w : writeReportFile(report, format, target))
        std::cerr << "redline: warning: " << w << "\n";
}
