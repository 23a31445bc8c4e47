#include "app/ScreeningPanel.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "report/ReportTerms.hpp"
#include "render/Symbology.hpp"

namespace redline
{
namespace
{
QString q(const std::string& s)
{
    return QString::fromStdString(s);
}
} // namespace

ScreeningPanel::ScreeningPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* buttons = new QHBoxLayout;
    auto* open = new QPushButton(QStringLiteral("打开项目…"), this);
    auto* draw = new QPushButton(QStringLiteral("绘制项目"), this);
    m_run = new QPushButton(QStringLiteral("运行筛查"), this);
    m_report = new QPushButton(QStringLiteral("导出报告"), this);
    buttons->addWidget(open);
    buttons->addWidget(draw);
    buttons->addWidget(m_run);
    buttons->addWidget(m_report);
    layout->addLayout(buttons);
    m_status = new QLabel(this);
    layout->addWidget(m_status);

    auto* split = new QSplitter(Qt::Vertical, this);
    m_sites = new QTreeWidget(split);
    m_sites->setHeaderLabels(
        {QStringLiteral("编号"), QStringLiteral("名称"), QStringLiteral("结论")});
    m_sites->setRootIsDecorated(false);
    m_hits = new QTreeWidget(split);
    m_hits->setHeaderLabels({QStringLiteral("分区"), QStringLiteral("重叠 m²"),
                             QStringLiteral("亩"), QStringLiteral("占比"), QStringLiteral("距离 m"),
                             QStringLiteral("结论")});
    m_hits->setWordWrap(true);
    layout->addWidget(split, 1);

    connect(open, &QPushButton::clicked, this, &ScreeningPanel::openSitesRequested);
    connect(draw, &QPushButton::clicked, this, &ScreeningPanel::drawSiteRequested);
    connect(m_run, &QPushButton::clicked, this, &ScreeningPanel::runRequested);
    connect(m_report, &QPushButton::clicked, this,
            [this]
            {
                if (selectedSite() >= 0)
                    emit exportReportRequested(selectedSite());
            });
    connect(m_sites, &QTreeWidget::currentItemChanged, this,
            [this]
            {
                const int i = selectedSite();
                showHits(i);
                if (i >= 0)
                    emit siteSelected(i);
            });
}

void ScreeningPanel::setSiteList(const std::vector<std::pair<QString, QString>>& sites)
{
    m_results.clear();
    m_sites->clear();
    m_hits->clear();
    for (std::size_t i = 0; i < sites.size(); ++i)
    {
        auto* item = new QTreeWidgetItem(
            m_sites, {sites[i].first, sites[i].second, QStringLiteral("未筛查")});
        item->setData(0, Qt::UserRole, static_cast<int>(i));
    }
    m_status->setText(QStringLiteral("%1 个项目").arg(sites.size()));
}

void ScreeningPanel::setResults(const std::vector<SiteResult>& results)
{
    m_results = results;
    m_sites->clear();
    for (std::size_t i = 0; i < results.size(); ++i)
    {
        const SiteResult& r = results[i];
        auto* item = new QTreeWidgetItem(
            m_sites, {q(r.siteId), q(r.name), QString::fromUtf8(toChinese(r.verdict))});
        item->setData(0, Qt::UserRole, static_cast<int>(i));
        QColor c = verdictColor(r.verdict);
        item->setBackground(2, c);
        item->setForeground(2, r.verdict == Verdict::NeedsReview ? Qt::black : Qt::white);
    }
    m_sites->resizeColumnToContents(0);
}

void ScreeningPanel::setBusy(bool busy, const QString& message)
{
    m_run->setEnabled(!busy);
    m_status->setText(message);
}

void ScreeningPanel::selectSite(int index)
{
    for (int k = 0; k < m_sites->topLevelItemCount(); ++k)
        if (m_sites->topLevelItem(k)->data(0, Qt::UserRole).toInt() == index)
            m_sites->setCurrentItem(m_sites->topLevelItem(k));
}

int ScreeningPanel::selectedSite() const
{
    const QTreeWidgetItem* item = m_sites->currentItem();
    return item != nullptr ? item->data(0, Qt::UserRole).toInt() : -1;
}

void ScreeningPanel::showHits(int index)
{
    m_hits->clear();
    if (index < 0 || index >= static_cast<int>(m_results.size()))
        return;
    const SiteResult& r = m_results[static_cast<std::size_t>(index)];
    const QString size =
        r.areaM2 > 0
            ? QStringLiteral("，面积 ") + q(formatFixed(r.areaM2, 1)) + QStringLiteral(" m²（") +
                  q(formatFixed(squareMetresToMu(r.areaM2), 2)) + QStringLiteral(" 亩）")
            : (r.lengthM > 0
                   ? QStringLiteral("，长度 ") + q(formatFixed(r.lengthM, 1)) + QStringLiteral(" m")
                   : QString());
    m_status->setText(q(r.siteId) + QStringLiteral("：") + QString::fromUtf8(toChinese(r.verdict)) +
                      size);
    if (r.verdict == Verdict::Error)
        (new QTreeWidgetItem(m_hits, {q(r.message)}))->setToolTip(0, q(r.message));
    else if (r.hits.empty())
        new QTreeWidgetItem(m_hits, {QStringLiteral("不涉及任何管控分区")});
    for (const Hit& h : r.hits)
    {
        auto* item = new QTreeWidgetItem(
            m_hits,
            {q(zoneKindTitle(h.kind)) + QStringLiteral("：") + q(h.zoneName),
             h.overlapLengthM > 0 ? q(formatFixed(h.overlapLengthM, 1)) + QStringLiteral(" m")
                                  : q(formatFixed(h.overlapM2, 1)),
             q(formatFixed(squareMetresToMu(h.overlapM2), 2)), q(formatPercent(h.siteShare)),
             q(formatFixed(h.distanceM, 1)), QString::fromUtf8(toChinese(h.verdict))});
        item->setBackground(5, verdictColor(h.verdict));
        item->setToolTip(0,
                         q(h.zoneName) + QStringLiteral("（") + q(h.zoneId) + QStringLiteral("）"));
        for (const RuleMatch& m : h.rules)
        {
            auto* child =
                new QTreeWidgetItem(item, {q(m.ruleId) + QStringLiteral("  ") + q(m.reason)});
            child->setToolTip(0, q(m.citation));
            auto* cite = new QTreeWidgetItem(child, {QStringLiteral("依据：") + q(m.citation)});
            cite->setFlags(Qt::ItemIsEnabled);
            child->setFirstColumnSpanned(true);
            cite->setFirstColumnSpanned(true);
        }
        item->setExpanded(true);
    }
    // Zone names can be long: keep the figures in view and show the full text as a tooltip.
    m_hits->setColumnWidth(0, 190);
    for (int c = 1; c < m_hits->columnCount(); ++c)
        m_hits->resizeColumnToContents(c);
}

} // namespace redline
