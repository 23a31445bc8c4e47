#pragma once
// Serialises a ScreeningReport (DESIGN A4) as json, csv, geojson or gpkg; html is provided by the
// exporter plugin "export.html". Files are written through AtomicFile: atomically, and "-",
// devices, FIFOs and symbolic links are respected.

#include <ostream>
#include <string>
#include <vector>

#include "redline/analysis/ScreeningReport.hpp"

namespace redline
{

// Text formats (json, csv, geojson) to a stream.
void writeReport(const ScreeningReport& report, const std::string& format, std::ostream& out);
// Any format to a file ("-": standard output). Throws IoError; nothing is left behind on
// failure. Returns what GDAL warned about while writing a GeoPackage (one sentence each).
std::vector<std::string> writeReportFile(const ScreeningReport& report, const std::string& format,
                                         const std::string& path);
[[nodiscard]] bool isTextFormat(const std::string& format);

} // namespace redline
