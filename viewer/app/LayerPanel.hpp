#pragma once
// Layer panel: visibility (check boxes), order (up/down), opacity (slider) and the legend (one
// child row per symbol class with its swatch). Edits the layer list it is given and emits
// layersChanged. GUI thread only.

#include <QWidget>
#include <vector>

#include "render/RenderRequest.hpp"

class QSlider;
class QTreeWidget;
class QTreeWidgetItem;

namespace redline
{

class LayerPanel : public QWidget
{
    Q_OBJECT
  public:
    explicit LayerPanel(QWidget* parent = nullptr);

    void setLayers(std::vector<RenderLayer> layers);
    [[nodiscard]] const std::vector<RenderLayer>& layers() const { return m_layers; }
    // Index (in drawing order) of the selected layer, -1 if none.
    [[nodiscard]] int currentLayer() const;

  signals:
    void layersChanged();
    void zoomToLayerRequested(int index);

  private:
    void rebuild();
    void moveCurrent(int delta);

    std::vector<RenderLayer> m_layers;
    QTreeWidget* m_tree = nullptr;
    QSlider* m_opacity = nullptr;
    bool m_updating = false;
};

} // namespace redline
