#pragma once
// Writes a ScreeningReport in one format. Registered in the Registry as "report.<format>"
// ("report.json", "report.html", …) so that the CLI's --format and the service's result formats
// are the same list. Implementations are stateless and thread-safe.

#include <ostream>
#include <string>
#include <vector>

#include "redline/analysis/ScreeningReport.hpp"

namespace redline
{

class ReportExporter
{
  public:
    virtual ~ReportExporter() = default;
    // "application/json", "text/html; charset=utf-8", …
    [[nodiscard]] virtual std::string mediaType() const = 0;
    // False for binary formats (GeoPackage): write() then throws ConfigError, and writeFile()
    // goes to standard output only when asked for with "-".
    [[nodiscard]] virtual bool streams() const = 0;
    virtual void write(const ScreeningReport& report, std::ostream& out) const = 0;
    // Writes `path` through AtomicFile ("-": standard output); nothing is left behind on
    // failure. Returns warnings from writing (one sentence each). The default renders write()
    // into memory first.
    virtual std::vector<std::string> writeFile(const ScreeningReport& report,
                                               const std::string& path) const;
};

} // namespace redline
