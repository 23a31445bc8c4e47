#include "app/CoordinationPanel.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <QtConcurrent/QtConcurrent>

#include "app/PlannerTerms.hpp"

namespace redline
{
namespace
{

constexpr double kM2PerMu = 10000.0 / 15.0;

QString zoneText(const ZoningStore* store, const std::string& layer, const std::string& id,
                 std::int64_t fid)
{
    QString s = QString::fromStdString(id.empty() ? "FID " + std::to_string(fid) : id);
    if (store == nullptr)
        return s;
    if (const ZoneLayer* z = store->findLayer(layer); z && z->layer)
        for (const Feature& f : z->layer->features)
            if (f.fid == fid)
                if (auto name = f.attributes.text(z->nameField); name && !name->empty())
                    return s + QStringLiteral(" ") + QString::fromStdString(*name);
    return s;
}

} // namespace

CoordinationPanel::CoordinationPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* buttons = new QHBoxLayout;
    auto* run = new QPushButton(QStringLiteral("重新检查"), this);
    m_previous = new QPushButton(QStringLiteral("上一处"), this);
    m_next = new QPushButton(QStringLiteral("下一处"), this);
    buttons->addWidget(run);
    buttons->addStretch(1);
    buttons->addWidget(m_previous);
    buttons->addWidget(m_next);
    layout->addLayout(buttons);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_list = new QTreeWidget(this);
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({QStringLiteral("序号"), QStringLiteral("生态保护红线"),
                             QStringLiteral("冲突控制线"), QStringLiteral("乡镇"),
                             QStringLiteral("面积 m²"), QStringLiteral("亩")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_list, 1);

    connect(run, &QPushButton::clicked, this, &CoordinationPanel::checkRequested);
    connect(m_previous, &QPushButton::clicked, this,
            [this] { select(std::max(0, selected() - 1)); });
    connect(m_next, &QPushButton::clicked, this,
            [this] { select(std::min(static_cast<int>(m_overlaps.size()) - 1, selected() + 1)); });
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [this]
            {
                const int i = selected();
                m_previous->setEnabled(i > 0);
                m_next->setEnabled(i + 1 < static_cast<int>(m_overlaps.size()));
                if (i >= 0)
                    emit overlapSelected(i);
            });
    connect(&m_watcher, &QFutureWatcher<std::vector<CoordinationOverlap>>::finished, this,
            [this]
            {
                try
                {
                    show(m_watcher.result(), {});
                }
                catch (const std::exception& e)
                {
                    show({}, QString::fromUtf8(e.what()));
                }
            });
    show({}, {});
}

CoordinationPanel::~CoordinationPanel()
{
    m_watcher.waitForFinished();
}

void CoordinationPanel::check(std::shared_ptr<const ZoningStore> store)
{
    m_watcher.waitForFinished();
    m_store = std::move(store);
    m_overlaps.clear();
    m_list->clear();
    if (!m_store)
        return show({}, {});
    m_hasOtherLines = false;
    for (const ZoneLayer& l : m_store->layers())
        m_hasOtherLines = m_hasOtherLines || !coordinationKind(l.kind).empty();
    m_summary->setText(QStringLiteral("正在检查生态保护红线与永久基本农田、城镇开发边界…"));
    // The store is shared and immutable: safe on the worker thread.
    m_watcher.setFuture(QtConcurrent::run(
        [shared = m_store]
        { return findCoordinationOverlaps(shared->layers(), shared->analysisCrs()); }));
}

void CoordinationPanel::waitForCheck()
{
    m_watcher.waitForFinished();
    QCoreApplication::processEvents();
}

void CoordinationPanel::show(std::vector<CoordinationOverlap> overlaps, const QString& error)
{
    m_overlaps = std::move(overlaps);
    m_list->clear();
    double total = 0;
    for (std::size_t i = 0; i < m_overlaps.size(); ++i)
    {
        const CoordinationOverlap& c = m_overlaps[i];
        total += c.areaM2;
        QString towns;
        for (const std::string& t : c.townships)
            towns +=
                (towns.isEmpty() ? QString() : QStringLiteral("、")) + QString::fromStdString(t);
        auto* item = new QTreeWidgetItem(
            m_list, {QString::number(i + 1),
                     zoneText(m_store.get(), c.redlineLayer, c.redlineId, c.redlineFid),
                     layerTitle(c.otherKind, c.otherLayer) + QStringLiteral(" ") +
                         zoneText(m_store.get(), c.otherLayer, c.otherId, c.otherFid),
                     towns, QString::number(c.areaM2, 'f', 1),
                     QString::number(c.areaM2 / kM2PerMu, 'f', 2)});
        item->setToolTip(2, QStringLiteral("椭球面积 %1 m²").arg(c.ellipsoidalAreaM2, 0, 'f', 1));
        item->setTextAlignment(4, Qt::AlignRight);
        item->setTextAlignment(5, Qt::AlignRight);
    }
    if (!error.isEmpty())
        m_summary->setText(QStringLiteral("检查失败：") + error);
    else if (!m_store)
        m_summary->setText(QStringLiteral("打开分区数据后检查三区三线衔接。"));
    else if (!m_hasOtherLines)
        m_summary->setText(
            QStringLiteral("分区数据中没有永久基本农田或城镇开发边界图层，无需衔接检查。"));
    else if (m_overlaps.empty())
        m_summary->setText(
            QStringLiteral("通过：生态保护红线与永久基本农田、城镇开发边界无重叠。"));
    else
        m_summary->setText(QStringLiteral("发现 %1 处重叠，共 %2 m²（%3 亩），需衔接调整：")
                               .arg(m_overlaps.size())
                               .arg(total, 0, 'f', 1)
                               .arg(total / kM2PerMu, 0, 'f', 2));
    m_previous->setEnabled(false);
    m_next->setEnabled(m_overlaps.size() > 1);
}

QString CoordinationPanel::summary() const
{
    return m_summary->text();
}

void CoordinationPanel::select(int index)
{
    if (index < 0 || index >= m_list->topLevelItemCount())
        return;
    m_list->setCurrentItem(m_list->topLevelItem(index));
}

int CoordinationPanel::selected() const
{
    QTreeWidgetItem* item = m_list->currentItem();
    return item != nullptr ? m_list->indexOfTopLevelItem(item) : -1;
}

} // namespace redline
