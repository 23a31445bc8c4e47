#include "ScreenOutput.hpp"

#include <iostream>

#include "redline/core/Error.hpp"
#include "redline/plugin/Registry.hpp"

void writeScreenOutput(const redline::Registry& registry, const redline::ScreeningReport& report,
                       const std::string& format, const std::string& output)
{
    using namespace redline;
    const auto exporter = registry.reportExporter(format);
    if (!exporter)
        throw ConfigError("--format '" + format + "' is not a report format of this build.");
    if (output.empty() || output == "-")
    {
        if (!exporter->streams())
            throw ConfigError("The " + format + " format needs --output PATH.");
        exporter->write(report, std::cout);
        return;
    }
    exporter->writeFile(report, output);
}
