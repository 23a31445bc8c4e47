#include "app/AttributeTable.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <set>

#include "app/PlannerTerms.hpp"

namespace redline
{

AttributeTable::AttributeTable(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_layerBox = new QComboBox(this);
    m_layerBox->setObjectName(QStringLiteral("attributeLayer"));
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(QStringLiteral("筛选（任一列包含）"));
    m_filter->setClearButtonEnabled(true);
    m_count = new QLabel(this);
    top->addWidget(m_layerBox, 1);
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    layout->addLayout(top);
    m_model = new QStandardItemModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(Qt::UserRole + 1);
    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    layout->addWidget(m_view, 1);

    connect(m_layerBox, &QComboBox::currentIndexChanged, this, [this] { fill(); });
    connect(m_filter, &QLineEdit::textChanged, this, &AttributeTable::setFilter);
    connect(m_view, &QTableView::doubleClicked, this,
            [this](const QModelIndex& index) { zoomToRow(index.row()); });
}

void AttributeTable::setLayers(const std::vector<RenderLayer>& layers)
{
    const QString shown = m_layerBox->currentData().toString();
    m_layers.clear();
    for (const RenderLayer& l : layers)
        if (l.cache)
            m_layers.push_back(l);
    {
        const QSignalBlocker block(m_layerBox);
        m_layerBox->clear();
        for (const RenderLayer& l : m_layers)
            m_layerBox->addItem(l.style.title, QString::fromStdString(l.name));
        const int i = m_layerBox->findData(shown);
        m_layerBox->setCurrentIndex(i >= 0 ? i : 0);
    }
    fill();
}

void AttributeTable::showLayer(const std::string& name)
{
    const int i = m_layerBox->findData(QString::fromStdString(name));
    if (i >= 0)
        m_layerBox->setCurrentIndex(i);
}

void AttributeTable::fill()
{
    m_model->clear();
    const int li = m_layerBox->currentIndex();
    if (li < 0 || li >= static_cast<int>(m_layers.size()))
        return;
    const RenderLayer& l = m_layers[static_cast<std::size_t>(li)];
    const Layer& table = l.cache->layer();
    std::vector<std::string> fields = table.fieldNames;
    std::set<std::string> known(fields.begin(), fields.end());
    for (const Feature& f : table.features)
        for (const auto& [name, value] : f.attributes.items())
            if (known.insert(name).second)
                fields.push_back(name);
    QStringList headers{QStringLiteral("FID")};
    for (const std::string& f : fields)
        headers << fieldTitle(l.kind, f);
    headers << QStringLiteral("面积 m²");
    m_model->setHorizontalHeaderLabels(headers);
    for (int c = 1; c <= static_cast<int>(fields.size()); ++c)
        m_model->horizontalHeaderItem(c)->setToolTip(
            QString::fromStdString(fields[static_cast<std::size_t>(c - 1)]));
    for (std::size_t i = 0; i < table.features.size(); ++i)
    {
        const Feature& f = table.features[i];
        QList<QStandardItem*> row;
        auto* fid = new QStandardItem(QString::number(f.fid));
        fid->setData(static_cast<qlonglong>(f.fid), Qt::UserRole + 1);
        fid->setData(static_cast<qulonglong>(i), Qt::UserRole + 2);
        row << fid;
        for (const std::string& name : fields)
        {
            const AttributeValue* v = f.attributes.find(name);
            auto* item = new QStandardItem(v ? fieldValueText(l.kind, name, *v) : QString());
            // Numbers sort as numbers, text as text.
            if (v && std::holds_alternative<std::int64_t>(*v))
                item->setData(static_cast<qlonglong>(std::get<std::int64_t>(*v)), Qt::UserRole + 1);
            else if (v && std::holds_alternative<double>(*v))
                item->setData(std::get<double>(*v), Qt::UserRole + 1);
            else
                item->setData(item->text(), Qt::UserRole + 1);
            row << item;
        }
        const double area = f.geometry.planarArea();
        auto* a = new QStandardItem(area > 0 ? QString::number(area, 'f', 1) : QString());
        a->setData(area, Qt::UserRole + 1);
        row << a;
        m_model->appendRow(row);
    }
    m_view->resizeColumnsToContents();
    m_count->setText(QStringLiteral("%1 / %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

void AttributeTable::setFilter(const QString& text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_proxy->setFilterFixedString(text);
    m_count->setText(QStringLiteral("%1 / %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

void AttributeTable::sortBy(int column, Qt::SortOrder order)
{
    m_view->sortByColumn(column, order);
}

int AttributeTable::rowCount() const
{
    return m_proxy->rowCount();
}

int AttributeTable::columnCount() const
{
    return m_proxy->columnCount();
}

QString AttributeTable::cell(int row, int column) const
{
    return m_proxy->index(row, column).data().toString();
}

QString AttributeTable::columnTitle(int column) const
{
    return m_proxy->headerData(column, Qt::Horizontal).toString();
}

std::size_t AttributeTable::featureIndex(int row) const
{
    return m_proxy->index(row, 0).data(Qt::UserRole + 2).toULongLong();
}

std::string AttributeTable::layerName() const
{
    return m_layerBox->currentData().toString().toStdString();
}

void AttributeTable::zoomToRow(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    emit zoomToFeature(layerName(), featureIndex(row));
}

} // namespace redline
