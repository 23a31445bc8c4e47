#include "app/LayerPanel.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSlider>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "render/Legend.hpp"
#include "render/MapRenderer.hpp"

namespace redline
{
namespace
{

QIcon swatch(const Symbol& s, bool line)
{
    QImage img(28, 16, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing, true);
    QPainterPath path;
    if (line)
    {
        path.moveTo(2, 8);
        path.lineTo(26, 8);
    }
    else
    {
        path.addRect(QRectF(2, 2, 24, 12));
    }
    paintSymbol(p, path, s, MapTransform({0, 0}, 1, QSizeF(28, 16), 96), line);
    return QIcon(QPixmap::fromImage(img));
}

} // namespace

LayerPanel::LayerPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_tree = new QTreeWidget(this);
    m_tree->setHeaderHidden(true);
    m_tree->setIconSize(QSize(28, 16));
    layout->addWidget(m_tree);
    auto* row = new QHBoxLayout;
    auto* up = new QPushButton(QStringLiteral("上移"), this);
    auto* down = new QPushButton(QStringLiteral("下移"), this);
    auto* zoom = new QPushButton(QStringLiteral("缩放至图层"), this);
    row->addWidget(up);
    row->addWidget(down);
    row->addWidget(zoom);
    layout->addLayout(row);
    auto* opacityRow = new QHBoxLayout;
    opacityRow->addWidget(new QLabel(QStringLiteral("不透明度"), this));
    m_opacity = new QSlider(Qt::Horizontal, this);
    m_opacity->setRange(0, 100);
    m_opacity->setValue(100);
    opacityRow->addWidget(m_opacity);
    layout->addLayout(opacityRow);

    connect(up, &QPushButton::clicked, this, [this] { moveCurrent(+1); });
    connect(down, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(zoom, &QPushButton::clicked, this,
            [this]
            {
                if (currentLayer() >= 0)
                    emit zoomToLayerRequested(currentLayer());
            });
    connect(m_tree, &QTreeWidget::itemChanged, this,
            [this](QTreeWidgetItem* item, int)
            {
                if (m_updating || item->parent() != nullptr)
                    return;
                const int i = item->data(0, Qt::UserRole).toInt();
                m_layers[static_cast<std::size_t>(i)].visible = item->checkState(0) == Qt::Checked;
                emit layersChanged();
            });
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this]
            {
                const int i = currentLayer();
                if (i < 0)
                    return;
                m_updating = true;
                m_opacity->setValue(
                    static_cast<int>(m_layers[static_cast<std::size_t>(i)].opacity * 100));
                m_updating = false;
            });
    connect(m_opacity, &QSlider::valueChanged, this,
            [this](int v)
            {
                const int i = currentLayer();
                if (m_updating || i < 0)
                    return;
                m_layers[static_cast<std::size_t>(i)].opacity = v / 100.0;
                emit layersChanged();
            });
}

void LayerPanel::setLayers(std::vector<RenderLayer> layers)
{
    m_layers = std::move(layers);
    rebuild();
}

int LayerPanel::currentLayer() const
{
    QTreeWidgetItem* item = m_tree->currentItem();
    if (item == nullptr)
        return -1;
    if (item->parent() != nullptr)
        item = item->parent();
    return item->data(0, Qt::UserRole).toInt();
}

void LayerPanel::rebuild()
{
    m_updating = true;
    const int current = currentLayer();
    m_tree->clear();
    // Top-most layer first, as in every GIS.
    for (int i = static_cast<int>(m_layers.size()) - 1; i >= 0; --i)
    {
        const RenderLayer& l = m_layers[static_cast<std::size_t>(i)];
        auto* item = new QTreeWidgetItem(m_tree);
        item->setText(0, l.style.title + QStringLiteral("  (") +
                             QString::number(l.cache ? l.cache->size() : 0) + QStringLiteral(")"));
        item->setData(0, Qt::UserRole, i);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, l.visible ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(0, QString::fromStdString(l.name));
        RenderLayer one = l;
        one.visible = true;
        const auto entries = legendEntries({one});
        if (entries.size() == 1)
        {
            item->setIcon(0, swatch(entries.front().symbol, entries.front().isLine));
        }
        else
        {
            for (const LegendEntry& e : entries)
            {
                auto* child = new QTreeWidgetItem(item);
                child->setText(0, e.label);
                child->setIcon(0, swatch(e.symbol, e.isLine));
                child->setFlags(Qt::ItemIsEnabled);
            }
            item->setExpanded(true);
        }
        if (i == current)
            m_tree->setCurrentItem(item);
    }
    m_updating = false;
}

void LayerPanel::moveCurrent(int delta)
{
    const int i = currentLayer();
    const int j = i + delta;
    if (i < 0 || j < 0 || j >= static_cast<int>(m_layers.size()))
        return;
    std::swap(m_layers[static_cast<std::size_t>(i)], m_layers[static_cast<std::size_t>(j)]);
    rebuild();
    for (int k = 0; k < m_tree->topLevelItemCount(); ++k)
        if (m_tree->topLevelItem(k)->data(0, Qt::UserRole).toInt() == j)
            m_tree->setCurrentItem(m_tree->topLevelItem(k));
    emit layersChanged();
}

} // namespace redline
