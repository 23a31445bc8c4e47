#pragma once
// Writes a screening report in the chosen format to a file (atomically) or to stdout.

#include <string>

#include "redline/analysis/ScreeningReport.hpp"

void writeScreenOutput(const redline::ScreeningReport& report, const std::string& format,
                       const std::string& output);
