#pragma once
// The Chinese zoning-map conventions (DESIGN A1) as one Qt-free table: red line in red with type
// tints, control units priority green / key orange-red / general yellow, water-source zones in
// blues by level, protected areas green hatch, prohibition zones purple hatch, townships dashed
// grey, county bold, rivers blue; and the verdict colours. The viewer's symbology (Qt) and the
// HTML report's SVG map both read it, so the canvas, the prints and the reports cannot drift.
// Sizes are millimetres on the page. Plain values; thread-safe.

#include <cstdint>
#include <string>
#include <vector>

#include "redline/analysis/Verdict.hpp"
#include "redline/data/Attributes.hpp"

namespace redline
{

struct Rgba
{
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
    std::uint8_t a = 255; // 0 = transparent

    friend bool operator==(const Rgba&, const Rgba&) = default;
};

enum class HatchPattern
{
    None,
    Diagonal, // lines rising to the right
    Cross     // diagonal cross-hatch
};

enum class DashPattern
{
    Solid,
    Dash,
    DashDotDot
};

struct ZoneSymbol
{
    std::string label; // legend text (Chinese)
    Rgba fill{0, 0, 0, 0};
    Rgba stroke{0, 0, 0, 255};
    double strokeMm = 0.25;
    DashPattern dash = DashPattern::Solid;
    HatchPattern hatch = HatchPattern::None;
    Rgba hatchColor{0, 0, 0, 255};
    double hatchSpacingMm = 2.0;
};

struct ZoneSymbolClass
{
    std::string value; // attribute value selecting this class
    ZoneSymbol symbol;
};

struct ZoneStyle
{
    std::string title;      // layer title in legends and layer lists (Chinese)
    std::string classField; // attribute choosing the class; empty: every feature uses `base`
    std::vector<ZoneSymbolClass> classes;
    ZoneSymbol base;        // used when no class matches
    std::string labelField; // empty: no labels
    Rgba labelColor{0, 0, 0, 255};
    double labelSizePt = 8;
    int labelPriority = 0; // higher places first

    [[nodiscard]] const ZoneSymbol& symbolFor(const Attributes& attributes) const;
};

// Style of a layer of the given kind (unknown kinds: a neutral grey titled `name`).
[[nodiscard]] ZoneStyle zoneStyle(const std::string& kind, const std::string& name);
// Default drawing order, lowest first (neighbours at the bottom, county outline on top).
[[nodiscard]] int zoneDrawOrder(const std::string& kind);
// Verdict colours: prohibited red, restricted orange, needs_review yellow, allowed green.
[[nodiscard]] Rgba verdictRgba(Verdict v);
// The screened site on report maps: a bold black outline ("项目用地范围"), and each overlap part
// in its hit's verdict colour with a cross-hatch ("重叠部分（禁止）" …).
[[nodiscard]] ZoneSymbol siteOutlineSymbol();
[[nodiscard]] ZoneSymbol overlapSymbol(Verdict v);

} // namespace redline
