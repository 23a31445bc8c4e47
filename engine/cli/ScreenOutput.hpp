#pragma once
// Writes a screening report in the chosen format (a "report.<format>" exporter of the plugin
// registry) to a file or to stdout, through AtomicFile.

#include <string>

#include "redline/analysis/ScreeningReport.hpp"

namespace redline
{
class Registry;
}

// The format to write: --format when given, else the one the output file's extension names
// (.json .csv .geojson .gpkg .html/.htm), else json. A --format that the output's extension
// contradicts (--format json -o result.csv) is a usage error (CLI::ValidationError, exit 2);
// .json goes with json and geojson alike.
[[nodiscard]] std::string resolveScreenFormat(const std::string& format, const std::string& output);

// `output` empty or "-": standard output. Warnings from writing go to stderr.
void writeScreenOutput(const redline::Registry& registry, const redline::ScreeningReport& report,
                       const std::string& format, const std::string& output);
