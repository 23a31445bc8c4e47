#include "ScreenOutput.hpp"

#include <iostream>
#include <sstream>

#include "exporters/html/HtmlReport.hpp"
#include "redline/core/AtomicFile.hpp"
#include "redline/core/Error.hpp"
#include "redline/report/ReportWriter.hpp"

void writeScreenOutput(const redline::ScreeningReport& report, const std::string& format,
                       const std::string& output)
{
    using namespace redline;
    const bool toStdout = output.empty() || output == "-";
    if (format == "html")
    {
        std::ostringstream html;
        writeHtmlReport(report, html);
        if (toStdout)
            std::cout << html.str();
        else
            writeTextFileAtomically(output, html.str());
        return;
    }
    if (toStdout)
    {
        if (!isTextFormat(format))
            throw ConfigError("The " + format + " format needs --output PATH.");
        writeReport(report, format, std::cout);
        return;
    }
    writeReportFile(report, format, output);
}
