#pragma once
// The canvas interaction of the editing tools, installed as an event filter on the MapCanvas so
// that the canvas keeps panning, zooming and identifying: only the events an edit needs are
// taken. Select mode: click selects the feature of the active layer under the cursor (Shift adds),
// dragging a vertex of a selected feature moves it, double-click or Ctrl+click on an edge inserts
// a vertex, Delete removes the vertex under the cursor. Draw and split modes: clicks add points,
// double-click or Enter finishes, Esc cancels. Every point snaps to vertices, then edges, of the
// visible layers within kSnapPx pixels. A transparent child widget draws the selection, its
// vertices, the rubber band and the snap marker above the map. GUI thread only.

#include <QObject>
#include <QPointF>
#include <cstdint>
#include <optional>
#include <vector>

#include "redline/edit/VertexEdit.hpp"

class QWidget;

namespace redline
{

class EditController;
class MapCanvas;

class EditTool : public QObject
{
    Q_OBJECT
  public:
    enum class Mode
    {
        Select,
        DrawPolygon,
        SplitLine
    };
    static constexpr double kSnapPx = 10;  // snapping radius
    static constexpr double kVertexPx = 8; // grab radius of a vertex or an edge
    static constexpr double kClickPx = 3;  // a press and release closer than this is a click

    EditTool(MapCanvas& canvas, EditController& controller);
    ~EditTool() override;

    void setMode(Mode mode);
    [[nodiscard]] Mode mode() const { return m_mode; }
    // Finishes the polygon or line being drawn (as double-click / Enter do).
    void finishSketch();
    void cancelSketch();

    // What the overlay draws (map coordinates).
    struct Drag
    {
        std::int64_t fid = 0;
        VertexRef vertex;
        Geometry preview;
    };
    [[nodiscard]] const std::optional<Drag>& drag() const { return m_drag; }
    [[nodiscard]] const std::vector<Point>& sketch() const { return m_sketch; }
    [[nodiscard]] const std::optional<SnapResult>& snapMarker() const { return m_snapMarker; }
    [[nodiscard]] std::optional<Point> cursor() const { return m_cursor; }

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    [[nodiscard]] Point snapped(QPointF px);
    [[nodiscard]] double pxToM(double px) const;
    bool onPress(QEvent* event);
    bool onMove(QEvent* event);
    bool onRelease(QEvent* event);
    bool onDoubleClick(QEvent* event);
    bool onKey(QEvent* event);
    [[nodiscard]] std::optional<std::pair<std::int64_t, VertexRef>> vertexAt(Point p) const;
    bool insertOnEdge(Point p);

    MapCanvas& m_canvas;
    EditController& m_controller;
    QWidget* m_overlay = nullptr;
    Mode m_mode = Mode::Select;
    std::optional<Drag> m_drag;
    std::vector<Point> m_sketch;
    std::optional<SnapResult> m_snapMarker;
    std::optional<Point> m_cursor;
    QPointF m_pressPx;
    bool m_pressed = false;
    bool m_ignoreRelease = false;
};

} // namespace redline
