#pragma once
// Attribute table of one layer (issue 14): every feature's attributes under Chinese column titles
// with coded values in Chinese (PlannerTerms), a filter over all columns, sorting by any column
// (numbers as numbers), and a double-click (or zoomToRow) that asks the window to zoom to the
// feature. Shows the layers it is given; GUI thread only.

#include <QWidget>
#include <vector>

#include "render/RenderRequest.hpp"

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QLabel;

namespace redline
{

class AttributeTable : public QWidget
{
    Q_OBJECT
  public:
    explicit AttributeTable(QWidget* parent = nullptr);

    // Vector layers only (basemaps are skipped); keeps the shown layer when it is still there.
    void setLayers(const std::vector<RenderLayer>& layers);
    void showLayer(const std::string& name);
    void setFilter(const QString& text);
    void sortBy(int column, Qt::SortOrder order);
    [[nodiscard]] int rowCount() const;
    [[nodiscard]] int columnCount() const;
    [[nodiscard]] QString cell(int row, int column) const;
    [[nodiscard]] QString columnTitle(int column) const;
    // The feature shown in `row` (after filter and sort): its layer and index in the layer.
    [[nodiscard]] std::size_t featureIndex(int row) const;
    [[nodiscard]] std::string layerName() const;
    void zoomToRow(int row);

  signals:
    void zoomToFeature(const std::string& layer, std::size_t index);

  private:
    void fill();

    std::vector<RenderLayer> m_layers;
    QComboBox* m_layerBox = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_count = nullptr;
    QTableView* m_view = nullptr;
    QStandardItemModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
};

} // namespace redline
