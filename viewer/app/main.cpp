// redline-viewer: the Qt 6 map viewer (issue 5), or a headless printer with --print/--per-site/
// --report (then the offscreen platform is used, so no display is needed).

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <vector>

#include "redline/core/Error.hpp"
#include "redline/io/VectorReader.hpp"

#include "app/CoordinationPanel.hpp"
#include "app/HeadlessPrint.hpp"
#include "app/MainWindow.hpp"
#include "app/MapCanvas.hpp"
#include "app/PlannerTools.hpp"
#include "render/Exporters.hpp"
#include "render/Fonts.hpp"

namespace
{

using QOptionList = std::vector<QCommandLineOption>;

bool wantsHeadless(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        for (const char* opt : {"--print", "--per-site", "--report", "--atlas"})
            if (std::strncmp(argv[i], opt, std::strlen(opt)) == 0)
                return true;
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    const bool headless = wantsHeadless(argc, argv);
    if (headless)
        qputenv("QT_QPA_PLATFORM", "offscreen"); // must precede the application object
    redline::gdalInit();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("redline-viewer"));
    QApplication::setApplicationVersion(QStringLiteral(REDLINE_VIEWER_VERSION));
    QApplication::setFont(redline::cjkFont(10));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Redline map viewer and headless printer"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption zones(
        {QStringLiteral("zones"), QStringLiteral("z")},
        QStringLiteral("Zoning store (GeoPackage, catalog.yaml or PostGIS: PG:… schemas=NAME)."),
        QStringLiteral("STORE"));
    const QCommandLineOption sites({QStringLiteral("sites"), QStringLiteral("s")},
                                   QStringLiteral("Sites file (any format the engine reads)."),
                                   QStringLiteral("SRC"));
    const QCommandLineOption print(
        QStringLiteral("print"), QStringLiteral("Print one map to OUT (.pdf/.png/.svg) and exit."),
        QStringLiteral("OUT"));
    const QCommandLineOption site(QStringLiteral("site"),
                                  QStringLiteral("With --print: centre on this site id."),
                                  QStringLiteral("ID"));
    const QCommandLineOption perSite(QStringLiteral("per-site"),
                                     QStringLiteral("Print one map per site into DIR and exit."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption report(
        QStringLiteral("report"),
        QStringLiteral("Write one screening report PDF per site into DIR."), QStringLiteral("DIR"));
    const QCommandLineOption paper(QStringLiteral("paper"), QStringLiteral("A4 (default) or A3."),
                                   QStringLiteral("SIZE"), QStringLiteral("A4"));
    const QCommandLineOption landscape(QStringLiteral("landscape"),
                                       QStringLiteral("Landscape page (default portrait)."));
    const QCommandLineOption dpi(QStringLiteral("dpi"), QStringLiteral("Resolution (default 300)."),
                                 QStringLiteral("N"), QStringLiteral("300"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("pdf, png or svg."),
                                    QStringLiteral("FMT"));
    const QCommandLineOption title(QStringLiteral("title"), QStringLiteral("Map title."),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Open the window, grab it into PNG and exit (README screenshots)."),
        QStringLiteral("PNG"));
    const QCommandLineOption select(QStringLiteral("select"),
                                    QStringLiteral("Select this site after screening."),
                                    QStringLiteral("ID"));
    const QCommandLineOption overlap(
        QStringLiteral("overlap"),
        QStringLiteral("With --screenshot: show the N-th 三区三线 overlap (1 = the first)."),
        QStringLiteral("N"));
    const QOptionList extra = {
        QCommandLineOption(QStringLiteral("basemap"),
                           QStringLiteral("Raster basemap under the zoning (any GDAL raster, any "
                                          "CRS); repeatable, later ones on top."),
                           QStringLiteral("FILE")),
        QCommandLineOption(QStringLiteral("layer"),
                           QStringLiteral("Reference vector layers (any GDAL vector source) above "
                                          "the zoning; repeatable."),
                           QStringLiteral("FILE")),
        QCommandLineOption(QStringLiteral("scale"),
                           QStringLiteral("Print at 1:N (2000 to 500000) instead of the round "
                                          "scale that fits."),
                           QStringLiteral("N")),
        QCommandLineOption(QStringLiteral("atlas"),
                           QStringLiteral("Write an atlas PDF: one page per site or township."),
                           QStringLiteral("PDF")),
        QCommandLineOption(QStringLiteral("atlas-by"),
                           QStringLiteral("site (default) or township."), QStringLiteral("WHAT"),
                           QStringLiteral("site"))};
    for (const auto& o : extra)
        parser.addOption(o);
    for (const auto& o : {zones, sites, print, site, perSite, report, paper, landscape, dpi, format,
                          title, screenshot, select, overlap})
        parser.addOption(o);
    if (!parser.parse(QApplication::arguments()))
    {
        std::cerr << "redline-viewer: " << parser.errorText().toStdString() << "\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    if (headless)
    {
        redline::HeadlessOptions o;
        o.zones = parser.value(zones);
        o.sites = parser.value(sites);
        o.print = parser.value(print);
        o.site = parser.value(site);
        o.perSite = parser.value(perSite);
        o.report = parser.value(report);
        o.paper = parser.value(paper);
        o.landscape = parser.isSet(landscape);
        o.title = parser.value(title);
        o.basemaps = parser.values(QStringLiteral("basemap"));
        o.atlas = parser.value(QStringLiteral("atlas"));
        o.atlasBy = parser.value(QStringLiteral("atlas-by"));
        if (parser.isSet(QStringLiteral("scale")))
        {
            bool scaleOk = false;
            const double n = parser.value(QStringLiteral("scale")).toDouble(&scaleOk);
            if (!scaleOk || n < redline::kMinPrintScale || n > redline::kMaxPrintScale)
            {
                std::cerr << "redline-viewer: --scale must be a number from 2000 to 500000\n";
                return 2;
            }
            o.scale = n;
        }
        o.layers = parser.values(QStringLiteral("layer"));
        bool ok = false;
        o.dpi = parser.value(dpi).toDouble(&ok);
        if (!ok || o.dpi < 50 || o.dpi > 1200)
        {
            std::cerr << "redline-viewer: --dpi must be a number from 50 to 1200\n";
            return 2;
        }
        if (parser.isSet(format))
        {
            o.format = redline::parseExportFormat(parser.value(format));
            if (!o.format)
            {
                std::cerr << "redline-viewer: --format must be pdf, png or svg\n";
                return 2;
            }
        }
        return redline::runHeadless(o);
    }

    redline::MainWindow window;
    if (parser.isSet(zones))
        window.openZones(parser.value(zones));
    for (const QString& f : parser.values(QStringLiteral("basemap")))
        window.addBasemap(f);
    for (const QString& f : parser.values(QStringLiteral("layer")))
        window.addReferenceLayers(f);
    if (parser.isSet(sites))
        window.openSites(parser.value(sites));
    window.show();
    if (parser.isSet(screenshot))
    {
        // Let the layout settle, render, screen and select, then grab the whole window.
        QCoreApplication::processEvents();
        window.canvas()->zoomFull();
        window.waitForScreening();
        if (parser.isSet(select))
            if (auto i = window.session().findSite(parser.value(select).toStdString()))
                window.selectSite(static_cast<int>(*i));
        if (parser.isSet(overlap))
        {
            redline::CoordinationPanel* panel = window.tools()->coordinationPanel();
            panel->waitForCheck();
            panel->select(parser.value(overlap).toInt() - 1);
        }
        window.canvas()->waitForRender();
        QCoreApplication::processEvents();
        try
        {
            redline::exportPng(window.grab().toImage(), parser.value(screenshot));
        }
        catch (const redline::Error& e)
        {
            std::cerr << "redline-viewer: " << e.what() << "\n";
            return 1;
        }
        std::cout << parser.value(screenshot).toStdString() << "\n";
        return 0;
    }
    return QApplication::exec();
}
