#include "app/MainWindow.hpp"

#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTableWidget>

#include <QtConcurrent/QtConcurrent>

#include "redline/core/Error.hpp"
#include "redline/geo/CrsTransform.hpp"

#include "app/IdentifyTool.hpp"
#include "app/LayerPanel.hpp"
#include "app/MapCanvas.hpp"
#include "app/PlannerTerms.hpp"
#include "app/PlannerTools.hpp"
#include "app/ScreeningPanel.hpp"
#include "edit/EditActions.hpp"
#include "render/Exporters.hpp"
#include "render/ScaleBar.hpp"
#include "render/SiteReportPdf.hpp"

namespace redline
{

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("Redline 生态环境分区管控查看器"));
    m_canvas = new MapCanvas(this);
    setCentralWidget(m_canvas);

    m_layers = new LayerPanel(this);
    auto* layerDock = new QDockWidget(QStringLiteral("图层与图例"), this);
    layerDock->setObjectName(QStringLiteral("layers"));
    layerDock->setWidget(m_layers);
    addDockWidget(Qt::LeftDockWidgetArea, layerDock);

    m_screening = new ScreeningPanel(this);
    auto* screenDock = new QDockWidget(QStringLiteral("选址筛查"), this);
    screenDock->setObjectName(QStringLiteral("screening"));
    screenDock->setWidget(m_screening);
    addDockWidget(Qt::RightDockWidgetArea, screenDock);

    m_identify = new QTableWidget(0, 2, this);
    m_identify->setHorizontalHeaderLabels({QStringLiteral("属性"), QStringLiteral("值")});
    m_identify->horizontalHeader()->setStretchLastSection(true);
    m_identify->verticalHeader()->hide();
    auto* identifyDock = new QDockWidget(QStringLiteral("要素查询"), this);
    identifyDock->setObjectName(QStringLiteral("identify"));
    identifyDock->setWidget(m_identify);
    addDockWidget(Qt::LeftDockWidgetArea, identifyDock);

    m_scaleLabel = new QLabel(this);
    m_xyLabel = new QLabel(this);
    m_lonLatLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_xyLabel);
    statusBar()->addPermanentWidget(m_lonLatLabel);
    statusBar()->addPermanentWidget(m_scaleLabel);

    buildMenus();
    installEditTools(*this, *m_canvas, m_session); // viewer/edit: Edit menu and tools
    m_tools =
        new PlannerTools(*this, *m_canvas, m_session); // measure, go-to, find, tables, 三区三线

    connect(m_layers, &LayerPanel::layersChanged, this, &MainWindow::onLayersChanged);
    connect(m_layers, &LayerPanel::zoomToLayerRequested, this,
            [this](int i)
            {
                const auto& l = m_layers->layers()[static_cast<std::size_t>(i)];
                m_canvas->zoomToExtent(extentOf(l));
            });
    connect(m_canvas, &MapCanvas::cursorMoved, this, &MainWindow::onCursor);
    connect(m_canvas, &MapCanvas::viewChanged, this,
            [this]
            {
                m_scaleLabel->setText(QStringLiteral("比例尺 ") +
                                      formatScaleRatio(m_canvas->view().scaleDenominator()));
            });
    connect(m_canvas, &MapCanvas::identifyRequested, this, &MainWindow::identify);
    connect(m_canvas, &MapCanvas::siteDrawn, this,
            [this](const Geometry& polygon)
            {
                auto layer = std::make_shared<Layer>();
                layer->name = "drawn";
                layer->crs = m_session.store()->analysisCrs();
                Feature f;
                f.fid = 1;
                f.geometry = polygon;
                f.attributes.set("site_id", std::string("DRAWN-1"));
                f.attributes.set("name", std::string("手绘项目"));
                layer->features.push_back(std::move(f));
                showSites(std::move(layer), "drawn on the map");
            });
    connect(m_screening, &ScreeningPanel::openSitesRequested, this,
            [this]
            {
                const QString path = QFileDialog::getOpenFileName(
                    this, QStringLiteral("打开项目文件"), {},
                    QStringLiteral("矢量数据 (*.gpkg *.geojson *.json *.shp *.kml *.kmz *.csv "
                                   "*.xlsx *.dxf *.txt);;所有文件 (*)"));
                if (!path.isEmpty())
                    openSites(path);
            });
    connect(m_screening, &ScreeningPanel::drawSiteRequested, this,
            [this]
            {
                if (!m_session.store())
                    return showError(QStringLiteral("请先打开分区数据。"));
                m_canvas->setDrawing(true);
                statusBar()->showMessage(QStringLiteral("单击添加顶点，双击或回车结束，Esc 取消"),
                                         8000);
            });
    connect(m_screening, &ScreeningPanel::runRequested, this, &MainWindow::runScreening);
    connect(m_screening, &ScreeningPanel::siteSelected, this, &MainWindow::selectSite);
    connect(m_screening, &ScreeningPanel::exportReportRequested, this, &MainWindow::exportReport);
    connect(&m_watcher, &QFutureWatcher<std::vector<SiteResult>>::finished, this,
            [this]
            {
                std::vector<SiteResult> results;
                try
                {
                    results = m_watcher.result();
                }
                catch (const std::exception& e)
                {
                    m_screening->setBusy(false, QString::fromUtf8(e.what()));
                    return showError(QString::fromUtf8(e.what()));
                }
                std::size_t prohibited = 0;
                std::size_t failed = 0;
                for (const SiteResult& r : results)
                {
                    prohibited += r.verdict == Verdict::Prohibited ? 1 : 0;
                    failed += r.verdict == Verdict::Error ? 1 : 0;
                }
                m_session.setResults(std::move(results));
                m_screening->setResults(m_session.results());
                QString status = QStringLiteral("筛查完成：%1 个项目，其中禁止 %2 个")
                                     .arg(m_session.results().size())
                                     .arg(prohibited);
                if (failed > 0)
                    status += QStringLiteral("，无法筛查 %1 个").arg(failed);
                m_screening->setBusy(false, status);
                refreshOverlays();
            });
    resize(1400, 900);
}

