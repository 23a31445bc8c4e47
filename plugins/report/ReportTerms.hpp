#pragma once
// Words and number formats shared by the screening reports (HTML in plugins/exporters/html, PDF in
// the viewer): zone kinds and geometry types in Chinese, 亩 conversion, plain decimal numbers.
// No Qt, no GDAL. Thread-safe.

#include <string>
#include <vector>

#include "redline/core/Numbers.hpp" // formatFixed
#include "redline/geo/Geometry.hpp"

namespace redline
{

constexpr double kSquareMetresPerMu = 10000.0 / 15.0; // 1 亩 = 666.67 m² (DESIGN A4)

[[nodiscard]] inline double squareMetresToMu(double m2)
{
    return m2 / kSquareMetresPerMu;
}
// Chinese name of a zone kind ("生态保护红线" …) from the vocabulary table (Terms.hpp); the kind
// itself when the table does not know it (a catalog's own kind).
[[nodiscard]] std::string zoneKindTitle(const std::string& kind);
// Kinds every report lists (with "不涉及" when the site touches none of them), in report order.
[[nodiscard]] const std::vector<std::string>& reportedKinds();
// "面" / "多面" / "线" / "多线" / "点" / "多点".
[[nodiscard]] std::string geometryTypeTitle(GeometryType type);
// "9.7%" for 0.097.
[[nodiscard]] std::string formatPercent(double share);

} // namespace redline
