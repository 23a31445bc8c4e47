#include "render/MapRenderer.hpp"

#include <QFontMetricsF>
#include <QLineF>
#include <QPaintDevice>
#include <QPaintEngine>
#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "render/Fonts.hpp"
#include "render/GeometryPainter.hpp"
#include "render/LabelPlacer.hpp"
#include "render/RasterPainter.hpp"

namespace redline
{
namespace
{

struct LabelCandidate
{
    int priority;
    double sizePx; // larger features first within a priority
    QPointF anchor;
    QString text;
    QColor color;
    double pointSize;
    bool bold;
};

bool isRaster(const QPainter& painter)
{
    return painter.paintEngine() != nullptr &&
           painter.paintEngine()->type() == QPaintEngine::Raster;
}

// A seamless tile with one 45° hatch line (and its mirror for cross-hatch), used as a texture
// brush on raster surfaces: one fill instead of a clip mask plus hundreds of lines.
QImage hatchTile(const Symbol& s, int size, double lineWidth)
{
    QImage tile(size, size, QImage::Format_ARGB32_Premultiplied);
    tile.fill(Qt::transparent);
    QPainter p(&tile);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(s.hatchColor, lineWidth));
    // Lines rising to the right, drawn three times so that they wrap across the tile edges.
    for (const int o : {-size, 0, size})
        p.drawLine(QPointF(o, size), QPointF(o + size, 0));
    if (s.hatch == Hatch::Cross)
        for (const int o : {-size, 0, size})
            p.drawLine(QPointF(o, 0), QPointF(o + size, size));
    return tile;
}

void paintHatch(QPainter& painter, const QPainterPath& path, const Symbol& s,
                const MapTransform& view)
{
    const QRectF box = path.boundingRect().intersected(QRectF(QPointF(0, 0), view.sizePx()));
    if (box.isEmpty())
        return;
    const double step = std::max(view.mmToPx(s.hatchSpacingMm), 3.0);
    const double width = std::max(view.mmToPx(0.15), 0.6);
    if (isRaster(painter))
    {
        const int size = std::max(3, static_cast<int>(std::lround(step * std::sqrt(2.0))));
        // Tiles are cached per thread: render jobs run on several threads and QImage copies
        // share data without locks only within one thread's use.
        thread_local std::map<std::tuple<QRgb, int, int, int>, QImage> tiles;
        const auto key = std::make_tuple(s.hatchColor.rgba(), static_cast<int>(s.hatch), size,
                                         static_cast<int>(width * 100));
        auto it = tiles.find(key);
        if (it == tiles.end())
        {
            if (tiles.size() > 64)
                tiles.clear();
            it = tiles.emplace(key, hatchTile(s, size, width)).first;
        }
        painter.fillPath(path, QBrush(it->second));
        return;
    }
    // Vector surfaces (PDF, SVG): real lines clipped to the polygon stay sharp at any zoom.
    painter.save();
    painter.setClipPath(path, Qt::IntersectClip);
    QPen pen(s.hatchColor, width);
    painter.setPen(pen);
    const double h = box.height();
    // Lines rising to the right: x + y = const.
    for (double x = box.left() - h; x <= box.right(); x += step)
        painter.drawLine(QPointF(x, box.bottom()), QPointF(x + h, box.top()));
    if (s.hatch == Hatch::Cross)
        for (double x = box.left() - h; x <= box.right(); x += step)
            painter.drawLine(QPointF(x, box.top()), QPointF(x + h, box.bottom()));
    painter.restore();
}

} // namespace

QFont surfaceFont(const QPainter& painter, const MapTransform& view, double pointSize, bool bold)
{
    // Fonts are sized against the device's logical dpi; rescale so that `pointSize` holds on the
    // surface whose resolution the view declares.
    const QPaintDevice* device = painter.device();
    const double deviceDpi = device != nullptr ? device->logicalDpiY() : 96.0;
    return cjkFont(pointSize * view.dpi() / deviceDpi, bold);
}

void fillSymbol(QPainter& painter, const QPainterPath& path, const Symbol& s,
                const MapTransform& view)
{
    // On raster surfaces fills go without antialiasing (the antialiased outline drawn next hides
    // their edge): antialiased fills of the county-wide zones cost more than the rest of a frame.
    const bool raster = isRaster(painter);
    const bool aa = painter.testRenderHint(QPainter::Antialiasing);
    if (raster)
        painter.setRenderHint(QPainter::Antialiasing, false);
    if (s.fill.alpha() > 0)
        painter.fillPath(path, s.fill);
    if (s.hatch != Hatch::None)
        paintHatch(painter, path, s, view);
    painter.setRenderHint(QPainter::Antialiasing, aa);
}

