#include "render/Symbology.hpp"

namespace redline
{
namespace
{

Symbol filled(const char* label, QColor fill, QColor stroke, double strokeMm = 0.2)
{
    Symbol s;
    s.label = QString::fromUtf8(label);
    s.fill = fill;
    s.stroke = stroke;
    s.strokeMm = strokeMm;
    return s;
}

Symbol hatched(const char* label, QColor color, Hatch hatch)
{
    Symbol s;
    s.label = QString::fromUtf8(label);
    s.fill = QColor(color.red(), color.green(), color.blue(), 28);
    s.stroke = color;
    s.strokeMm = 0.3;
    s.hatch = hatch;
    s.hatchColor = color;
    s.hatchSpacingMm = 1.6;
    return s;
}

LayerStyle redLine()
{
    LayerStyle st;
    st.title = QStringLiteral("生态保护红线");
    st.classField = "redline_type";
    const QColor red(220, 0, 0);
    st.classes = {
        {"water_conservation",
         filled("生态保护红线（水源涵养）", QColor(255, 96, 96, 150), red, 0.35)},
        {"soil_conservation",
         filled("生态保护红线（水土保持）", QColor(255, 150, 110, 150), red, 0.35)},
        {"scenic", filled("生态保护红线（风景名胜）", QColor(255, 120, 170, 150), red, 0.35)},
    };
    st.base = filled("生态保护红线", QColor(255, 110, 110, 150), red, 0.35);
    st.labelField = "name";
    st.labelColor = QColor(160, 0, 0);
    st.labelPriority = 6;
    return st;
}

LayerStyle controlUnits()
{
    LayerStyle st;
    st.title = QStringLiteral("环境管控单元");
    st.classField = "unit_type";
    const QColor edge(110, 110, 110);
    st.classes = {
        {"priority", filled("优先保护单元", QColor(76, 175, 80, 110), edge, 0.15)},
        {"key", filled("重点管控单元", QColor(255, 87, 34, 110), edge, 0.15)},
        {"general", filled("一般管控单元", QColor(255, 235, 59, 120), edge, 0.15)},
    };
    st.base = filled("环境管控单元", QColor(200, 200, 200, 90), edge, 0.15);
    st.labelPriority = 1;
    return st;
}

LayerStyle waterZones()
{
    LayerStyle st;
    st.title = QStringLiteral("饮用水水源保护区");
    st.classField = "level";
    st.classes = {
        {"I", filled("饮用水水源一级保护区", QColor(13, 71, 161, 200), QColor(13, 71, 161), 0.3)},
        {"II",
         filled("饮用水水源二级保护区", QColor(66, 133, 244, 160), QColor(25, 90, 200), 0.25)},
        {"quasi",
         filled("饮用水水源准保护区", QColor(144, 202, 249, 140), QColor(66, 133, 244), 0.2)},
    };
    st.base = filled("饮用水水源保护区", QColor(100, 160, 240, 140), QColor(25, 90, 200), 0.25);
    st.labelField = "source_name";
    st.labelColor = QColor(13, 60, 140);
    st.labelPriority = 7;
    return st;
}

LayerStyle protectedAreas()
{
    LayerStyle st;
    st.title = QStringLiteral("自然保护地");
    st.classField = "zoning";
    const QColor green(27, 120, 40);
    st.classes = {
        {"core", hatched("自然保护地（核心保护区）", green, Hatch::Cross)},
        {"general", hatched("自然保护地（一般控制区）", green, Hatch::Diagonal)},
    };
    st.base = hatched("自然保护地", green, Hatch::Diagonal);
    st.labelField = "name";
    st.labelColor = QColor(20, 90, 30);
    st.labelPriority = 5;
    return st;
}

LayerStyle prohibitedZones()
{
    LayerStyle st;
    st.title = QStringLiteral("禁止类区域");
    st.classField = "prohibition";
    const QColor purple(123, 31, 162);
    // Large no-breeding zones: sparse hatch, no fill, so the zones below stay readable.
    Symbol livestock = hatched("畜禽禁养区", purple, Hatch::Diagonal);
    livestock.fill = Qt::transparent;
    livestock.hatchSpacingMm = 3.0;
    livestock.hatchColor = QColor(123, 31, 162, 150);
    livestock.strokeMm = 0.2;
    // Small activity bans along the river: dense cross-hatch.
    Symbol small = hatched("禁泳、禁烤、禁露营、离岸禁餐等禁止区", purple, Hatch::Cross);
    small.fill = QColor(123, 31, 162, 70);
    // Basin-wide limits: an outline only; a hatch would cover most of the county.
    Symbol basin = filled("流域管控范围（楠溪江流域）", Qt::transparent, purple, 0.35);
    basin.penStyle = Qt::DashDotDotLine;
    st.classes = {
        {"livestock", livestock}, {"no_swimming", small},           {"no_bbq", small},
        {"no_camping", small},    {"no_riverside_catering", small}, {"beach_forest", small},
        {"nanxi_basin", basin}};
    st.base = hatched("禁止类区域", purple, Hatch::Diagonal);
    st.labelField = "name";
    st.labelColor = QColor(100, 20, 130);
    st.labelPriority = 4;
    return st;
}

LayerStyle townships()
{
    LayerStyle st;
    st.title = QStringLiteral("乡镇街道界");
    Symbol s = filled("乡镇街道界", Qt::transparent, QColor(110, 110, 110), 0.3);
    s.penStyle = Qt::DashLine;
    st.base = s;
    st.labelField = "name";
    st.labelColor = QColor(60, 60, 60);
    st.labelSizePt = 8.5;
    st.labelPriority = 8;
    return st;
}

LayerStyle county()
{
    LayerStyle st;
    st.title = QStringLiteral("县界");
    // Solid and bold: a wide dash-dot pattern would cost Qt's stroker ~50 ms per frame here.
    st.base = filled("县界", Qt::transparent, QColor(40, 40, 40), 0.8);
    st.labelPriority = 9;
    return st;
}

LayerStyle neighbours()
{
    LayerStyle st;
    st.title = QStringLiteral("相邻县市");
    st.base = filled("相邻县市", QColor(238, 238, 238), QColor(170, 170, 170), 0.2);
    st.labelField = "name";
    st.labelColor = QColor(120, 120, 120);
    st.labelSizePt = 10;
    st.labelPriority = 10;
    return st;
}

LayerStyle rivers()
{
    LayerStyle st;
    st.title = QStringLiteral("河流水系");
    st.base = filled("河流水系", QColor(120, 180, 240, 200), QColor(30, 120, 220), 0.35);
    st.labelField = "name";
    st.labelColor = QColor(20, 90, 190);
    st.labelPriority = 3;
    return st;
}

} // namespace

LayerStyle styleForKind(const std::string& kind, const std::string& name)
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
    LayerStyle st;
    st.title = QString::fromStdString(name);
    st.base = filled("", QColor(150, 150, 150, 60), QColor(90, 90, 90), 0.25);
    st.base.label = st.title;
    return st;
}

int drawOrderForKind(const std::string& kind)
{
    static const char* const kOrder[] = {"neighbours",
                                         "control_units",
                                         "rivers",
                                         "water_protection_zones",
                                         "ecological_redline",
                                         "protected_areas",
                                         "prohibited_zones",
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

QColor verdictColor(Verdict v)
{
    switch (v)
    {
    case Verdict::Prohibited:
        return {211, 47, 47};
    case Verdict::Restricted:
        return {245, 124, 0};
    case Verdict::NeedsReview:
        return {251, 192, 45};
    case Verdict::Allowed:
        return {56, 142, 60};
    case Verdict::Error:
        return {66, 66, 66};
    }
    return Qt::gray;
}

} // namespace redline
