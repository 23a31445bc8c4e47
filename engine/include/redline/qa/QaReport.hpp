#pragma once
// Result of a zoning QA run: the findings plus per-layer totals. Text and JSON writers.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "redline/qa/QaFinding.hpp"

namespace redline
{

struct QaLayerSummary
{
    std::string layer;
    std::string kind;
    std::size_t featureCount = 0;
    double areaKm2 = 0;            // planar area of the dissolved layer, analysis CRS
    double ellipsoidalAreaKm2 = 0; // same on the analysis CRS's ellipsoid
    std::optional<double> officialAreaKm2;
};

struct QaReport
{
    std::string store;
    std::string analysisCrs;
    double toleranceM2 = 0;
    std::vector<QaLayerSummary> layers;
    std::vector<QaFinding> findings;

    [[nodiscard]] std::size_t errorCount() const;
    [[nodiscard]] std::size_t warningCount() const;
    [[nodiscard]] bool hasErrors() const { return errorCount() > 0; }
};

void writeQaText(const QaReport& report, std::ostream& out);
void writeQaJson(const QaReport& report, std::ostream& out);

} // namespace redline
