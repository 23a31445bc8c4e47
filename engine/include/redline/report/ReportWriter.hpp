#pragma once
// Serialises a ScreeningReport (DESIGN A4) as json, csv, geojson or gpkg; html is provided by the
// exporter plugin "export.html". Files are written atomically (temp file + rename).

#include <ostream>
#include <string>

#include "redline/analysis/ScreeningReport.hpp"

namespace redline
{

// Text formats (json, csv, geojson) to a stream.
void writeReport(const ScreeningReport& report, const std::string& format, std::ostream& out);
// Any format to a file, atomically. Throws IoError; nothing is left behind on failure.
void writeReportFile(const ScreeningReport& report, const std::string& format,
                     const std::string& path);
[[nodiscard]] bool isTextFormat(const std::string& format);

} // namespace redline
