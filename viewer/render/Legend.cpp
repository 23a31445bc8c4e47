#include "render/Legend.hpp"

#include <QFontMetricsF>
#include <QPainterPath>
#include <algorithm>
#include <set>

#include "render/MapRenderer.hpp"

namespace redline
{

std::vector<LegendEntry> legendEntries(const std::vector<RenderLayer>& layers)
{
    std::vector<LegendEntry> out;
    for (auto it = layers.rbegin(); it != layers.rend(); ++it)
    {
        const RenderLayer& l = *it;
        if (!l.visible || !l.cache)
            continue;
        const Layer& data = l.cache->layer();
        bool lineOnly = true;
        for (const Feature& f : data.features)
            if (f.geometry.dimension() == Dimension::Area)
                lineOnly = false;
        if (data.features.empty())
            lineOnly = false;
        const auto outlineOnly = [&](const Symbol& s)
        { return lineOnly || (s.fill.alpha() == 0 && s.hatch == Hatch::None); };
        if (l.style.classField.empty() || l.style.classes.empty())
        {
            out.push_back({l.style.base.label.isEmpty() ? l.style.title : l.style.base.label,
                           l.style.base, outlineOnly(l.style.base)});
            continue;
        }
        std::set<std::string> present;
        bool unclassified = false;
        for (const Feature& f : data.features)
        {
            const auto v = f.attributes.text(l.style.classField);
            bool matched = false;
            for (const SymbolClass& c : l.style.classes)
                if (v && c.value == *v)
                {
                    present.insert(c.value);
                    matched = true;
                }
            unclassified = unclassified || !matched;
        }
        std::set<QString> labels; // several values may share one symbol (and one legend row)
        for (const SymbolClass& c : l.style.classes)
            if (present.count(c.value) != 0 && labels.insert(c.symbol.label).second)
                out.push_back({c.symbol.label, c.symbol, outlineOnly(c.symbol)});
        if (unclassified)
            out.push_back({l.style.base.label, l.style.base, outlineOnly(l.style.base)});
    }
    return out;
}

double drawLegend(QPainter& painter, const QRectF& box, const std::vector<LegendEntry>& entries,
                  const MapTransform& view, double pointSize)
{
    painter.save();
    const QFont title = surfaceFont(painter, view, pointSize + 2, true);
    const QFont font = surfaceFont(painter, view, pointSize);
    const QFontMetricsF tm(title, painter.device());
    const QFontMetricsF fm(font, painter.device());
    painter.setPen(Qt::black);
    painter.setFont(title);
    painter.drawText(QRectF(box.left(), box.top(), box.width(), tm.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("图例"));
    painter.setFont(font);
    const double rowH = std::max(fm.height(), view.mmToPx(4.0)) * 1.15;
    const double swW = view.mmToPx(7);
    const double swH = view.mmToPx(3.6);
    double widest = 0;
    for (const LegendEntry& e : entries)
        widest = std::max(widest, fm.horizontalAdvance(e.label));
    const double colW = swW + view.mmToPx(2) + widest + view.mmToPx(3);
    const double top = box.top() + tm.height() * 1.2;
    const int rowsPerCol = std::max(1, static_cast<int>((box.bottom() - top) / rowH));
    double used = top;
    for (std::size_t i = 0; i < entries.size(); ++i)
    {
        const int col = static_cast<int>(i) / rowsPerCol;
        const int row = static_cast<int>(i) % rowsPerCol;
        const double x = box.left() + col * colW;
        if (x + swW > box.right())
            break; // no room left: the caller's box is too small
        const double y = top + row * rowH;
        const QRectF sw(x, y + (rowH - swH) / 2, swW, swH);
        const LegendEntry& e = entries[i];
        QPainterPath path;
        if (e.isLine)
        {
            path.moveTo(sw.left(), sw.center().y());
            path.lineTo(sw.right(), sw.center().y());
        }
        else
        {
            path.addRect(sw);
        }
        paintSymbol(painter, path, e.symbol, view, e.isLine);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(sw.right() + view.mmToPx(2), y, widest + 4, rowH),
                         Qt::AlignLeft | Qt::AlignVCenter, e.label);
        used = std::max(used, y + rowH);
    }
    painter.restore();
    return used - box.top();
}

} // namespace redline
