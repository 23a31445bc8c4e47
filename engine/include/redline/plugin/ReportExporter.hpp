#pragma once
// Writes a ScreeningReport in one format. Registered in the Registry as "report.<format>"
// ("report.json", "report.html", …) so that the CLI's --format and the service's result formats
// are the same list. Implementations are stateless and thread-safe.

#include <ostream>
#include <string>

#include "redline/analysis/ScreeningReport.hpp"

namespace redline
{

class ReportExporter
{
  public:
    virtual ~ReportExporter() = default;
    // "application/json", "text/html; charset=utf-8", …
    [[nodiscard]] virtual std::string mediaType() const = 0;
    // False for formats that only exist as files (GeoPackage): write() then throws ConfigError.
    [[nodiscard]] virtual bool streams() const = 0;
    virtual void write(const ScreeningReport& report, std::ostream& out) const = 0;
    // Writes `path` atomically (temporary file + rename); nothing is left behind on failure.
    // The default renders write() into memory first.
    virtual void writeFile(const ScreeningReport& report, const std::string& path) const;
};

} // namespace redline
