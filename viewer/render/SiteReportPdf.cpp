#include "render/SiteReportPdf.hpp"

#include <QBuffer>
#include <QFile>
#include <QFontMetricsF>
#include <QPdfWriter>
#include <algorithm>
#include <cmath>
#include <set>

#include "redline/core/AtomicFile.hpp"
#include "redline/core/Error.hpp"

#include "render/Legend.hpp"
#include "render/MapRenderer.hpp"
#include "render/NorthArrow.hpp"
#include "render/PdfTextFix.hpp"
#include "render/PrintLayout.hpp"
#include "render/ScaleBar.hpp"
#include "render/Symbology.hpp"
#include "report/MapExcerpt.hpp"
#include "report/SiteReportModel.hpp"

namespace redline
{
namespace
{

constexpr double kDpi = 300;
constexpr double kMarginMm = 15;
constexpr double kMapHeightMm = 105;

double px(double mm)
{
    return mm * kDpi / 25.4;
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

QColor light(QColor c)
{
    c.setAlpha(90);
    return c;
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
            newPage();
    }
    void newPage()
    {
        m_writer.newPage();
        m_y = px(kMarginMm);
    }
    QFont font(double pt, bool bold = false) const
    {
        return surfaceFont(m_painter, m_view, pt, bold);
    }
    QPainter& painter() { return m_painter; }

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

    void paragraph(const QString& text, double pt, QColor color = Qt::black, double indent = 0)
    {
        const double h = wrappedHeight(text, pt, indent);
        ensure(h);
        m_painter.setFont(font(pt));
        m_painter.setPen(color);
        m_painter.drawText(QRectF(left() + indent, m_y, width() - indent, h), Qt::TextWordWrap,
                           text);
        m_y += h + px(1.5);
    }
    // The height paragraph() will take.
    double paragraphHeight(const QString& text, double pt)
    {
        return wrappedHeight(text, pt, 0) + px(1.5);
    }

    // Table with word-wrapped cells; widths are fractions of the text width. The header row
    // (if any) repeats after a page break; the verdict column is tinted, muted rows are grey.
    void table(const ReportTable& t, double pt = 8.5)
    {
        const QFont f = font(pt);
        const QFont hf = font(pt, true);
        const double pad = px(1.2);
        const auto cellsOf = [](const std::vector<std::string>& v)
        {
            QStringList out;
            for (const std::string& s : v)
                out << q(s);
            return out;
        };
        const auto rowHeight = [&](const QStringList& cells, const QFont& font)
        {
            const QFontMetricsF fm(font, m_painter.device());
            double h = fm.height();
            for (int c = 0; c < cells.size(); ++c)
            {
                const double w = width() * t.widths[static_cast<std::size_t>(c)] - 2 * pad;
                h = std::max(
                    h, fm.boundingRect(QRectF(0, 0, w, 1e6), Qt::TextWordWrap, cells[c]).height());
            }
            return h + 2 * pad;
        };
        const auto drawRow =
            [&](const QStringList& cells, const QFont& font, bool isHeader, const ReportRow* row)
        {
            const double h = rowHeight(cells, font);
            m_painter.setFont(font);
            double x = left();
            for (int c = 0; c < cells.size(); ++c)
            {
                const double w = width() * t.widths[static_cast<std::size_t>(c)];
                const QRectF cell(x, m_y, w, h);
                if (isHeader)
                    m_painter.fillRect(cell, QColor(230, 230, 230));
                else if (row != nullptr && row->verdict && c == t.verdictColumn)
                    m_painter.fillRect(cell, light(verdictColor(*row->verdict)));
                m_painter.setPen(QPen(QColor(120, 120, 120), px(0.15)));
                m_painter.drawRect(cell);
                m_painter.setPen(row != nullptr && row->muted ? QColor(110, 110, 110)
                                                              : QColor(Qt::black));
                m_painter.drawText(cell.adjusted(pad, pad, -pad, -pad),
                                   Qt::TextWordWrap | Qt::AlignVCenter, cells[c]);
                x += w;
            }
            m_y += h;
        };
        const QStringList header = cellsOf(t.header);
        const bool hasHeader = !header.isEmpty();
        if (hasHeader)
        {
            ensure(rowHeight(header, hf) * 2);
            drawRow(header, hf, true, nullptr);
        }
        for (const ReportRow& row : t.rows)
        {
            const QStringList cells = cellsOf(row.cells);
            if (m_y + rowHeight(cells, f) > px(297 - kMarginMm))
            {
                ensure(1e9);
                if (hasHeader)
                    drawRow(header, hf, true, nullptr);
            }
            drawRow(cells, f, false, &row);
        }
        m_y += px(2);
    }

  private:
    // Height of `text` word-wrapped in the text width less `indent`, at `pt`.
    double wrappedHeight(const QString& text, double pt, double indent)
    {
        const QFontMetricsF fm(font(pt), m_painter.device());
        return fm.boundingRect(QRectF(0, 0, width() - indent, 1e6), Qt::TextWordWrap, text)
            .height();
    }
    QPdfWriter& m_writer;
    QPainter& m_painter;
    MapTransform m_view;
    double m_y;
};

// Label/value pairs as a four-column table (label, value, label, value), no header.
ReportTable fieldTable(const std::vector<ReportField>& fields, std::vector<double> widths)
{
    ReportTable t;
    t.widths = std::move(widths);
    for (std::size_t i = 0; i < fields.size(); i += 2)
    {
        ReportRow row;
        row.cells = {fields[i].label, fields[i].value};
        if (i + 1 < fields.size())
            row.cells.insert(row.cells.end(), {fields[i + 1].label, fields[i + 1].value});
        else
            row.cells.insert(row.cells.end(), {"", ""});
        t.rows.push_back(std::move(row));
    }
    return t;
}

void drawVerdict(PageFlow& flow, const SiteReportModel& m)
{
    QPainter& p = flow.painter();
    const QFont f = flow.font(15, true);
    const QFontMetricsF fm(f, p.device());
    const QString text = q(m.verdictText);
    const QSizeF box(fm.horizontalAdvance(text) + px(8), fm.height() + px(3));
    // The sentence beside the box, wrapped to the rest of the line.
    const QFont sf = flow.font(10);
    const QFontMetricsF sfm(sf, p.device());
    const double indent = box.width() + px(4);
    const QRectF sentence = sfm.boundingRect(QRectF(0, 0, flow.width() - indent, 1e6),
                                             Qt::TextWordWrap, q(m.verdictMeaning));
    const double h = std::max(box.height(), sentence.height());
    flow.ensure(h);
    const QRectF b(flow.left(), flow.y() + (h - box.height()) / 2, box.width(), box.height());
    p.fillRect(b, verdictColor(m.verdict));
    p.setFont(f);
    p.setPen(m.verdict == Verdict::NeedsReview ? Qt::black : Qt::white);
    p.drawText(b, Qt::AlignCenter, text);
    p.setFont(sf);
    p.setPen(Qt::black);
    p.drawText(QRectF(flow.left() + indent, flow.y() + (h - sentence.height()) / 2,
                      flow.width() - indent, sentence.height()),
               Qt::TextWordWrap, q(m.verdictMeaning));
    flow.advance(h + px(3));
}

void drawMap(PageFlow& flow, const SiteReportInput& in, const SiteResult& site)
{
    const double w = flow.width();
    const double h = px(kMapHeightMm);
    const MapTransform fit = MapTransform::fit(reportMapFocus(site.geometry), QSizeF(w, h), kDpi);
    const MapTransform view(fit.center(), roundPrintScale(fit.scaleDenominator()) * 0.0254 / kDpi,
                            QSizeF(w, h), kDpi);
    // What the map shows, from the same excerpt as the HTML report's map: its site parts are
    // the overlays (this site only) and its symbols the legend. Geometry detail is not drawn
    // from the excerpt (the renderer has the full layers), so one pixel is resolution enough.
    std::set<std::string> visibleKinds;
    for (const RenderLayer& l : in.layers)
        if (l.visible)
            visibleKinds.insert(l.kind);
    MapExcerpt excerpt =
        mapExcerpt(in.report->zoning.get(), site, view.extent(), view.metresPerPixel());
    std::erase_if(excerpt.layers,
                  [&](const MapExcerptLayer& l) { return visibleKinds.count(l.kind) == 0; });
    std::vector<LegendEntry> entries;
    for (const LegendItem& item : legendOf(excerpt))
        entries.push_back({q(item.label), toSymbol(item.symbol), item.line});
    // Three columns fit the text width at 7 pt: rows of 4.7 mm under a 6 mm title.
    const double legendHeight = px(6 + 4.7 * std::ceil(static_cast<double>(entries.size()) / 3));
    // When the map is not the zoning screened, the sentence that says so, above it.
    const QString note = q(in.report->zoningNote);
    const double noteHeight = note.isEmpty() ? 0 : flow.paragraphHeight(note, 9);
    flow.ensure(noteHeight + h + px(2) + legendHeight); // note, map and legend on one page
    if (!note.isEmpty())
        flow.paragraph(note, 9, QColor(176, 0, 0));

    RenderRequest req;
    req.view = view;
    req.layers = in.layers;
    for (const MapPart& part : excerpt.site)
    {
        Overlay o;
        o.geometry = part.geometry;
        o.symbol = toSymbol(part.symbol);
        o.markerMm = 3.5;
        if (&part == &excerpt.site.back())
            o.label = q(site.siteId);
        req.overlays.push_back(std::move(o));
    }
    QPainter& p = flow.painter();
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
    const QRectF legendBox(flow.left(), flow.y(), w, legendHeight);
    flow.advance(drawLegend(p, legendBox, entries, flow.view(), 7) + px(2));
}

// One site's report from the top of the current page.
void drawSiteReport(PageFlow& flow, const SiteReportInput& in, std::size_t index)
{
    const SiteResult& site = in.report->results[index];
    const SiteReportModel m =
        siteReportModel(*in.report, index, in.date.toString(Qt::ISODate).toStdString());
    QPainter& painter = flow.painter();
    painter.setFont(flow.font(17, true));
    painter.setPen(Qt::black);
    painter.drawText(QRectF(flow.left(), flow.y(), flow.width(), px(10)), Qt::AlignCenter,
                     q(kReportTitle));
    flow.advance(px(11));
    painter.setFont(flow.font(11));
    painter.drawText(QRectF(flow.left(), flow.y(), flow.width(), px(7)), Qt::AlignCenter,
                     q(m.siteId) + QStringLiteral("  ") + q(m.siteName));
    flow.advance(px(10));
    drawVerdict(flow, m);

    flow.heading(QStringLiteral("一、项目概况"));
    flow.table(fieldTable(m.profile, {0.17, 0.33, 0.17, 0.33}));

    flow.heading(QStringLiteral("二、叠加图"));
    if (site.geometry.isEmpty()) // a site that could not be read (verdict `error`)
        flow.paragraph(QStringLiteral("无可用的用地范围，未绘制叠加图。"), 9);
    else
        drawMap(flow, in, site);

    flow.heading(QStringLiteral("三、涉及分区情况"));
    flow.table(m.hits);

    flow.heading(QStringLiteral("四、适用规则及依据"));
    if (m.rules.rows.empty())
        flow.paragraph(q(m.noRulesText), 9);
    else
        flow.table(m.rules);
    if (!m.notes.empty())
    {
        flow.heading(QStringLiteral("提示"));
        for (const std::string& n : m.notes)
            flow.paragraph(QStringLiteral("• ") + q(n), 8.5);
    }
    flow.heading(QStringLiteral("说明"));
    flow.table(fieldTable(m.provenance, {0.11, 0.39, 0.11, 0.39}), 7.5);
    flow.paragraph(q(kReportDisclaimer), 9, QColor(80, 0, 0));
}

} // namespace

QByteArray siteReportsPdf(const SiteReportInput& in, const std::vector<std::size_t>& sites)
{
    if (!in.report || sites.empty())
        throw IoError("no screening result to report.");
    for (const std::size_t i : sites)
        if (i >= in.report->results.size())
            throw IoError("no screening result for site " + std::to_string(i) + " to report.");
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(static_cast<int>(kDpi));
        // The title names the site, or the first sites of a longer report.
        QString title = QStringLiteral("选址初筛报告");
        constexpr std::size_t kTitleSites = 10;
        for (std::size_t k = 0; k < sites.size() && k < kTitleSites; ++k)
            title += QStringLiteral(" ") + q(in.report->results[sites[k]].siteId);
        if (sites.size() > kTitleSites)
            title += QStringLiteral(" …");
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Redline"));
        QPainter painter;
        if (!painter.begin(&writer))
            throw IoError("cannot write the PDF report.");
        painter.setRenderHint(QPainter::Antialiasing, true);
        PageFlow flow(writer, painter);
        for (std::size_t k = 0; k < sites.size(); ++k)
        {
            if (k > 0)
                flow.newPage();
            drawSiteReport(flow, in, sites[k]);
        }
        if (!painter.end())
            throw IoError("cannot write the PDF report.");
    }
    fixCjkToUnicode(bytes);
    return bytes;
}

void writeSiteReportPdf(const SiteReportInput& in, const QString& path)
{
    if (!in.report || in.site >= in.report->results.size())
        throw IoError(path.toStdString() + ": no screening result to report.");
    QByteArray bytes;
    try
    {
        bytes = siteReportsPdf(in, {in.site});
    }
    catch (const IoError&)
    {
        throw IoError(path.toStdString() + ": cannot write the PDF report.");
    }
    AtomicFile file(path.toStdString());
    QFile out(QString::fromStdString(file.tempPath()));
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.flush())
        throw IoError(path.toStdString() + ": cannot write the PDF report.");
    out.close();
    file.commit();
}

} // namespace redline
