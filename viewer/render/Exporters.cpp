#include "render/Exporters.hpp"

#include <QFileInfo>
#include <QImage>
#include <QPdfWriter>
#include <QSvgGenerator>

#include "redline/core/AtomicFile.hpp"
#include "redline/core/Error.hpp"

#include "render/PdfTextFix.hpp"

namespace redline
{

std::optional<ExportFormat> parseExportFormat(const QString& text)
{
    const QString t = text.toLower();
    if (t == QLatin1String("pdf"))
        return ExportFormat::Pdf;
    if (t == QLatin1String("png"))
        return ExportFormat::Png;
    if (t == QLatin1String("svg"))
        return ExportFormat::Svg;
    return std::nullopt;
}

ExportFormat exportFormatForPath(const QString& path)
{
    return parseExportFormat(QFileInfo(path).suffix()).value_or(ExportFormat::Pdf);
}

QString extensionOf(ExportFormat f)
{
    switch (f)
    {
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    case ExportFormat::Png:
        return QStringLiteral("png");
    case ExportFormat::Svg:
        return QStringLiteral("svg");
    }
    return QStringLiteral("pdf");
}

void exportPrint(const PrintLayout& layout, const PrintContent& content, const QString& path,
                 ExportFormat format)
{
    const PrintOptions& o = layout.options();
    AtomicFile file(path.toStdString());
    const QString temp = QString::fromStdString(file.tempPath());
    bool ok = false;
    switch (format)
    {
    case ExportFormat::Pdf:
    {
        QPdfWriter writer(temp);
        writer.setPageSize(QPageSize(o.paper));
        writer.setPageOrientation(o.landscape ? QPageLayout::Landscape : QPageLayout::Portrait);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(static_cast<int>(o.dpi));
        writer.setTitle(o.title);
        writer.setCreator(QStringLiteral("Redline"));
        QPainter painter;
        ok = painter.begin(&writer);
        if (ok)
        {
            layout.paint(painter, content);
            ok = painter.end();
        }
        break;
    }
    case ExportFormat::Png:
    {
        QImage image(layout.pageSizePx(), QImage::Format_ARGB32_Premultiplied);
        const int dpm = static_cast<int>(o.dpi / 0.0254 + 0.5);
        image.setDotsPerMeterX(dpm);
        image.setDotsPerMeterY(dpm);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            layout.paint(painter, content);
        }
        ok = image.save(temp, "PNG");
        break;
    }
    case ExportFormat::Svg:
    {
        QSvgGenerator svg;
        svg.setFileName(temp);
        svg.setSize(layout.pageSizePx());
        svg.setViewBox(QRect(QPoint(0, 0), layout.pageSizePx()));
        svg.setResolution(static_cast<int>(o.dpi));
        svg.setTitle(o.title);
        QPainter painter;
        ok = painter.begin(&svg);
        if (ok)
        {
            layout.paint(painter, content);
            ok = painter.end();
        }
        break;
    }
    }
    if (ok && format == ExportFormat::Pdf && QFileInfo::exists(temp))
        fixCjkToUnicode(temp);
    if (!ok || !QFileInfo::exists(temp))
        throw IoError(path.toStdString() + ": cannot write the " +
                      extensionOf(format).toStdString() + " map.");
    file.commit();
}

void exportPng(const QImage& image, const QString& path)
{
    AtomicFile file(path.toStdString(), ".png");
    if (!image.save(QString::fromStdString(file.tempPath()), "PNG"))
        throw IoError(path.toStdString() + ": cannot write the PNG image.");
    file.commit();
}

} // namespace redline