MainWindow::~MainWindow()
{
    m_watcher.waitForFinished();
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(QStringLiteral("文件(&F)"));
    file->addAction(QStringLiteral("打开分区数据…"), this,
                    [this]
                    {
                        const QString p = QFileDialog::getOpenFileName(
                            this, QStringLiteral("打开分区数据"), {},
                            QStringLiteral("分区数据 (*.gpkg *.yaml *.yml)"));
                        if (!p.isEmpty())
                            openZones(p);
                    });
    // A shared store: "PG:host=… dbname=… user=… schemas=yongjia" (password from ~/.pgpass).
    file->addAction(QStringLiteral("打开 PostGIS 分区库…"), this,
                    [this]
                    {
                        bool ok = false;
                        const QString c = QInputDialog::getText(
                            this, QStringLiteral("打开 PostGIS 分区库"),
                            QStringLiteral("连接串（PG:… schemas=名称 或 postgresql://…?schema=名称）"),
                            QLineEdit::Normal, QStringLiteral("PG:host=127.0.0.1 port=5433 "
                                                              "dbname=redline user=redline "
                                                              "schemas=yongjia"),
                            &ok);
                        if (ok && !c.trimmed().isEmpty())
                            openZones(c.trimmed());
                    });
    file->addAction(QStringLiteral("打开项目文件…"), m_screening,
                    &ScreeningPanel::openSitesRequested);
    file->addAction(QStringLiteral("添加图层…"), this,
                    [this]
                    {
                        const QString p = QFileDialog::getOpenFileName(
                            this, QStringLiteral("添加图层"), {},
                            QStringLiteral("矢量数据 (*.gpkg *.shp *.geojson *.json *.kml *.kmz "
                                           "*.gml *.csv *.dxf *.tab *.sqlite);;所有文件 (*)"));
                        if (!p.isEmpty())
                            addReferenceLayers(p);
                    });
    file->addAction(QStringLiteral("添加底图…"), this,
                    [this]
                    {
                        const QString p = QFileDialog::getOpenFileName(
                            this, QStringLiteral("添加底图"), {},
                            QStringLiteral("栅格数据 (*.tif *.tiff *.jpg *.jpeg *.png *.mbtiles "
                                           "*.vrt *.img *.jp2);;所有文件 (*)"));
                        if (!p.isEmpty())
                            addBasemap(p);
                    });
    file->addSeparator();
    file->addAction(QStringLiteral("导出地图…"), this, &MainWindow::exportMap);
    file->addAction(QStringLiteral("导出筛查报告…"), this,
                    [this]
                    {
                        if (m_selected)
                            exportReport(static_cast<int>(*m_selected));
                    });
    file->addSeparator();
    file->addAction(QStringLiteral("退出"), qApp, &QApplication::quit);

    QMenu* view = menuBar()->addMenu(QStringLiteral("视图(&V)"));
    view->addAction(QStringLiteral("全图"), QKeySequence(Qt::Key_Home), m_canvas,
                    &MapCanvas::zoomFull);
    view->addAction(QStringLiteral("缩放至所选图层"), this,
                    [this]
                    {
                        if (m_layers->currentLayer() >= 0)
                            emit m_layers->zoomToLayerRequested(m_layers->currentLayer());
                    });
    view->addAction(QStringLiteral("缩放至所选项目"), this,
                    [this]
                    {
                        if (m_selected)
                            m_canvas->zoomToExtent(
                                m_session.siteGeometry(*m_selected).envelope().grownBy(300));
                    });
}

