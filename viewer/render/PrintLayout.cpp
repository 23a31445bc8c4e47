#include "render/PrintLayout.hpp"

#include <QFontMetricsF>
#include <cmath>

#include "render/Legend.hpp"
#include "render/MapRenderer.hpp"
#include "render/NorthArrow.hpp"
#include "render/ScaleBar.hpp"

namespace redline
{
namespace
{
constexpr double kMarginMm = 10;
constexpr double kTitleMm = 18;
constexpr double kFooterMm = 14;
constexpr double kGridLabelMm = 6;
constexpr double kSideMm = 62; // landscape: side panel width
constexpr double kBandMm = 58; // portrait: bottom panel height

MapTransform pageView(double dpi, QSizeF sizePx)
{
    // A transform used only for its dpi (mm and font sizes) on page-level drawing.
    return MapTransform({0, 0}, 1, sizePx, dpi);
}

} // namespace

double gridInterval(double widthM)
{
    for (const double d : {100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0, 20000.0, 50000.0})
        if (widthM / d <= 7)
            return d;
    return 100000.0;
}

QSizeF PrintLayout::pageSizeMm() const
{
    const QSizeF s = QPageSize(m_options.paper).size(QPageSize::Millimeter);
    return m_options.landscape ? s.transposed() : s;
}

QSize PrintLayout::pageSizePx() const
{
    const QSizeF mm = pageSizeMm();
    return {static_cast<int>(std::lround(px(mm.width()))),
            static_cast<int>(std::lround(px(mm.height())))};
}

QRectF PrintLayout::mapFrame() const
{
    const QSizeF page = pageSizeMm();
    const double left = kMarginMm + kGridLabelMm;
    const double top = kMarginMm + kTitleMm + kGridLabelMm;
    double right = page.width() - kMarginMm - kGridLabelMm;
    double bottom = page.height() - kMarginMm - kFooterMm - kGridLabelMm;
    if (m_options.landscape)
        right -= kSideMm;
    else
        bottom -= kBandMm;
    return {px(left), px(top), px(right - left), px(bottom - top)};
}

Envelope overviewExtentFor(const Envelope& overview, const Envelope& printed)
{
    Envelope e = overview;
    e.expandToInclude(printed);
    return e.grownBy(0.03 * std::max(e.width(), e.height()));
}

QString sourcesLine(const QString& sources, const std::vector<RenderLayer>& layers)
{
    QString line = sources;
    for (const RenderLayer& l : layers)
    {
        if (!l.visible || !l.raster)
            continue;
        line += QStringLiteral("；") + l.style.title;
        if (!l.raster->info().description.empty())
            line += QStringLiteral("（") + QString::fromStdString(l.raster->info().description) +
                    QStringLiteral("）");
    }
    return line;
}

QRectF PrintLayout::panelRect() const
{
    const QRectF frame = mapFrame();
    const QSizeF pagePx(px(pageSizeMm().width()), px(pageSizeMm().height()));
    if (m_options.landscape)
        return {frame.right() + px(kGridLabelMm + 4), frame.top() - px(kGridLabelMm),
                px(kSideMm - 4), frame.height() + px(2 * kGridLabelMm)};
    return {px(kMarginMm), frame.bottom() + px(kGridLabelMm + 3),
            pagePx.width() - px(2 * kMarginMm), px(kBandMm - 3)};
}

QRectF PrintLayout::overviewFrame() const
{
    const QRectF panel = panelRect();
    const double insetSize = m_options.landscape ? panel.width() : panel.height() - px(2);
    return {panel.topLeft(), QSizeF(insetSize, insetSize * 0.85)};
}

MapTransform PrintLayout::mapView(const Envelope& focus) const
{
    const QRectF frame = mapFrame();
    MapTransform fit = MapTransform::fit(focus, frame.size(), m_options.dpi, 0.03);
    if (m_options.scale)
        return MapTransform(fit.center(), *m_options.scale * 0.0254 / m_options.dpi, frame.size(),
                            m_options.dpi);
    const double denom = roundPrintScale(fit.scaleDenominator());
    const double mpp = denom * 0.0254 / m_options.dpi;
    return MapTransform(fit.center(), mpp, frame.size(), m_options.dpi);
}

void PrintLayout::paint(QPainter& painter, const PrintContent& content) const
{
    const QSizeF pageMm = pageSizeMm();
    const QSizeF pagePx(px(pageMm.width()), px(pageMm.height()));
    const MapTransform pv = pageView(m_options.dpi, pagePx);
    painter.save();
    painter.fillRect(QRectF(QPointF(0, 0), pagePx), Qt::white);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);

