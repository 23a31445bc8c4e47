#pragma once
// The Chinese zoning-map conventions for each zone kind (DESIGN A1): red line in red with type
// tints, control units priority green / key orange-red / general yellow, water-source zones in
// blues by level, protected areas green hatch, prohibition zones purple hatch, townships dashed
// grey, county bold, rivers blue. Also the verdict colours used for sites.

#include <QColor>
#include <string>

#include "redline/analysis/Verdict.hpp"

#include "render/LayerStyle.hpp"

namespace redline
{

// Style of a layer of the given kind (unknown kinds get a neutral grey outline titled `name`).
[[nodiscard]] LayerStyle styleForKind(const std::string& kind, const std::string& name);
// Default drawing order, lowest first (neighbours at the bottom, county outline on top).
[[nodiscard]] int drawOrderForKind(const std::string& kind);
// Verdict colours: prohibited red, restricted orange, needs_review yellow, allowed green.
[[nodiscard]] QColor verdictColor(Verdict v);

} // namespace redline