void strokeSymbol(QPainter& painter, const QPainterPath& path, const Symbol& s,
                  const MapTransform& view)
{
    if (s.stroke.alpha() == 0 || s.penStyle == Qt::NoPen)
        return;
    double width = std::max(view.mmToPx(s.strokeMm), 0.8);
    // On screen, hairlines up to 1.5 px are drawn 1 px wide: Qt's raster engine has a fast
    // path for those (the general stroker costs ~10x on the county's 166k vertices).
    if (width < 1.5 && isRaster(painter))
        width = 1.0;
    if (width >= 1.5 && isRaster(painter) && s.penStyle == Qt::SolidLine)
    {
        // Wide solid outlines on screen: a few 1 px strokes side by side (fast path) instead
        // of Qt's general stroker, which took ~17 ms for the county's 3-px outline.
        const QPen thin(s.stroke, 1.0);
        // n x n offsets of one pixel make an n-pixel wide line in every direction.
        const int n = std::clamp(static_cast<int>(std::lround(width - 0.5)), 2, 4);
        for (int dx = 0; dx < n; ++dx)
            for (int dy = 0; dy < n; ++dy)
                if (dx == 0 || dy == 0 || (dx == n - 1 && dy == n - 1))
                    painter.strokePath(path.translated(dx - (n - 1) / 2.0, dy - (n - 1) / 2.0),
                                       thin);
        return;
    }
    QPen pen(s.stroke, width);
    pen.setStyle(s.penStyle);
    // Round joins add an arc at every vertex; bevel joins look the same at these widths.
    pen.setJoinStyle(Qt::BevelJoin);
    pen.setCapStyle(Qt::FlatCap);
    painter.strokePath(path, pen);
}

void paintSymbol(QPainter& painter, const QPainterPath& path, const Symbol& s,
                 const MapTransform& view, bool isLine)
{
    if (!isLine)
        fillSymbol(painter, path, s, view);
    strokeSymbol(painter, path, s, view);
}

void drawHaloText(QPainter& painter, const QRectF& box, const QString& text, const QColor& color)
{
    const double d = std::max(1.0, painter.fontInfo().pixelSize() / 10.0);
    painter.setPen(QColor(255, 255, 255, 230));
    const QPointF offsets[] = {{-d, 0}, {d, 0}, {0, -d}, {0, d}};
    for (const QPointF& o : offsets)
        painter.drawText(box.translated(o), Qt::AlignCenter, text);
    painter.setPen(color);
    painter.drawText(box, Qt::AlignCenter, text);
}