void MainWindow::showError(const QString& what)
{
    statusBar()->showMessage(what, 15000);
    if (QGuiApplication::platformName() != QLatin1String("offscreen"))
        QMessageBox::warning(this, QStringLiteral("Redline"), what);
}

void MainWindow::openZones(const QString& path)
{
    try
    {
        m_session.loadZones(path.toStdString());
    }
    catch (const std::exception& e)
    {
        return showError(QString::fromUtf8(e.what()));
    }
    openStore(m_session.store());
    // The store's label: a PostGIS connection string without its password.
    const auto& store = *m_session.store();
    setWindowTitle(QStringLiteral("Redline 生态环境分区管控查看器 — ") +
                   QString::fromStdString(store.label()) +
                   (store.revision() ? QStringLiteral("（修订 %1）").arg(*store.revision())
                                     : QString()));
}

void MainWindow::openStore(std::shared_ptr<const ZoningStore> store)
{
    if (store != m_session.store())
        m_session.setStore(std::move(store));
    m_selected.reset();
    m_highlight.reset();
    m_toLonLat =
        std::make_unique<CrsTransform>(m_session.store()->analysisCrs(), Crs::fromEpsg(4490));
    m_temporary.clear();
    m_layers->setLayers(m_session.layers());
    m_canvas->setFullExtent(m_session.fullExtent());
    m_canvas->setLayers(m_session.layers());
    m_canvas->zoomFull();
    m_tools->storeChanged();
}

void MainWindow::addBasemap(const QString& path)
{
    try
    {
        m_session.addBasemap(path.toStdString());
    }
    catch (const std::exception& e)
    {
        return showError(QString::fromUtf8(e.what()));
    }
    showSessionLayers();
}

void MainWindow::addReferenceLayers(const QString& path)
{
    try
    {
        m_session.addReferenceLayers(path.toStdString());
    }
    catch (const std::exception& e)
    {
        return showError(QString::fromUtf8(e.what()));
    }
    showSessionLayers();
}

void MainWindow::showSessionLayers()
{
    m_layers->setLayers(m_session.layers());
    m_canvas->setLayers(m_session.layers());
    m_tools->layersChanged();
    if (m_canvas->image().isNull() || !m_session.store())
    {
        m_canvas->setFullExtent(m_session.fullExtent());
        m_canvas->zoomFull();
    }
}

