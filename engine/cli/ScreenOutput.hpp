#pragma once
// Writes a screening report in the chosen format (a "report.<format>" exporter of the plugin
// registry) to a file, atomically, or to stdout.

#include <string>

#include "redline/analysis/ScreeningReport.hpp"

namespace redline
{
class Registry;
}

void writeScreenOutput(const redline::Registry& registry, const redline::ScreeningReport& report,
                       const std::string& format, const std::string& output);
