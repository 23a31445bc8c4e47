#include "symbology/ZonePalette.hpp"

#include "redline/rules/Terms.hpp"

namespace redline
{
namespace
{

constexpr Rgba kTransparent{0, 0, 0, 0};

ZoneSymbol filled(const char* label, Rgba fill, Rgba stroke, double strokeMm = 0.2)
{
    ZoneSymbol s;
    s.label = label;
    s.fill = fill;
    s.stroke = stroke;
    s.strokeMm = strokeMm;
    return s;
}

ZoneSymbol hatched(const char* label, Rgba color, HatchPattern hatch)
{
    ZoneSymbol s;
    s.label = label;
    s.fill = {color.r, color.g, color.b, 28};
    s.stroke = color;
    s.strokeMm = 0.3;
    s.hatch = hatch;
    s.hatchColor = color;
    s.hatchSpacingMm = 1.6;
    return s;
}

ZoneStyle redLine()
{
    ZoneStyle st;
    st.classField = "redline_type";
    const Rgba red{220, 0, 0};
    st.classes = {
        {"water_conservation", filled("生态保护红线（水源涵养）", {255, 96, 96, 150}, red, 0.35)},
        {"soil_conservation", filled("生态保护红线（水土保持）", {255, 150, 110, 150}, red, 0.35)},
        {"scenic", filled("生态保护红线（风景名胜）", {255, 120, 170, 150}, red, 0.35)},
    };
    st.base = filled("生态保护红线", {255, 110, 110, 150}, red, 0.35);
    st.labelField = "name";
    st.labelColor = {160, 0, 0};
    st.labelPriority = 6;
    return st;
}

ZoneStyle controlUnits()
{
    ZoneStyle st;
    st.classField = "unit_type";
    const Rgba edge{110, 110, 110};
    st.classes = {
        {"priority", filled("优先保护单元", {76, 175, 80, 110}, edge, 0.15)},
        {"key", filled("重点管控单元", {255, 87, 34, 110}, edge, 0.15)},
        {"general", filled("一般管控单元", {255, 235, 59, 120}, edge, 0.15)},
    };
    st.base = filled("环境管控单元", {200, 200, 200, 90}, edge, 0.15);
    st.labelPriority = 1;
    return st;
}

ZoneStyle waterZones()
{
    ZoneStyle st;
    st.classField = "level";
    st.classes = {
        {"I", filled("饮用水水源一级保护区", {13, 71, 161, 200}, {13, 71, 161}, 0.3)},
        {"II", filled("饮用水水源二级保护区", {66, 133, 244, 160}, {25, 90, 200}, 0.25)},
        {"quasi", filled("饮用水水源准保护区", {144, 202, 249, 140}, {66, 133, 244}, 0.2)},
    };
    st.base = filled("饮用水水源保护区", {100, 160, 240, 140}, {25, 90, 200}, 0.25);
    st.labelField = "source_name";
    st.labelColor = {13, 60, 140};
    st.labelPriority = 7;
    return st;
}

ZoneStyle protectedAreas()
{
    ZoneStyle st;
    st.classField = "zoning";
    const Rgba green{27, 120, 40};
    st.classes = {
        {"core", hatched("自然保护地（核心保护区）", green, HatchPattern::Cross)},
        {"general", hatched("自然保护地（一般控制区）", green, HatchPattern::Diagonal)},
    };
    st.base = hatched("自然保护地", green, HatchPattern::Diagonal);
    st.labelField = "name";
    st.labelColor = {20, 90, 30};
    st.labelPriority = 5;
    return st;
}

ZoneStyle prohibitedZones()
{
    ZoneStyle st;
    st.classField = "prohibition";
    const Rgba purple{123, 31, 162};
    // Large no-breeding zones: sparse hatch, no fill, so the zones below stay readable.
    ZoneSymbol livestock = hatched("畜禽禁养区", purple, HatchPattern::Diagonal);
    livestock.fill = kTransparent;
    livestock.hatchSpacingMm = 3.0;
    livestock.hatchColor = {123, 31, 162, 150};
    livestock.strokeMm = 0.2;
    // Small activity bans along the river: dense cross-hatch.
    ZoneSymbol small = hatched("禁泳、禁烤、禁露营、离岸禁餐等禁止区", purple, HatchPattern::Cross);
    small.fill = {123, 31, 162, 70};
    // Basin-wide limits: an outline only; a hatch would cover most of the county.
    ZoneSymbol basin = filled("流域管控范围（楠溪江流域）", kTransparent, purple, 0.35);
    basin.dash = DashPattern::DashDotDot;
    st.classes = {
        {"livestock", livestock}, {"no_swimming", small},           {"no_bbq", small},
        {"no_camping", small},    {"no_riverside_catering", small}, {"beach_forest", small},
        {"nanxi_basin", basin}};
    st.base = hatched("禁止类区域", purple, HatchPattern::Diagonal);
    st.labelField = "name";
    st.labelColor = {100, 20, 130};
    st.labelPriority = 4;
    return st;
}

ZoneStyle townships()
{
    ZoneStyle st;
    ZoneSymbol s = filled("乡镇街道界", kTransparent, {110, 110, 110}, 0.3);
    s.dash = DashPattern::Dash;
    st.base = s;
    st.labelField = "name";
    st.labelColor = {60, 60, 60};
    st.labelSizePt = 8.5;
    st.labelPriority = 8;
    return st;
}

ZoneStyle county()
{
    ZoneStyle st;
    // Solid and bold: a wide dash-dot pattern would cost Qt's stroker ~50 ms per frame here.
    st.base = filled("县界", kTransparent, {40, 40, 40}, 0.8);
    st.labelPriority = 9;
    return st;
}

ZoneStyle neighbours()
{
    ZoneStyle st;
    st.title = "相邻县市";
    st.base = filled("相邻县市", {238, 238, 238}, {170, 170, 170}, 0.2);
    st.labelField = "name";
    st.labelColor = {120, 120, 120};
    st.labelSizePt = 10;
    st.labelPriority = 10;
    return st;
}

ZoneStyle rivers()
{
    ZoneStyle st;
    st.title = "河流水系";
    st.base = filled("河流水系", {120, 180, 240, 200}, {30, 120, 220}, 0.35);
    st.labelField = "name";
    st.labelColor = {20, 90, 190};
    st.labelPriority = 3;
    return st;
}

// 三区三线 reference layers (issue 14): farmland in the planning maps' yellow with an olive
// outline; the urban development boundary as a magenta dashed line (no fill, so the zones below
// stay readable).
ZoneStyle farmland()
{
    ZoneStyle st;
    st.base = filled("永久基本农田", {250, 226, 80, 120}, {150, 130, 20}, 0.2);
    st.labelPriority = 2;
    return st;
}

ZoneStyle developmentBoundary()
{
    ZoneStyle st;
    ZoneSymbol s = filled("城镇开发边界", kTransparent, {200, 0, 200}, 0.5);
    s.dash = DashPattern::Dash;
    st.base = s;
    st.labelPriority = 2;
    return st;
}

ZoneStyle styleOf(const std::string& kind, const std::string& name)
{
    if (kind == "ecological_redline")
        return redLine();
    if (kind == "control_units")
        return controlUnits();
    if (kind == "water_protection_zones")
        return waterZones();
    if (kind == "protected_areas")
        return protectedAreas();
    if (kind == "prohibited_zones")
        return prohibitedZones();
    if (kind == "townships")
        return townships();
    if (kind == "county")
        return county();
    if (kind == "neighbours")
        return neighbours();
    if (kind == "rivers")
        return rivers();
    if (kind == "permanent_farmland")
        return farmland();
    if (kind == "urban_development_boundary")
        return developmentBoundary();
    ZoneStyle st;
    st.title = name;
    st.base = filled(name.c_str(), {150, 150, 150, 60}, {90, 90, 90}, 0.25);
    return st;
}

} // namespace

const ZoneSymbol& ZoneStyle::symbolFor(const Attributes& attributes) const
{
    if (classField.empty())
        return base;
    const auto value = attributes.text(classField);
    if (!value)
        return base;
    for (const ZoneSymbolClass& c : classes)
        if (c.value == *value)
            return c.symbol;
    return base;
}

ZoneStyle zoneStyle(const std::string& kind, const std::string& name)
{
    ZoneStyle st = styleOf(kind, name);
    // Titles of the vocabulary's zone kinds come from it (redline/rules/Terms.hpp), so that
    // legends, layer lists and reports name a kind alike.
    if (std::string zh = zhLabel("zone_kind", kind); !zh.empty())
        st.title = std::move(zh);
    return st;
}

int zoneDrawOrder(const std::string& kind)
{
    static const char* const kOrder[] = {"neighbours",
                                         "control_units",
                                         "permanent_farmland",
                                         "rivers",
                                         "water_protection_zones",
                                         "ecological_redline",
                                         "protected_areas",
                                         "prohibited_zones",
                                         "urban_development_boundary",
                                         "townships",
                                         "county"};
    int i = 0;
    for (const char* k : kOrder)
    {
        if (kind == k)
            return i;
        ++i;
    }
    return 5; // catalog kinds sit among the zones
}

Rgba verdictRgba(Verdict v)
{
    if (v == Verdict::Prohibited)
        return {211, 47, 47};
    if (v == Verdict::Restricted)
        return {245, 124, 0};
    if (v == Verdict::NeedsReview)
        return {251, 192, 45};
    if (v == Verdict::Allowed)
        return {56, 142, 60};
    if (v == Verdict::Error) // not screened: dark grey, white text
        return {66, 66, 66};
    return {160, 160, 164}; // anything else: Qt::gray, as the viewer had
}

ZoneSymbol siteOutlineSymbol()
{
    return filled("项目用地范围", kTransparent, {0, 0, 0}, 0.6);
}

ZoneSymbol overlapSymbol(Verdict v)
{
    const Rgba c = verdictRgba(v);
    // QColor::darker(f) divides HSV value by f/100, i.e. every channel: the viewer's overlap look.
    const auto darker = [&](double f)
    {
        return Rgba{static_cast<std::uint8_t>(c.r * 100 / f),
                    static_cast<std::uint8_t>(c.g * 100 / f),
                    static_cast<std::uint8_t>(c.b * 100 / f), 255};
    };
    ZoneSymbol s = filled("", {c.r, c.g, c.b, 120}, darker(140), 0.3);
    s.label = std::string("重叠部分（") + toChinese(v) + "）";
    s.hatch = HatchPattern::Cross;
    s.hatchColor = darker(160);
    s.hatchSpacingMm = 1.2;
    return s;
}

} // namespace redline
