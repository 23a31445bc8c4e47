#pragma once
// The zoning symbology in Qt types: the Qt-free table symbology/ZonePalette (shared with the HTML
// report's SVG map) turned into LayerStyles, QColors and pen styles.

#include <QColor>
#include <string>

#include "redline/analysis/Verdict.hpp"

#include "render/LayerStyle.hpp"
#include "symbology/ZonePalette.hpp"

namespace redline
{

// Style of a layer of the given kind (unknown kinds get a neutral grey outline titled `name`).
[[nodiscard]] LayerStyle styleForKind(const std::string& kind, const std::string& name);
// Default drawing order, lowest first (neighbours at the bottom, county outline on top).
[[nodiscard]] int drawOrderForKind(const std::string& kind);
// Verdict colours: prohibited red, restricted orange, needs_review yellow, allowed green.
[[nodiscard]] QColor verdictColor(Verdict v);
[[nodiscard]] QColor toQColor(Rgba c);
[[nodiscard]] Symbol toSymbol(const ZoneSymbol& z);

} // namespace redline