RenderStats MapRenderer::render(const RenderRequest& req, QPainter& painter, LabelPlacer* placer)
{
    RenderStats stats;
    const MapTransform& view = req.view;
    const QRectF frame(QPointF(0, 0), view.sizePx());
    painter.save();
    painter.setClipRect(frame, Qt::IntersectClip);
    painter.fillRect(frame, req.background);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);

    const Envelope visible = view.extent();
    const double toleranceM = req.lodTolerancePx * view.metresPerPixel();
    std::vector<LabelCandidate> labels;

    for (const RenderLayer& layer : req.layers)
    {
        if (layer.visible && layer.raster)
            paintRaster(painter, layer, view); // basemaps (issue 14), at their place in the order
        if (!layer.visible || !layer.cache)
            continue;
        const LayerCache& cache = *layer.cache;
        const std::size_t level = cache.levelFor(toleranceM);
        stats.level = level;
        painter.setOpacity(std::clamp(layer.opacity, 0.0, 1.0));
        const auto& features = cache.layer().features;
        const bool wantLabels = req.labels && layer.labels && !layer.style.labelField.empty();
        // Outlines are stroked once per symbol after the layer's fills: far fewer calls into
        // the stroker, and no fill of a neighbour covers half of a shared edge.
        std::vector<std::pair<const Symbol*, QPainterPath>> outlines;
        for (std::size_t i = 0; i < cache.size(); ++i)
        {
            const Envelope& env = cache.envelope(i);
            if (!env.intersects(visible))
                continue;
            const Feature& f = features[i];
            const Symbol& symbol = layer.style.symbolFor(f.attributes);
            const Dimension dim = f.geometry.dimension();
            // Sub-pixel features: a dot keeps their presence visible without the path work.
            const double sizePx = std::max(env.width(), env.height()) / view.metresPerPixel();
            if (dim == Dimension::Point)
            {
                const double r = view.mmToPx(1.2);
                painter.setPen(QPen(symbol.stroke, 1));
                painter.setBrush(symbol.fill.alpha() > 0 ? symbol.fill : symbol.stroke);
                for (const QPointF& p : toPixelPoints(f.geometry.parts(), view))
                    painter.drawEllipse(p, r, r);
                painter.setBrush(Qt::NoBrush);
            }
            else if (sizePx < 1.5)
            {
                const QPointF p =
                    view.toPixel((env.minX + env.maxX) / 2, (env.minY + env.maxY) / 2);
                painter.fillRect(QRectF(p.x() - 0.5, p.y() - 0.5, 1, 1),
                                 symbol.fill.alpha() > 0 ? symbol.fill : symbol.stroke);
            }
            else
            {
                const QPainterPath path =
                    toPixelPath(cache.parts(i, level), dim, view, req.lodTolerancePx);
                if (dim == Dimension::Area)
                    fillSymbol(painter, path, symbol, view);
                auto it = std::find_if(outlines.begin(), outlines.end(),
                                       [&](const auto& o) { return o.first == &symbol; });
                if (it == outlines.end())
                    outlines.emplace_back(&symbol, path);
                else
                    it->second.addPath(path);
            }
            ++stats.featuresDrawn;
            if (wantLabels && (dim != Dimension::Area || sizePx > 40))
            {
                const auto text = f.attributes.text(layer.style.labelField);
                if (text && !text->empty())
                {
                    const Point a = cache.labelAnchor(i);
                    labels.push_back({layer.style.labelPriority, sizePx, view.toPixel(a.x, a.y),
                                      QString::fromStdString(*text), layer.style.labelColor,
                                      layer.style.labelSizePt, layer.style.labelBold});
                }
            }
        }
        for (const auto& [symbol, path] : outlines)
            strokeSymbol(painter, path, *symbol, view);
    }
    painter.setOpacity(1.0);

    for (const Overlay& o : req.overlays)
    {
        if (o.geometry.isEmpty() || !o.geometry.envelope().intersects(visible))
            continue;
        if (o.geometry.dimension() == Dimension::Point)
        {
            const double r = view.mmToPx(o.markerMm);
            painter.setPen(QPen(o.symbol.stroke, std::max(view.mmToPx(o.symbol.strokeMm), 1.0)));
            painter.setBrush(o.symbol.fill);
            for (const QPointF& p : toPixelPoints(o.geometry.parts(), view))
                painter.drawEllipse(p, r, r);
            painter.setBrush(Qt::NoBrush);
        }
        else
        {
            paintSymbol(painter, toPixelPath(o.geometry, view, 0.25), o.symbol, view,
                        o.geometry.dimension() == Dimension::Line);
        }
        if (!o.label.isEmpty())
        {
            const Point a = labelAnchorOf(o.geometry);
            labels.push_back({100, 1e9, view.toPixel(a.x, a.y) + QPointF(0, -view.mmToPx(4)),
                              o.label, o.symbol.stroke.darker(130), 9, true});
        }
    }

    if (!labels.empty())
    {
        std::stable_sort(labels.begin(), labels.end(),
                         [](const LabelCandidate& a, const LabelCandidate& b)
                         {
                             if (a.priority != b.priority)
                                 return a.priority > b.priority;
                             return a.sizePx > b.sizePx;
                         });
        LabelPlacer own(frame);
        LabelPlacer& lp = placer != nullptr ? *placer : own;
        // Nested zones often share a name (a source's level I, II and quasi zones): label such a
        // name once per neighbourhood, not once per ring.
        std::vector<std::pair<QString, QPointF>> done;
        for (const LabelCandidate& c : labels)
        {
            if (!frame.contains(c.anchor))
                continue;
            const double near = view.mmToPx(25);
            const bool repeated = std::any_of(done.begin(), done.end(),
                                              [&](const auto& d) {
                                                  return d.first == c.text &&
                                                         QLineF(d.second, c.anchor).length() < near;
                                              });
            if (repeated)
                continue;
            const QFont font = surfaceFont(painter, view, c.pointSize, c.bold);
            painter.setFont(font);
            const QFontMetricsF fm(font, painter.device());
            const QSizeF size(fm.horizontalAdvance(c.text) + 2, fm.height());
            if (const auto box = lp.place(c.anchor, size))
            {
                done.emplace_back(c.text, c.anchor);
                drawHaloText(painter, *box, c.text, c.color);
                ++stats.labelsPlaced;
            }
        }
    }
    painter.restore();
    return stats;
}

} // namespace redline
