#include "render/AtlasExport.hpp"

#include <QFileInfo>
#include <QPdfWriter>

#include "redline/core/AtomicFile.hpp"
#include "redline/core/Error.hpp"

#include "render/PdfTextFix.hpp"

namespace redline
{

void exportAtlas(const std::vector<AtlasPage>& pages, const QString& path)
{
    if (pages.empty())
        throw IoError(path.toStdString() + ": the atlas has no page.");
    AtomicFile file(path.toStdString());
    const QString temp = QString::fromStdString(file.tempPath());
    const PrintOptions& first = pages.front().options;
    bool ok = false;
    {
        QPdfWriter writer(temp);
        writer.setPageSize(QPageSize(first.paper));
        writer.setPageOrientation(first.landscape ? QPageLayout::Landscape : QPageLayout::Portrait);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(static_cast<int>(first.dpi));
        writer.setTitle(first.title);
        writer.setCreator(QStringLiteral("Redline"));
        QPainter painter;
        ok = painter.begin(&writer);
        for (std::size_t i = 0; ok && i < pages.size(); ++i)
        {
            PrintOptions o = pages[i].options;
            o.paper = first.paper;
            o.landscape = first.landscape;
            o.dpi = first.dpi;
            if (i > 0)
                ok = writer.newPage();
            if (ok)
                PrintLayout(o).paint(painter, pages[i].content);
        }
        ok = painter.end() && ok;
    }
    if (ok && QFileInfo::exists(temp))
        fixCjkToUnicode(temp);
    if (!ok || !QFileInfo::exists(temp))
        throw IoError(path.toStdString() + ": cannot write the atlas PDF.");
    file.commit();
}

} // namespace redline
