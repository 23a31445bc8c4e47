#include "render/MapRenderer.hpp"

#include <QFontMetricsF>
#include <QImage>
#include <QLineF>
#include <QPaintDevice>
#include <QPaintEngine>
#include <algorithm>
#include <cmath>
#include <iterator>
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
    const bool raster = isRaster(painter);
    double width = std::max(view.mmToPx(s.strokeMm), 0.8);
    // On screen, hairlines up to 1.5 px are drawn 1 px wide: Qt's raster engine has a fast
    // path for those (the general stroker costs ~10x on the county's 166k vertices).
    if (width < 1.5 && raster)
        width = 1.0;
    QPen pen(s.stroke, width);
    pen.setStyle(s.penStyle);
    // Round joins add an arc at every vertex; bevel joins look the same at these widths.
    pen.setJoinStyle(Qt::BevelJoin);
    pen.setCapStyle(Qt::FlatCap);
    if (!raster)
    {
        painter.strokePath(path, pen);
        return;
    }
    // On screen everything goes through the one-pixel fast path: dashed lines as their dashes
    // (solid pieces; a dashed pen takes Qt's general stroker, which made dashes into polygons
    // and filled them: 199 M of a x30 full-extent frame's 723 M instructions for the 3,800
    // vertices of the development boundary alone), wide lines as strokes side by side.
    QPainterPath solid = path;
    if (s.penStyle != Qt::SolidLine)
    {
        QList<qreal> pattern = pen.dashPattern(); // in pen widths
        for (qreal& d : pattern)
            d *= width;
        solid = dashesOf(path, pattern);
    }
    const QPen thin(s.stroke, 1.0, Qt::SolidLine, Qt::FlatCap, Qt::BevelJoin);
    if (width < 1.5)
    {
        painter.strokePath(solid, thin);
        return;
    }
    // Wide outlines: a few 1 px strokes side by side instead of Qt's general stroker, which
    // took ~17 ms for the county's 3-px outline. n x n offsets of one pixel make an n-pixel
    // wide line in every direction.
    const int n = std::clamp(static_cast<int>(std::lround(width - 0.5)), 2, 4);
    for (int dx = 0; dx < n; ++dx)
        for (int dy = 0; dy < n; ++dy)
            if (dx == 0 || dy == 0 || (dx == n - 1 && dy == n - 1))
                painter.strokePath(solid.translated(dx - (n - 1) / 2.0, dy - (n - 1) / 2.0), thin);
}

void paintSymbol(QPainter& painter, const QPainterPath& path, const Symbol& s,
                 const MapTransform& view, bool isLine)
{
    if (!isLine)
        fillSymbol(painter, path, s, view);
    strokeSymbol(painter, path, s, view);
}

namespace
{

void drawHaloTextDirectly(QPainter& painter, const QRectF& box, const QString& text,
                          const QColor& color)
{
    const double d = std::max(1.0, painter.fontInfo().pixelSize() / 10.0);
    painter.setPen(QColor(255, 255, 255, 230));
    const QPointF offsets[] = {{-d, 0}, {d, 0}, {0, -d}, {0, d}};
    for (const QPointF& o : offsets)
        painter.drawText(box.translated(o), Qt::AlignCenter, text);
    painter.setPen(color);
    painter.drawText(box, Qt::AlignCenter, text);
}

} // namespace

void drawHaloText(QPainter& painter, const QRectF& box, const QString& text, const QColor& color)
{
    const auto* target = dynamic_cast<const QImage*>(painter.device());
    if (!isRaster(painter) || target == nullptr ||
        painter.deviceTransform().type() > QTransform::TxTranslate)
    {
        drawHaloTextDirectly(painter, box, text, color);
        return;
    }
    // On screen a label is five glyph runs (four halo offsets and the text): drawn once into an
    // image kept per thread, it is one blit at every later frame that shows it (pans, layers
    // switched, the same name elsewhere), a fifth of a x30 full-extent frame before.
    const int margin =
        static_cast<int>(std::ceil(std::max(1.0, painter.fontInfo().pixelSize() / 10.0)));
    const QSize size(static_cast<int>(std::ceil(box.width())) + 2 * margin,
                     static_cast<int>(std::ceil(box.height())) + 2 * margin);
    const QString key = text + QChar(0) + painter.font().key() + QChar(0) +
                        QString::number(color.rgba()) + QChar(0) + QString::number(size.width()) +
                        'x' + QString::number(size.height()) + '@' +
                        QString::number(target->dotsPerMeterY());
    thread_local std::map<QString, QImage> labels;
    auto it = labels.find(key);
    if (it == labels.end())
    {
        if (labels.size() > 2048)
            labels.clear();
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        // The target's resolution, so that the font has the same pixel size on both.
        image.setDotsPerMeterX(target->dotsPerMeterX());
        image.setDotsPerMeterY(target->dotsPerMeterY());
        {
            QPainter p(&image);
            p.setRenderHints(painter.renderHints());
            p.setFont(painter.font());
            drawHaloTextDirectly(p, QRectF(QPointF(margin, margin), box.size()), text, color);
        }
        it = labels.emplace(key, std::move(image)).first;
    }
    painter.drawImage(box.topLeft() - QPointF(margin, margin), it->second);
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
        // One path per symbol (and dimension), filled then stroked once after the whole layer:
        // a few calls into the rasteriser and the stroker instead of two per feature (the x30
        // store has 6,000 features), and no fill of a neighbour covers half of a shared edge.
        // Features of one symbol that overlap are filled once (winding fill).
        struct SymbolPath
        {
            const Symbol* symbol;
            bool area;
            QPainterPath path;
        };
        std::vector<SymbolPath> paths;
        std::vector<std::pair<QRectF, QColor>> dots;
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
                dots.emplace_back(QRectF(p.x() - 0.5, p.y() - 0.5, 1, 1),
                                  symbol.fill.alpha() > 0 ? symbol.fill : symbol.stroke);
            }
            else
            {
                const bool area = dim == Dimension::Area;
                auto it = std::find_if(paths.begin(), paths.end(),
                                       [&](const SymbolPath& sp)
                                       { return sp.symbol == &symbol && sp.area == area; });
                if (it == paths.end())
                {
                    paths.push_back({&symbol, area, QPainterPath()});
                    paths.back().path.setFillRule(Qt::WindingFill);
                    it = std::prev(paths.end());
                }
                it->path.addPath(
                    cache.pixelPath(i, level, view.metresPerPixel(), req.lodTolerancePx));
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
        const QPointF origin = cache.pixelOrigin(view);
        for (SymbolPath& sp : paths)
            sp.path.translate(origin);
        for (const SymbolPath& sp : paths)
            if (sp.area)
                fillSymbol(painter, sp.path, *sp.symbol, view);
        for (const auto& [rect, color] : dots)
            painter.fillRect(rect, color);
        for (const SymbolPath& sp : paths)
            strokeSymbol(painter, sp.path, *sp.symbol, view);
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