void MainWindow::openSites(const QString& path)
{
    try
    {
        m_session.loadSites(path.toStdString());
    }
    catch (const std::exception& e)
    {
        return showError(QString::fromUtf8(e.what()));
    }
    showSites(m_session.sites(), m_session.sitesSource());
}

void MainWindow::showSites(std::shared_ptr<const Layer> sites, const std::string& source)
{
    if (sites != m_session.sites())
        m_session.setSites(std::move(sites), source);
    std::vector<std::pair<QString, QString>> list;
    for (std::size_t i = 0; i < m_session.sites()->features.size(); ++i)
    {
        const auto name = m_session.sites()->features[i].attributes.text("name");
        list.emplace_back(QString::fromStdString(m_session.siteId(i)),
                          QString::fromStdString(name.value_or("")));
    }
    m_screening->setSiteList(list);
    m_selected.reset();
    refreshOverlays();
    runScreening();
}

void MainWindow::setTemporaryOverlays(std::vector<Overlay> overlays)
{
    m_temporary = std::move(overlays);
    refreshOverlays();
}

void MainWindow::highlight(const Geometry& geometry)
{
    m_highlight = geometry;
    refreshOverlays();
}

void MainWindow::runScreening()
{
    if (!m_session.store() || !m_session.sites() || m_watcher.isRunning())
        return;
    m_screening->setBusy(true, QStringLiteral("正在筛查…"));
    // The session is only read by the worker; the GUI does not change it until `finished`.
    const ViewerSession* session = &m_session;
    m_watcher.setFuture(QtConcurrent::run([session] { return session->screen(); }));
}

void MainWindow::waitForScreening()
{
    m_watcher.waitForFinished();
    QCoreApplication::processEvents();
}

void MainWindow::selectSite(int index)
{
    if (index < 0)
        return;
    m_selected = static_cast<std::size_t>(index);
    m_screening->selectSite(index);
    refreshOverlays();
    const Envelope e = m_session.siteGeometry(*m_selected).envelope();
    if (e.isEmpty()) // a site without geometry (verdict `error`): keep the view
        return;
    // The site in its surroundings: at least 2 km across so that nearby zones show.
    const double size = std::max(e.width(), e.height());
    m_canvas->zoomToExtent(e.grownBy(std::max(size * 0.25, (2000.0 - size) / 2)));
}

void MainWindow::refreshOverlays()
{
    std::vector<Overlay> overlays =
        m_session.overlays(m_selected, m_highlight ? &*m_highlight : nullptr);
    overlays.insert(overlays.end(), m_temporary.begin(), m_temporary.end());
    m_canvas->setOverlays(std::move(overlays));
}

void MainWindow::onLayersChanged()
{
    m_session.layers() = m_layers->layers();
    m_canvas->setLayers(m_layers->layers());
    m_tools->layersChanged();
}

void MainWindow::identify(Point p, double toleranceM)
{
    m_identify->setRowCount(0);
    const auto hit = identifyAt(m_canvas->layers(), p, toleranceM);
    if (!hit)
    {
        m_highlight.reset();
        refreshOverlays();
        statusBar()->showMessage(QStringLiteral("此处无要素"), 3000);
        return;
    }
    const auto addRow = [this](const QString& k, const QString& v, const QString& tip = {})
    {
        const int r = m_identify->rowCount();
        m_identify->insertRow(r);
        m_identify->setItem(r, 0, new QTableWidgetItem(k));
        m_identify->setItem(r, 1, new QTableWidgetItem(v));
        m_identify->item(r, 0)->setToolTip(tip);
        m_identify->item(r, 1)->setToolTip(tip);
    };
    // The planner's words (issue 14): Chinese layer, field and value labels from the vocabulary
    // table; the stored name and code in the tooltip.
    addRow(QStringLiteral("图层"), hit->layerTitle, QString::fromStdString(hit->layerName));
    addRow(QStringLiteral("要素编号（FID）"), QString::number(hit->feature->fid));
    for (const auto& [name, value] : hit->feature->attributes.items())
        addRow(fieldTitle(hit->kind, name), fieldValueText(hit->kind, name, value),
               QString::fromStdString(name + " = " + toText(value)));
    const double area = hit->feature->geometry.planarArea();
    if (area > 0)
        addRow(QStringLiteral("面积"), QStringLiteral("%1 m²（%2 亩，%3 km²）")
                                           .arg(area, 0, 'f', 1)
                                           .arg(area / (10000.0 / 15.0), 0, 'f', 2)
                                           .arg(area / 1e6, 0, 'f', 4));
    m_highlight = hit->feature->geometry;
    refreshOverlays();
}

