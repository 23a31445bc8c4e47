#pragma once
// Words and number formats shared by the screening reports (HTML here, PDF in the viewer): zone
// kinds and attribute values in Chinese, 亩 conversion, plain decimal numbers. No Qt, no GDAL.

#include <string>
#include <vector>

#include "redline/core/Numbers.hpp" // formatFixed

namespace redline
{

constexpr double kSquareMetresPerMu = 10000.0 / 15.0; // 1 亩 = 666.67 m² (DESIGN A4)

[[nodiscard]] inline double squareMetresToMu(double m2)
{
    return m2 / kSquareMetresPerMu;
}
// Chinese name of a zone kind ("生态保护红线" …); the kind itself when unknown.
[[nodiscard]] std::string zoneKindTitle(const std::string& kind);
// Kinds every report lists (with "不涉及" when the site touches none of them), in report order.
[[nodiscard]] const std::vector<std::string>& reportedKinds();
// "9.7%" for 0.097.
[[nodiscard]] std::string formatPercent(double share);

} // namespace redline
