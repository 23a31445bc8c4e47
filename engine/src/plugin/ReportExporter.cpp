#include "redline/plugin/ReportExporter.hpp"

#include <sstream>

#include "redline/core/AtomicFile.hpp"

namespace redline
{

std::vector<std::string> ReportExporter::writeFile(const ScreeningReport& report,
                                                   const std::string& path) const
{
    std::ostringstream text;
    write(report, text);
    writeTextFileAtomically(path, text.str());
    return {};
}

} // namespace redline