QString MainWindow::statusText() const
{
    return m_scaleLabel->text() + QLatin1Char(' ') + m_xyLabel->text() + QLatin1Char(' ') +
           m_lonLatLabel->text();
}

void MainWindow::onCursor(Point p)
{
    m_xyLabel->setText(
        QStringLiteral("X %1  Y %2 (EPSG:4549)").arg(p.x, 0, 'f', 1).arg(p.y, 0, 'f', 1));
    if (!m_toLonLat)
        return;
    try
    {
        const Point ll = m_toLonLat->apply(p);
        m_lonLatLabel->setText(
            QStringLiteral("%1°E  %2°N").arg(ll.x, 0, 'f', 6).arg(ll.y, 0, 'f', 6));
    }
    catch (const std::exception&)
    {
        m_lonLatLabel->setText(QStringLiteral("—"));
    }
}

void MainWindow::exportMap()
{
    if (!m_session.store())
        return;
    const QString path =
        QFileDialog::getSaveFileName(this, QStringLiteral("导出地图"), QStringLiteral("map.pdf"),
                                     QStringLiteral("PDF (*.pdf);;PNG (*.png);;SVG (*.svg)"));
    if (path.isEmpty())
        return;
    PrintOptions o;
    o.landscape = true;
    // The reviewer's scale, or the round one that fits the view.
    if (QGuiApplication::platformName() != QLatin1String("offscreen"))
    {
        QStringList scales{QStringLiteral("自动（适合当前视图）")};
        for (const int n : {2000, 5000, 10000, 25000, 50000, 100000, 250000, 500000})
            scales << QStringLiteral("1:%L1").arg(n);
        bool ok = false;
        const QString choice = QInputDialog::getItem(
            this, QStringLiteral("导出地图"), QStringLiteral("比例尺"), scales, 0, true, &ok);
        if (!ok)
            return;
        if (choice.startsWith(QStringLiteral("1:")))
        {
            QString digits = choice.mid(2);
            digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
            const double n = digits.toDouble();
            if (n < kMinPrintScale || n > kMaxPrintScale)
                return showError(QStringLiteral("比例尺须在 1:2,000 至 1:500,000 之间。"));
            o.scale = n;
        }
    }
    PrintContent c = m_session.printContent(m_selected);
    c.layers = m_canvas->layers(); // what is seen is what is printed
    c.focus = m_canvas->view().extent();
    if (m_selected)
        o.subtitle = QString::fromStdString(m_session.siteId(*m_selected));
    try
    {
        exportPrint(PrintLayout(o), c, path, exportFormatForPath(path));
        statusBar()->showMessage(QStringLiteral("已导出 ") + path, 5000);
    }
    catch (const std::exception& e)
    {
        showError(QString::fromUtf8(e.what()));
    }
}

void MainWindow::exportReport(int index)
{
    if (index < 0 || static_cast<std::size_t>(index) >= m_session.results().size())
        return showError(QStringLiteral("请先运行筛查并选择项目。"));
    const QString path = QFileDialog::getSaveFileName(
        this, QStringLiteral("导出筛查报告"),
        QString::fromStdString(m_session.siteId(static_cast<std::size_t>(index))) +
            QStringLiteral(".pdf"),
        QStringLiteral("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    try
    {
        writeSiteReportPdf(m_session.reportInput(static_cast<std::size_t>(index)), path);
        statusBar()->showMessage(QStringLiteral("已导出 ") + path, 5000);
    }
    catch (const std::exception& e)
    {
        showError(QString::fromUtf8(e.what()));
    }
}

} // namespace redline
