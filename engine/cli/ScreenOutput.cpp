#include "ScreenOutput.hpp"

#include <iostream>
#include <sstream>

#include "redline/core/AtomicFile.hpp"
#include "redline/core/Error.hpp"
#include "redline/report/ReportWriter.hpp"

void writeScreenOutput(const redline::ScreeningReport& report, const std::string& format,
                       const std::string& output)
{
    using namespace redline;
    if (format == "html")
        throw ConfigError("The html format is not available in this build.");
    if (output.empty() || output == "-")
    {
        if (!isTextFormat(format))
            throw ConfigError("The " + format + " format needs --output PATH.");
        writeReport(report, format, std::cout);
        return;
    }
    writeReportFile(report, format, output);
}
