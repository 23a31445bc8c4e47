#include "render/SiteReportPdf.hpp"

#include <QFontMetricsF>
#include <QPdfWriter>
#include <cmath>

#include "redline/core/AtomicFile.hpp"
#include "redline/core/Error.hpp"

#include "exporters/html/ReportTerms.hpp"
#include "render/Legend.hpp"
#include "render/MapRenderer.hpp"
#include "render/NorthArrow.hpp"
#include "render/PdfTextFix.hpp"
#include "render/ScaleBar.hpp"
#include "render/Symbology.hpp"

namespace redline
{
namespace
{

constexpr double kDpi = 300;
constexpr double kMarginMm = 15;

double px(double mm)
{
    return mm * kDpi / 25.4;
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

QString attr(const Attributes& a, const char* name)
{
    const auto v = a.text(name);
    return v && !v->empty() ? q(*v) : QStringLiteral("—");
}

// Vertical flow of blocks over A4 pages with page breaks.
class PageFlow
{
  public:
    PageFlow(QPdfWriter& writer, QPainter& painter)
        : m_writer(writer), m_painter(painter), m_view({0, 0}, 1, QSizeF(px(210), px(297)), kDpi),
          m_y(px(kMarginMm))
    {
    }

    const MapTransform& view() const { return m_view; }
    double left() const { return px(kMarginMm); }
    double width() const { return px(210 - 2 * kMarginMm); }
    double y() const { return m_y; }
    void advance(double dy) { m_y += dy; }
    void ensure(double height)
    {
        if (m_y + height > px(297 - kMarginMm))
        {
            m_writer.newPage();
            m_y = px(kMarginMm);
        }
    }
    QFont font(double pt, bool bold = false) const
    {
        return surfaceFont(m_painter, m_view, pt, bold);
    }

    void heading(const QString& text)
    {
        const QFont f = font(12, true);
        const QFontMetricsF fm(f, m_painter.device());
        ensure(fm.height() * 3);
        m_y += px(3);
        m_painter.setFont(f);
        m_painter.setPen(Qt::black);
        m_painter.drawText(QRectF(left(), m_y, width(), fm.height()), Qt::AlignLeft, text);
        m_y += fm.height() * 1.3;
    }

    void paragraph(const QString& text, double pt, QColor color = Qt::black)
    {
        const QFont f = font(pt);
        m_painter.setFont(f);
        const QFontMetricsF fm(f, m_painter.device());
        const QRectF r = fm.boundingRect(QRectF(left(), 0, width(), 1e6), Qt::TextWordWrap, text);
        ensure(r.height());
        m_painter.setPen(color);
        m_painter.drawText(QRectF(left(), m_y, width(), r.height()), Qt::TextWordWrap, text);
        m_y += r.height() + px(1.5);
    }

    // Table with word-wrapped cells; widths are fractions of the text width. The header row
    // repeats after a page break. `rowColors` may tint a cell (index = column) per row.
    void table(const QStringList& header, const std::vector<QStringList>& rows,
               const std::vector<double>& widths,
               const std::vector<std::pair<int, QColor>>& tint = {})
    {
        const QFont f = font(8.5);
        const QFont hf = font(8.5, true);
        const double pad = px(1.2);
        const auto rowHeight = [&](const QStringList& cells, const QFont& font)
        {
            const QFontMetricsF fm(font, m_painter.device());
            double h = fm.height();
            for (int c = 0; c < cells.size(); ++c)
            {
                const double w = width() * widths[static_cast<std::size_t>(c)] - 2 * pad;
                h = std::max(
                    h, fm.boundingRect(QRectF(0, 0, w, 1e6), Qt::TextWordWrap, cells[c]).height());
            }
            return h + 2 * pad;
        };
        const auto drawRow =
            [&](const QStringList& cells, const QFont& font, bool isHeader, std::size_t rowIndex)
        {
            const double h = rowHeight(cells, font);
            m_painter.setFont(font);
            double x = left();
            for (int c = 0; c < cells.size(); ++c)
            {
                const double w = width() * widths[static_cast<std::size_t>(c)];
                const QRectF cell(x, m_y, w, h);
                if (isHeader)
                    m_painter.fillRect(cell, QColor(230, 230, 230));
                else if (rowIndex < tint.size() && tint[rowIndex].first == c)
                    m_painter.fillRect(cell, tint[rowIndex].second);
                m_painter.setPen(QPen(QColor(120, 120, 120), px(0.15)));
                m_painter.drawRect(cell);
                m_painter.setPen(Qt::black);
                m_painter.drawText(cell.adjusted(pad, pad, -pad, -pad),
                                   Qt::TextWordWrap | Qt::AlignVCenter, cells[c]);
                x += w;
            }
            m_y += h;
        };
        ensure(rowHeight(header, hf) * 2);
        drawRow(header, hf, true, 0);
        for (std::size_t i = 0; i < rows.size(); ++i)
        {
            const double h = rowHeight(rows[i], f);
            if (m_y + h > px(297 - kMarginMm))
            {
                ensure(1e9);
                drawRow(header, hf, true, 0);
            }
            drawRow(rows[i], f, false, i);
        }
        m_y += px(2);
    }

    QPainter& painter() { return m_painter; }

  private:
    QPdfWriter& m_writer;
    QPainter& m_painter;
    MapTransform m_view;
    double m_y;
};

QColor light(QColor c)
{
    c.setAlpha(90);
    return c;
}

void drawMap(PageFlow& flow, const SiteReportInput& in)
{
    const double w = flow.width();
    const double h = px(105);
    flow.ensure(h + px(40));
    QPainter& p = flow.painter();
    Envelope focus = in.map.focus;
    const double grow = std::max({focus.width(), focus.height(), 200.0}) * 0.6;
    focus = focus.grownBy(grow);
    MapTransform fit = MapTransform::fit(focus, QSizeF(w, h), kDpi);
    const MapTransform view(fit.center(), roundPrintScale(fit.scaleDenominator()) * 0.0254 / kDpi,
                            QSizeF(w, h), kDpi);
    RenderRequest req;
    req.view = view;
    req.layers = in.map.layers;
    req.overlays = in.map.overlays;
    p.save();
    p.translate(flow.left(), flow.y());
    MapRenderer::render(req, p);
    // North arrow top-right, scale bar bottom-left on a white box.
    drawNorthArrow(p, QRectF(w - px(12), px(2), px(10), px(14)), view);
    const ScaleBarSpec bar = computeScaleBar(view.metresPerPixel(), px(35));
    p.fillRect(QRectF(px(2), h - px(14), px(50), px(12)), QColor(255, 255, 255, 220));
    drawScaleBar(p, QPointF(px(4), h - px(13)), bar, view);
    p.setPen(QPen(Qt::black, px(0.3)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(0, 0, w, h));
    p.restore();
    flow.advance(h + px(2));
    std::vector<LegendEntry> entries = legendEntries(in.map.layers);
    const QRectF legendBox(flow.left(), flow.y(), w, px(30));
    const double used = drawLegend(p, legendBox, entries, flow.view(), 7);
    flow.advance(used + px(2));
}

} // namespace

void writeSiteReportPdf(const SiteReportInput& in, const QString& path)
{
    AtomicFile file(path.toStdString());
    const SiteResult& s = in.site;
    {
        QPdfWriter writer(QString::fromStdString(file.tempPath()));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(static_cast<int>(kDpi));
        writer.setTitle(QStringLiteral("选址初筛报告 ") + q(s.siteId));
        writer.setCreator(QStringLiteral("Redline"));
        QPainter painter;
        if (!painter.begin(&writer))
            throw IoError(path.toStdString() + ": cannot write the PDF report.");
        painter.setRenderHint(QPainter::Antialiasing, true);
        PageFlow flow(writer, painter);

        painter.setFont(flow.font(17, true));
        painter.drawText(QRectF(flow.left(), flow.y(), flow.width(), px(10)), Qt::AlignCenter,
                         QStringLiteral("建设项目选址生态环境分区管控初筛报告"));
        flow.advance(px(11));
        painter.setFont(flow.font(11));
        painter.drawText(QRectF(flow.left(), flow.y(), flow.width(), px(7)), Qt::AlignCenter,
                         q(s.siteId) + QStringLiteral("  ") + q(s.name));
        flow.advance(px(9));

        flow.heading(QStringLiteral("一、项目概况"));
        const Envelope& e = s.geometry.envelope();
        const double cx = (e.minX + e.maxX) / 2;
        const double cy = (e.minY + e.maxY) / 2;
        const QString lonLat =
            in.lonLat ? QString::number(in.lonLat->x, 'f', 6) + QStringLiteral("°E，") +
                            QString::number(in.lonLat->y, 'f', 6) + QStringLiteral("°N")
                      : QStringLiteral("—");
        const QString area = QString::fromStdString(formatFixed(s.areaM2, 2)) +
                             QStringLiteral(" m²（") +
                             QString::fromStdString(formatFixed(squareMetresToMu(s.areaM2), 2)) +
                             QStringLiteral(" 亩）");
        flow.table(
            {QStringLiteral("项目"), QStringLiteral("内容"), QStringLiteral("项目"),
             QStringLiteral("内容")},
            {{QStringLiteral("项目名称"), q(s.name), QStringLiteral("项目编号"), q(s.siteId)},
             {QStringLiteral("所在乡镇"), in.township.isEmpty() ? QStringLiteral("—") : in.township,
              QStringLiteral("几何类型"), QString::fromLatin1(toString(s.geometry.type()))},
             {QStringLiteral("中心点（EPSG:4549）"),
              QStringLiteral("X ") + QString::number(cx, 'f', 2) + QStringLiteral("\nY ") +
                  QString::number(cy, 'f', 2),
              QStringLiteral("经纬度（CGCS2000）"), lonLat},
             {QStringLiteral("用地面积"), area, QStringLiteral("线路长度"),
              s.lengthM > 0 ? QString::number(s.lengthM, 'f', 1) + QStringLiteral(" m")
                            : QStringLiteral("—")},
             {QStringLiteral("行业代码"), attr(s.attributes, "industry_code"),
              QStringLiteral("项目类型"), attr(s.attributes, "project_type")}},
            {0.17, 0.33, 0.17, 0.33});

        flow.heading(QStringLiteral("二、初筛结论"));
        {
            const QFont f = flow.font(14, true);
            painter.setFont(f);
            const QString text = QString::fromUtf8(toChinese(s.verdict)) + QStringLiteral("（") +
                                 QString::fromLatin1(toString(s.verdict)) + QStringLiteral("）");
            const QFontMetricsF fm(f, painter.device());
            const QRectF box(flow.left(), flow.y(), fm.horizontalAdvance(text) + px(8),
                             fm.height() + px(3));
            painter.fillRect(box, verdictColor(s.verdict));
            painter.setPen(s.verdict == Verdict::NeedsReview ? Qt::black : Qt::white);
            painter.drawText(box, Qt::AlignCenter, text);
            flow.advance(box.height() + px(2));
        }

        flow.heading(QStringLiteral("三、叠加图"));
        drawMap(flow, in);

        flow.heading(QStringLiteral("四、涉及分区情况"));
        std::vector<QStringList> rows;
        std::vector<std::pair<int, QColor>> tint;
        for (const ReportLayerInfo& layer : in.screenedLayers)
        {
            bool any = false;
            for (const Hit& h : s.hits)
            {
                if (h.kind != layer.kind)
                    continue;
                any = true;
                rows.push_back({layer.title, q(h.zoneName) + QStringLiteral("\n") + q(h.zoneId),
                                q(formatFixed(h.overlapM2, 2)),
                                q(formatFixed(squareMetresToMu(h.overlapM2), 2)),
                                q(formatPercent(h.siteShare)), q(formatFixed(h.distanceM, 1)),
                                QString::fromUtf8(toChinese(h.verdict))});
                tint.emplace_back(6, light(verdictColor(h.verdict)));
            }
            if (!any)
            {
                rows.push_back({layer.title, QStringLiteral("不涉及"), QStringLiteral("—"),
                                QStringLiteral("—"), QStringLiteral("—"), QStringLiteral("—"),
                                QStringLiteral("—")});
                tint.emplace_back(-1, QColor());
            }
        }
        flow.table({QStringLiteral("图层"), QStringLiteral("分区（编号）"),
                    QStringLiteral("重叠面积 m²"), QStringLiteral("重叠 亩"),
                    QStringLiteral("占项目比例"), QStringLiteral("距离 m"), QStringLiteral("结论")},
                   rows, {0.16, 0.28, 0.13, 0.1, 0.11, 0.1, 0.12}, tint);

        flow.heading(QStringLiteral("五、适用规则及依据"));
        std::vector<QStringList> ruleRows;
        std::vector<std::pair<int, QColor>> ruleTint;
        for (const Hit& h : s.hits)
            for (const RuleMatch& r : h.rules)
            {
                ruleRows.push_back({q(r.ruleId), q(h.zoneName),
                                    QString::fromUtf8(toChinese(r.verdict)), q(r.reason),
                                    q(r.citation)});
                ruleTint.emplace_back(2, light(verdictColor(r.verdict)));
            }
        if (ruleRows.empty())
            flow.paragraph(QStringLiteral("无适用规则（项目未涉及管控分区，或规则集为 ") +
                               in.ruleSet + QStringLiteral("）。"),
                           9);
        else
            flow.table({QStringLiteral("规则"), QStringLiteral("涉及分区"), QStringLiteral("结论"),
                        QStringLiteral("理由"), QStringLiteral("依据")},
                       ruleRows, {0.1, 0.17, 0.1, 0.35, 0.28}, ruleTint);
        if (!s.warnings.empty())
        {
            flow.heading(QStringLiteral("提示"));
            for (const std::string& w : s.warnings)
                flow.paragraph(QStringLiteral("• ") + q(w), 8.5);
        }

        flow.heading(QStringLiteral("六、说明"));
        flow.paragraph(
            QStringLiteral(
                "本报告由 Redline 依据现行生态环境分区数据和规则集自动生成，属选址初筛参考意见，"
                "不构成行政许可或审批结论；最终以生态环境主管部门审查意见为准。"),
            9, QColor(80, 0, 0));
        flow.paragraph(
            QStringLiteral("分区数据：") + in.zonesPath + QStringLiteral("；规则集：") +
                in.ruleSet +
                QStringLiteral("；坐标系：CGCS2000 / 3-degree Gauss-Kruger CM 120E "
                               "(EPSG:4549)；面积为分析坐标系平面面积，1 亩 = 666.67 m²；"
                               "报告日期：") +
                in.date.toString(Qt::ISODate),
            8, QColor(90, 90, 90));
        if (!painter.end())
            throw IoError(path.toStdString() + ": cannot write the PDF report.");
    }
    fixCjkToUnicode(QString::fromStdString(file.tempPath()));
    file.commit();
}

} // namespace redline
