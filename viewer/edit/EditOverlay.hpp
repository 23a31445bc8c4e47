#pragma once
// Transparent child of the map canvas that draws the editing state above the map image: the
// selected features with their vertices, the feature being reshaped, the polygon or line being
// drawn and the snap marker. Takes no mouse events. GUI thread only.

#include <QWidget>

namespace redline
{

class EditController;
class EditTool;
class MapCanvas;

class EditOverlay : public QWidget
{
    Q_OBJECT
  public:
    EditOverlay(MapCanvas& canvas, const EditTool& tool, const EditController& controller);

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    MapCanvas& m_canvas;
    const EditTool& m_tool;
    const EditController& m_controller;
};

} // namespace redline
