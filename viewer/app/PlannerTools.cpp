#include "app/PlannerTools.hpp"

#include <QActionGroup>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QVBoxLayout>

#include "redline/core/Error.hpp"
#include "redline/io/SiteSource.hpp"

#include "app/AttributeTable.hpp"
#include "app/CoordinationPanel.hpp"
#include "app/MainWindow.hpp"
#include "app/MapCanvas.hpp"
#include "app/ViewerSession.hpp"

namespace redline
{
namespace
{

constexpr double kM2PerMu = 10000.0 / 15.0;

QString area(double m2)
{
    return QStringLiteral("%1 m²（%2 亩，%3 km²）")
        .arg(m2, 0, 'f', 2)
        .arg(m2 / kM2PerMu, 0, 'f', 3)
        .arg(m2 / 1e6, 0, 'f', 6);
}

QString length(double m)
{
    return m >= 1000 ? QStringLiteral("%1 m（%2 km）").arg(m, 0, 'f', 2).arg(m / 1000, 0, 'f', 4)
                     : QStringLiteral("%1 m").arg(m, 0, 'f', 2);
}

// A pasted list of coordinate rows as a 界址点 file the engine's importer reads: kept as is when
// it has its [地块坐标] section, otherwise wrapped as one parcel with rows "J<i>,1,X,Y".
std::string asJzdText(const QString& text)
{
    if (text.contains(QStringLiteral("[地块坐标]")))
        return text.toStdString();
    QStringList rows;
    for (const QString& raw : text.split(QLatin1Char('\n')))
    {
        const QString line = raw.trimmed();
        const QStringList cols = line.split(QLatin1Char(','));
        if (cols.size() >= 4)
        {
            rows << line;
            continue;
        }
        const QStringList nums =
            line.split(QRegularExpression(QStringLiteral("[\\s,;，；]+")), Qt::SkipEmptyParts);
        if (nums.size() >= 2)
            rows << QStringLiteral("J%1,1,%2,%3")
                        .arg(rows.size() + 1)
                        .arg(nums[nums.size() - 2], nums[nums.size() - 1]);
    }
    return QStringLiteral("[地块坐标]\n%1,,TEMP-1,粘贴的界址点,面,,,,@\n%2\n")
        .arg(rows.size())
        .arg(rows.join(QLatin1Char('\n')))
        .toStdString();
}

} // namespace

PlannerTools::PlannerTools(MainWindow& window, MapCanvas& canvas, ViewerSession& session)
    : QObject(&window), m_window(window), m_canvas(canvas), m_session(session)
{
    // 量算 (measure) dock.
    auto* measureBox = new QWidget(&window);
    auto* ml = new QVBoxLayout(measureBox);
    auto* mb = new QHBoxLayout;
    auto* distance = new QPushButton(QStringLiteral("测距"), measureBox);
    auto* areaButton = new QPushButton(QStringLiteral("测面"), measureBox);
    auto* clear = new QPushButton(QStringLiteral("清除"), measureBox);
    for (QPushButton* b : {distance, areaButton, clear})
        mb->addWidget(b);
    ml->addLayout(mb);
    m_measureLabel = new QLabel(QStringLiteral("单击添加顶点，双击或回车结束。"), measureBox);
    m_measureLabel->setWordWrap(true);
    m_measureLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ml->addWidget(m_measureLabel, 1);
    auto* measureDock = new QDockWidget(QStringLiteral("量算"), &window);
    measureDock->setObjectName(QStringLiteral("measure"));
    measureDock->setWidget(measureBox);
    window.addDockWidget(Qt::LeftDockWidgetArea, measureDock);
    connect(distance, &QPushButton::clicked, this,
            [this] { m_canvas.setMeasuring(MapCanvas::Measure::Distance); });
    connect(areaButton, &QPushButton::clicked, this,
            [this] { m_canvas.setMeasuring(MapCanvas::Measure::Area); });
    connect(clear, &QPushButton::clicked, this,
            [this]
            {
                m_canvas.setMeasuring(MapCanvas::Measure::Off);
                m_measured.reset();
                m_measureLabel->setText(QStringLiteral("单击添加顶点，双击或回车结束。"));
            });
    connect(&m_canvas, &MapCanvas::measureChanged, this,
            [this](const Geometry& shape, bool) { measure(shape); });

    // 查找 (search) dock.
    auto* searchBox = new QWidget(&window);
    auto* sl = new QVBoxLayout(searchBox);
    m_searchBox = new QLineEdit(searchBox);
    m_searchBox->setPlaceholderText(QStringLiteral("分区编号、项目编号、乡镇或地名"));
    m_searchBox->setClearButtonEnabled(true);
    m_searchList = new QListWidget(searchBox);
    sl->addWidget(m_searchBox);
    sl->addWidget(m_searchList, 1);
    auto* searchDock = new QDockWidget(QStringLiteral("查找"), &window);
    searchDock->setObjectName(QStringLiteral("search"));
    searchDock->setWidget(searchBox);
    window.addDockWidget(Qt::LeftDockWidgetArea, searchDock);
    connect(m_searchBox, &QLineEdit::returnPressed, this, [this] { search(m_searchBox->text()); });
    connect(m_searchList, &QListWidget::currentRowChanged, this,
            [this](int row)
            {
                if (row >= 0 && row < static_cast<int>(m_hits.size()))
                    showHit(m_hits[static_cast<std::size_t>(row)]);
            });

    // 属性表 (attribute table) dock.
    m_table = new AttributeTable(&window);
    auto* tableDock = new QDockWidget(QStringLiteral("属性表"), &window);
    tableDock->setObjectName(QStringLiteral("attributes"));
    tableDock->setWidget(m_table);
    window.addDockWidget(Qt::BottomDockWidgetArea, tableDock);
    tableDock->hide();
    connect(m_table, &AttributeTable::zoomToFeature, this,
            [this](const std::string& layer, std::size_t index)
            {
                for (const RenderLayer& l : m_session.layers())
                    if (l.name == layer && l.cache && index < l.cache->size())
                    {
                        const Geometry& g = l.cache->layer().features[index].geometry;
                        m_window.highlight(g);
                        m_canvas.zoomToExtent(g.envelope().grownBy(std::max(
                            100.0, 0.2 * std::max(g.envelope().width(), g.envelope().height()))));
                    }
            });

    // 三区三线 coordination dock.
    m_coordination = new CoordinationPanel(&window);
    auto* coordinationDock = new QDockWidget(QStringLiteral("三区三线协调"), &window);
    coordinationDock->setObjectName(QStringLiteral("coordination"));
    coordinationDock->setWidget(m_coordination);
    window.addDockWidget(Qt::RightDockWidgetArea, coordinationDock);
    connect(m_coordination, &CoordinationPanel::overlapSelected, this, &PlannerTools::showOverlap);
    connect(m_coordination, &CoordinationPanel::checkRequested, this,
            [this] { m_coordination->check(m_session.store()); });

    QMenu* tools = buildMenu();
    tools->addSeparator();
    for (QDockWidget* d : {tableDock, coordinationDock, searchDock, measureDock})
        tools->addAction(d->toggleViewAction());
}

PlannerTools::~PlannerTools() = default;

QMenu* PlannerTools::buildMenu()
{
    QMenu* tools = m_window.menuBar()->addMenu(QStringLiteral("工具(&T)"));
    tools->addAction(QStringLiteral("测距"), QKeySequence(Qt::CTRL | Qt::Key_M), this,
                     [this] { m_canvas.setMeasuring(MapCanvas::Measure::Distance); });
    tools->addAction(QStringLiteral("测面"), this,
                     [this] { m_canvas.setMeasuring(MapCanvas::Measure::Area); });
    tools->addAction(QStringLiteral("定位坐标…"), QKeySequence(Qt::CTRL | Qt::Key_G), this,
                     &PlannerTools::askGoTo);
    tools->addAction(QStringLiteral("查找…"), QKeySequence(Qt::CTRL | Qt::Key_F), this,
                     [this]
                     {
                         m_searchBox->setFocus();
                         m_searchBox->selectAll();
                     });
    tools->addAction(QStringLiteral("三区三线衔接检查"), this,
                     [this] { m_coordination->check(m_session.store()); });
    return tools;
}

void PlannerTools::storeChanged()
{
    m_measure.reset();
    layersChanged();
    m_coordination->check(m_session.store());
}

void PlannerTools::layersChanged()
{
    m_table->setLayers(m_session.layers());
}

void PlannerTools::askGoTo()
{
    QDialog dialog(&m_window);
    dialog.setWindowTitle(QStringLiteral("定位坐标"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* hint =
        new QLabel(QStringLiteral("输入坐标或粘贴界址点列表：\n"
                                  "• EPSG:4549 坐标 X（北）/Y（东），如 3112345.6, 560123.4\n"
                                  "• 带带号的高斯-克吕格坐标，如 3112345.6, 40560123.4\n"
                                  "• 经纬度，如 120.65, 28.15 或 东经120°39′12.5″ 北纬28°9′3″\n"
                                  "• 多行界址点（点号,圈号,X,Y），显示为临时地块并筛查"),
                   &dialog);
    auto* edit = new QPlainTextEdit(&dialog);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    layout->addWidget(hint);
    layout->addWidget(edit, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted)
        goTo(edit->toPlainText());
}

bool PlannerTools::goTo(const QString& text)
{
    const Crs crs = m_session.analysisCrs();
    try
    {
        if (isCoordinateList(text.toStdString()))
        {
            // A 界址点 list: read by the engine's importers from a temporary file, shown and
            // screened as a temporary site.
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("粘贴的界址点.txt"));
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                throw Error("cannot write a temporary file for the pasted list.");
            file.write(QByteArray::fromStdString(asJzdText(text)));
            file.close();
            SiteSourceOptions options;
            options.zoningExtent = m_session.fullExtent();
            auto layer = std::make_shared<Layer>(
                loadSites(path.toStdString(), crs, options, &m_session.registry()));
            layer->source = "粘贴的界址点";
            m_target.reset();
            m_window.showSites(std::move(layer), "pasted 界址点 list");
            return true;
        }
        m_target = parseCoordinate(text.toStdString(), crs);
    }
    catch (const std::exception& e)
    {
        m_window.statusBar()->showMessage(
            QStringLiteral("无法定位：") + QString::fromUtf8(e.what()), 15000);
        return false;
    }
    Overlay marker;
    marker.geometry = Geometry::point(m_target->point.x, m_target->point.y);
    marker.symbol.stroke = Qt::black;
    marker.symbol.fill = QColor(255, 220, 0);
    marker.symbol.strokeMm = 0.4;
    marker.markerMm = 2.2;
    marker.label = QStringLiteral("定位点");
    m_window.setTemporaryOverlays({marker});
    m_canvas.zoomToExtent(Envelope{m_target->point.x - 400, m_target->point.y - 400,
                                   m_target->point.x + 400, m_target->point.y + 400});
    m_window.statusBar()->showMessage(QStringLiteral("定位：") +
                                          QString::fromStdString(m_target->description) +
                                          QStringLiteral(" → X %1 Y %2")
                                              .arg(m_target->point.x, 0, 'f', 2)
                                              .arg(m_target->point.y, 0, 'f', 2),
                                      15000);
    return true;
}

void PlannerTools::measure(const Geometry& shape)
{
    try
    {
        if (!m_measure)
            m_measure = std::make_unique<MapMeasure>(m_session.analysisCrs());
        m_measured = m_measure->measure(shape);
    }
    catch (const std::exception& e)
    {
        m_measured.reset();
        m_measureLabel->setText(QStringLiteral("无法量算：") + QString::fromUtf8(e.what()));
        return;
    }
    m_measureLabel->setText(measureText());
}

QString PlannerTools::measureText() const
{
    if (!m_measured)
        return {};
    const Measurement& m = *m_measured;
    const QString crs = QString::fromStdString(m_session.analysisCrs().label());
    QString s;
    if (m.planarAreaM2 > 0)
        s = QStringLiteral("面积（平面，%1）：%2\n面积（椭球面）：%3\n周长（平面）：%4\n"
                           "周长（椭球面）：%5")
                .arg(crs, area(m.planarAreaM2), area(m.ellipsoidalAreaM2), length(m.planarLengthM),
                     length(m.ellipsoidalLengthM));
    else
        s = QStringLiteral("距离（平面，%1）：%2\n距离（椭球面）：%3")
                .arg(crs, length(m.planarLengthM), length(m.ellipsoidalLengthM));
    return s;
}

std::vector<SearchHit> PlannerTools::search(const QString& query)
{
    if (m_searchBox->text() != query)
        m_searchBox->setText(query);
    m_hits =
        searchFeatures(query, m_session.layers(), m_session.store().get(), m_session.sites().get());
    {
        const QSignalBlocker block(m_searchList);
        m_searchList->clear();
        for (const SearchHit& h : m_hits)
            m_searchList->addItem(h.layerTitle + QStringLiteral("：") + h.text);
    }
    if (m_hits.empty())
        m_window.statusBar()->showMessage(QStringLiteral("未找到：") + query, 8000);
    else
        m_searchList->setCurrentRow(0);
    return m_hits;
}

void PlannerTools::showHit(const SearchHit& hit)
{
    if (hit.geometry == nullptr)
        return;
    if (hit.layer == "sites")
    {
        m_window.selectSite(static_cast<int>(hit.index));
        return;
    }
    const Envelope e = hit.geometry->envelope();
    m_window.highlight(*hit.geometry);
    m_canvas.zoomToExtent(e.grownBy(std::max(100.0, 0.1 * std::max(e.width(), e.height()))));
}

void PlannerTools::showOverlap(int index)
{
    const auto& all = m_coordination->overlaps();
    if (index < 0 || index >= static_cast<int>(all.size()))
        return;
    const CoordinationOverlap& c = all[static_cast<std::size_t>(index)];
    Overlay o;
    o.geometry = c.region;
    o.symbol.stroke = QColor(200, 0, 160);
    o.symbol.fill = QColor(200, 0, 160, 90);
    o.symbol.strokeMm = 0.6;
    o.symbol.hatch = Hatch::Cross;
    o.symbol.hatchColor = QColor(140, 0, 110);
    o.symbol.hatchSpacingMm = 1.2;
    o.label = QStringLiteral("冲突 %1").arg(index + 1);
    m_window.setTemporaryOverlays({o});
    const Envelope e = c.region.envelope();
    const double size = std::max(e.width(), e.height());
    m_canvas.zoomToExtent(e.grownBy(std::max(size * 0.6, (1500.0 - size) / 2)));
}

} // namespace redline
