#pragma once
// The planner's tools of the main window (issue 14), in one place: measuring (distance, area:
// planar on the analysis CRS and on its ellipsoid), going to a coordinate or a pasted 界址点 list,
// finding zones/sites/townships/places, the attribute table, and the 三区三线 coordination panel.
// Adds the 工具 menu and the docks to the window; talks to the window through its public API.
// GUI thread only (it owns the PROJ objects of measuring and go-to).

#include <QObject>
#include <memory>
#include <optional>

#include "redline/geo/MapMeasure.hpp"

#include "app/CoordinateInput.hpp"
#include "app/FeatureSearch.hpp"

class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;

namespace redline
{

class AttributeTable;
class CoordinationPanel;
class MainWindow;
class MapCanvas;
class ViewerSession;

class PlannerTools : public QObject
{
    Q_OBJECT
  public:
    PlannerTools(MainWindow& window, MapCanvas& canvas, ViewerSession& session);
    ~PlannerTools() override;

    // Called by the window when the store or the layer list changed.
    void storeChanged();
    void layersChanged();

    // Go to a coordinate (any form CoordinateInput reads) or show a pasted 界址点 list as a
    // temporary site. False, with the reason in the status bar, when the text is not understood.
    bool goTo(const QString& text);
    [[nodiscard]] const std::optional<CoordinateTarget>& lastTarget() const { return m_target; }

    // Measures a line or polygon of the analysis CRS and shows the result.
    void measure(const Geometry& shape);
    [[nodiscard]] const std::optional<Measurement>& lastMeasurement() const { return m_measured; }
    [[nodiscard]] QString measureText() const;

    // Lists the matches in the 查找 dock; the first is shown on the map.
    std::vector<SearchHit> search(const QString& query);
    void showHit(const SearchHit& hit);

    [[nodiscard]] AttributeTable* attributeTable() const { return m_table; }
    [[nodiscard]] CoordinationPanel* coordinationPanel() const { return m_coordination; }

  private:
    QMenu* buildMenu();
    void showOverlap(int index);
    void askGoTo();

    MainWindow& m_window;
    MapCanvas& m_canvas;
    ViewerSession& m_session;
    std::unique_ptr<MapMeasure> m_measure; // for the current analysis CRS
    std::optional<Measurement> m_measured;
    std::optional<CoordinateTarget> m_target;
    std::vector<SearchHit> m_hits;
    QLabel* m_measureLabel = nullptr;
    QLineEdit* m_searchBox = nullptr;
    QListWidget* m_searchList = nullptr;
    AttributeTable* m_table = nullptr;
    CoordinationPanel* m_coordination = nullptr;
};

} // namespace redline
