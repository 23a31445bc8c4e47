#include "app/HeadlessPrint.hpp"

#include <QDir>
#include <QFileInfo>
#include <iostream>

#include "redline/core/Error.hpp"

#include "app/ViewerSession.hpp"
#include "render/AtlasExport.hpp"
#include "render/SiteReportPdf.hpp"

namespace redline
{
namespace
{

QString safeFileName(const std::string& id)
{
    QString s = QString::fromStdString(id);
    for (QChar& c : s)
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c == QLatin1Char(':') || c.isSpace())
            c = QLatin1Char('_');
    return s.isEmpty() ? QStringLiteral("site") : s;
}

PrintOptions printOptions(const HeadlessOptions& o)
{
    PrintOptions p;
    p.paper = o.paper.compare(QLatin1String("A3"), Qt::CaseInsensitive) == 0 ? QPageSize::A3
                                                                             : QPageSize::A4;
    p.landscape = o.landscape;
    p.dpi = o.dpi;
    if (!o.title.isEmpty())
        p.title = o.title;
    p.scale = o.scale;
    return p;
}

QString siteSubtitle(const ViewerSession& s, std::size_t i)
{
    QString sub = QStringLiteral("项目 ") + QString::fromStdString(s.siteId(i));
    if (i < s.results().size())
    {
        const SiteResult& r = s.results()[i];
        sub += QStringLiteral(" ") + QString::fromStdString(r.name) +
               QStringLiteral("  初筛结论：") + QString::fromUtf8(toChinese(r.verdict));
    }
    return sub;
}

// One page per site, or per township (its outline drawn bold on the page's map).
std::vector<AtlasPage> atlasPages(const ViewerSession& session, const HeadlessOptions& o,
                                  const PrintOptions& base)
{
    std::vector<AtlasPage> pages;
    if (o.atlasBy == QLatin1String("township"))
    {
        const ZoneLayer* townships = session.store()->findKind("townships");
        if (townships == nullptr || !townships->layer)
            throw Error(session.store()->path() + ": no townships layer for a township atlas.");
        for (const Feature& f : townships->layer->features)
        {
            AtlasPage page;
            page.options = base;
            page.options.subtitle =
                QStringLiteral("乡镇街道：") +
                QString::fromStdString(f.attributes.text(townships->nameField).value_or(""));
            page.content = session.printContent(std::nullopt);
            page.content.focus = f.geometry.envelope();
            Overlay outline;
            outline.geometry = f.geometry;
            outline.symbol.stroke = QColor(20, 20, 20);
            outline.symbol.strokeMm = 0.7;
            page.content.overlays.push_back(std::move(outline));
            pages.push_back(std::move(page));
        }
        return pages;
    }
    const std::size_t n = session.sites() ? session.sites()->features.size() : 0;
    for (std::size_t i = 0; i < n; ++i)
    {
        AtlasPage page;
        page.options = base;
        page.options.subtitle = siteSubtitle(session, i);
        page.content = session.printContent(i);
        pages.push_back(std::move(page));
    }
    return pages;
}

} // namespace

int runHeadless(const HeadlessOptions& o)
{
    if (o.zones.isEmpty())
    {
        std::cerr << "redline-viewer: --zones STORE is required for headless printing\n";
        return 2;
    }
    if (o.paper.compare(QLatin1String("A4"), Qt::CaseInsensitive) != 0 &&
        o.paper.compare(QLatin1String("A3"), Qt::CaseInsensitive) != 0)
    {
        std::cerr << "redline-viewer: --paper must be A4 or A3, not '" << o.paper.toStdString()
                  << "'\n";
        return 2;
    }
    if ((!o.perSite.isEmpty() || !o.report.isEmpty() || !o.site.isEmpty() ||
         (!o.atlas.isEmpty() && o.atlasBy == QLatin1String("site"))) &&
        o.sites.isEmpty())
    {
        std::cerr << "redline-viewer: --per-site, --report, --site and a site atlas need --sites "
                     "SRC\n";
        return 2;
    }
    if (o.atlasBy != QLatin1String("site") && o.atlasBy != QLatin1String("township"))
    {
        std::cerr << "redline-viewer: --atlas-by must be site or township\n";
        return 2;
    }
    try
    {
        ViewerSession session;
        session.loadZones(o.zones.toStdString());
        for (const QString& f : o.basemaps)
            session.addBasemap(f.toStdString());
        for (const QString& f : o.layers)
            session.addReferenceLayers(f.toStdString());
        if (!o.sites.isEmpty())
        {
            session.loadSites(o.sites.toStdString());
            session.setResults(session.screen());
        }
        const PrintOptions base = printOptions(o);
        if (!o.print.isEmpty())
        {
            PrintOptions p = base;
            std::optional<std::size_t> site;
            if (!o.site.isEmpty())
            {
                site = session.findSite(o.site.toStdString());
                if (!site)
                {
                    std::cerr << "redline-viewer: " << o.sites.toStdString() << ": no site '"
                              << o.site.toStdString() << "'\n";
                    return 1;
                }
                p.subtitle = siteSubtitle(session, *site);
            }
            const ExportFormat f = o.format.value_or(exportFormatForPath(o.print));
            exportPrint(PrintLayout(p), session.printContent(site), o.print, f);
            std::cout << o.print.toStdString() << "\n";
        }
        const std::size_t n = session.sites() ? session.sites()->features.size() : 0;
        if (!o.perSite.isEmpty())
        {
            QDir().mkpath(o.perSite);
            const ExportFormat f = o.format.value_or(ExportFormat::Pdf);
            for (std::size_t i = 0; i < n; ++i)
            {
                PrintOptions p = base;
                p.subtitle = siteSubtitle(session, i);
                const QString path = QDir(o.perSite).filePath(safeFileName(session.siteId(i)) +
                                                              QLatin1Char('.') + extensionOf(f));
                exportPrint(PrintLayout(p), session.printContent(i), path, f);
                std::cout << path.toStdString() << "\n";
            }
        }
        if (!o.atlas.isEmpty())
        {
            exportAtlas(atlasPages(session, o, base), o.atlas);
            std::cout << o.atlas.toStdString() << "\n";
        }
        if (!o.report.isEmpty())
        {
            QDir().mkpath(o.report);
            for (std::size_t i = 0; i < session.results().size(); ++i)
            {
                const QString path = QDir(o.report).filePath(safeFileName(session.siteId(i)) +
                                                             QStringLiteral("_report.pdf"));
                writeSiteReportPdf(session.reportInput(i), path);
                std::cout << path.toStdString() << "\n";
            }
        }
    }
    catch (const std::exception& e)
    {
        std::cerr << "redline-viewer: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

} // namespace redline