    // Title and subtitle.
    painter.setPen(Qt::black);
    painter.setFont(surfaceFont(painter, pv, 16, true));
    const QRectF titleBox(px(kMarginMm), px(kMarginMm), pagePx.width() - px(2 * kMarginMm), px(10));
    painter.drawText(titleBox, Qt::AlignHCenter | Qt::AlignVCenter, m_options.title);
    if (!m_options.subtitle.isEmpty())
    {
        painter.setFont(surfaceFont(painter, pv, 10.5));
        painter.drawText(QRectF(titleBox.left(), titleBox.bottom(), titleBox.width(), px(7)),
                         Qt::AlignHCenter | Qt::AlignVCenter, m_options.subtitle);
    }

    // Map frame.
    const QRectF frame = mapFrame();
    const MapTransform view = mapView(content.focus);
    RenderRequest req;
    req.view = view;
    req.layers = content.layers;
    req.overlays = content.overlays;
    painter.save();
    painter.translate(frame.topLeft());
    MapRenderer::render(req, painter);

    // Kilometre grid over the map, labels outside the frame.
    const Envelope ext = view.extent();
    const double step = gridInterval(ext.width());
    QPen gridPen(QColor(90, 90, 90, 170), std::max(px(0.12), 0.6));
    gridPen.setStyle(Qt::DashLine);
    painter.setPen(gridPen);
    const QFont gridFont = surfaceFont(painter, pv, 6.5);
    const QFontMetricsF gfm(gridFont, painter.device());
    std::vector<std::pair<double, double>> xs; // (pixel, value)
    std::vector<std::pair<double, double>> ys;
    for (double x = std::ceil(ext.minX / step) * step; x <= ext.maxX; x += step)
    {
        const double p = view.toPixel(x, 0).x();
        painter.drawLine(QPointF(p, 0), QPointF(p, frame.height()));
        xs.emplace_back(p, x);
    }
    for (double y = std::ceil(ext.minY / step) * step; y <= ext.maxY; y += step)
    {
        const double p = view.toPixel(0, y).y();
        painter.drawLine(QPointF(0, p), QPointF(frame.width(), p));
        ys.emplace_back(p, y);
    }
    painter.setFont(gridFont);
    painter.setPen(Qt::black);
    const auto km = [step](double v)
    { return QString::number(v / 1000.0, 'f', step >= 1000 ? 0 : 1); };
    for (const auto& [p, v] : xs)
    {
        const QString t = km(v);
        const double w = gfm.horizontalAdvance(t) + 2;
        painter.drawText(QRectF(p - w / 2, -gfm.height() - px(0.5), w, gfm.height()),
                         Qt::AlignCenter, t);
        painter.drawText(QRectF(p - w / 2, frame.height() + px(0.5), w, gfm.height()),
                         Qt::AlignCenter, t);
    }
    for (const auto& [p, v] : ys)
    {
        const QString t = km(v);
        const double w = gfm.horizontalAdvance(t) + 2;
        // Rotated labels along the left and right edges, as on topographic sheets.
        for (const double x :
             {-px(0.8) - gfm.height() / 2, frame.width() + px(0.8) + gfm.height() / 2})
        {
            painter.save();
            painter.translate(x, p);
            painter.rotate(-90);
            painter.drawText(QRectF(-w / 2, -gfm.height() / 2, w, gfm.height()), Qt::AlignCenter,
                             t);
            painter.restore();
        }
    }
    painter.setPen(QPen(Qt::black, px(0.35)));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(QPointF(0, 0), frame.size()));
    painter.restore();

    // Panel: overview inset, north arrow + scale bar, legend.
    const QSizeF page = pageMm;
    const QRectF panel = panelRect();
    QRectF inset = overviewFrame();
    if (!content.overviewLayers.empty() && !content.overviewExtent.isEmpty())
    {
        RenderRequest ov;
        // The printed extent always fits in the inset (a whole-county print shows more than the
        // county at its round scale).
        ov.view = MapTransform::fit(overviewExtentFor(content.overviewExtent, ext), inset.size(),
                                    m_options.dpi, 0.0);
        ov.layers = content.overviewLayers;
        ov.labels = false;
        painter.save();
        painter.translate(inset.topLeft());
        MapRenderer::render(ov, painter);
        painter.setClipRect(QRectF(QPointF(0, 0), inset.size()));
        QRectF extentBox = ov.view.toPixel(ext);
        if (extentBox.width() < px(1.5))
            extentBox =
                QRectF(extentBox.center() - QPointF(px(0.75), px(0.75)), QSizeF(px(1.5), px(1.5)));
        painter.setPen(QPen(QColor(220, 0, 0), px(0.4)));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(extentBox);
        painter.setClipping(false);
        painter.setPen(QPen(Qt::black, px(0.25)));
        painter.drawRect(QRectF(QPointF(0, 0), inset.size()));
        painter.setFont(surfaceFont(painter, pv, 6.5));
        painter.drawText(QRectF(px(1), px(0.5), inset.width(), px(4)), Qt::AlignLeft,
                         QStringLiteral("位置示意图"));
        painter.restore();
    }
    else
    {
        inset.setHeight(0);
    }

    const double arrowW = px(12);
    QRectF arrowBox;
    QPointF scaleOrigin;
    QRectF legendBox;
    if (m_options.landscape)
    {
        arrowBox = QRectF(panel.left(), inset.bottom() + px(3), arrowW, px(16));
        scaleOrigin = QPointF(arrowBox.right() + px(4), arrowBox.top() + px(3));
        legendBox = QRectF(panel.left(), arrowBox.bottom() + px(4), panel.width(),
                           panel.bottom() - arrowBox.bottom() - px(4));
    }
    else
    {
        const double x = inset.right() + px(5);
        arrowBox = QRectF(panel.right() - arrowW, panel.top(), arrowW, px(16));
        scaleOrigin = QPointF(panel.right() - px(52), arrowBox.bottom() + px(6));
        legendBox = QRectF(x, panel.top(), scaleOrigin.x() - x - px(3), panel.height());
    }
    drawNorthArrow(painter, arrowBox, pv);
    const ScaleBarSpec bar = computeScaleBar(view.metresPerPixel(), px(40));
    drawScaleBar(painter, scaleOrigin, bar, view);
    drawLegend(painter, legendBox, legendEntries(content.layers), pv, 7);

    // Footer.
    painter.setPen(Qt::black);
    painter.setFont(surfaceFont(painter, pv, 6.5));
    const double fy = px(page.height() - kMarginMm - kFooterMm + 1);
    const double fw = pagePx.width() - px(2 * kMarginMm);
    const double lh = px(3.3);
    painter.setPen(QPen(Qt::black, px(0.2)));
    painter.drawLine(QPointF(px(kMarginMm), fy - px(0.5)),
                     QPointF(px(kMarginMm) + fw, fy - px(0.5)));
    const QString dateLine =
        QStringLiteral("制图日期：") + m_options.date.toString(Qt::ISODate) +
        QStringLiteral("    比例尺 ") + formatScaleRatio(view.scaleDenominator()) +
        QStringLiteral("    公里网格间距 ") + formatDistance(step, step >= 1000);
    const QString lines[] = {m_options.crs, sourcesLine(m_options.sources, content.layers),
                             dateLine, m_options.disclaimer};
    double y = fy;
    for (const QString& l : lines)
    {
        painter.drawText(QRectF(px(kMarginMm), y, fw, lh), Qt::AlignLeft | Qt::AlignVCenter, l);
        y += lh;
    }
    painter.restore();
}

} // namespace redline
