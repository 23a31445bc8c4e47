#include "render/Symbology.hpp"

namespace redline
{
namespace
{

Qt::PenStyle penStyleOf(DashPattern d)
{
    switch (d)
    {
    case DashPattern::Solid:
        return Qt::SolidLine;
    case DashPattern::Dash:
        return Qt::DashLine;
    case DashPattern::DashDotDot:
        return Qt::DashDotDotLine;
    }
    return Qt::SolidLine;
}

Hatch hatchOf(HatchPattern h)
{
    switch (h)
    {
    case HatchPattern::None:
        return Hatch::None;
    case HatchPattern::Diagonal:
        return Hatch::Diagonal;
    case HatchPattern::Cross:
        return Hatch::Cross;
    }
    return Hatch::None;
}

} // namespace

Symbol toSymbol(const ZoneSymbol& z)
{
    Symbol s;
    s.label = QString::fromStdString(z.label);
    s.fill = toQColor(z.fill);
    s.stroke = toQColor(z.stroke);
    s.strokeMm = z.strokeMm;
    s.penStyle = penStyleOf(z.dash);
    s.hatch = hatchOf(z.hatch);
    s.hatchColor = toQColor(z.hatchColor);
    s.hatchSpacingMm = z.hatchSpacingMm;
    return s;
}

QColor toQColor(Rgba c)
{
    return {c.r, c.g, c.b, c.a};
}

LayerStyle styleForKind(const std::string& kind, const std::string& name)
{
    const ZoneStyle z = zoneStyle(kind, name);
    LayerStyle st;
    st.title = QString::fromStdString(z.title);
    st.classField = z.classField;
    for (const ZoneSymbolClass& c : z.classes)
        st.classes.push_back({c.value, toSymbol(c.symbol)});
    st.base = toSymbol(z.base);
    st.labelField = z.labelField;
    st.labelColor = toQColor(z.labelColor);
    st.labelSizePt = z.labelSizePt;
    st.labelPriority = z.labelPriority;
    return st;
}

int drawOrderForKind(const std::string& kind)
{
    return zoneDrawOrder(kind);
}

QColor verdictColor(Verdict v)
{
    return toQColor(verdictRgba(v));
}

} // namespace redline
