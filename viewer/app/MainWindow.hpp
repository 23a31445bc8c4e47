#pragma once
// Main window and controller: map canvas in the centre, layer panel, identify results and the
// screening panel in docks, File/View menus, status bar with 1:N scale and the cursor's
// EPSG:4549 and lon/lat coordinates. Runs the screening through QtConcurrent and takes back the
// results (or the error) on the GUI thread; the GUI never calls GDAL or GEOS itself.

#include <QFutureWatcher>
#include <QMainWindow>
#include <memory>
#include <optional>

#include "app/ViewerSession.hpp"

class QLabel;
class QTableWidget;

namespace redline
{

class CrsTransform;
class LayerPanel;
class MapCanvas;
class PlannerTools;
class ScreeningPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
  public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Each throws redline::Error (shown in a message box by the menu actions).
    void openZones(const QString& path);
    // Shows an already loaded store (tests).
    void openStore(std::shared_ptr<const ZoningStore> store);
    void openSites(const QString& path);
    // Raster basemap / reference vector layers (issue 14); errors are shown, not thrown.
    void addBasemap(const QString& path);
    void addReferenceLayers(const QString& path);
    void runScreening();
    // Blocks until a running screening is done (tests, screenshots).
    void waitForScreening();
    void selectSite(int index);
    void identify(Point p, double toleranceM);

    [[nodiscard]] MapCanvas* canvas() const { return m_canvas; }
    [[nodiscard]] ScreeningPanel* screeningPanel() const { return m_screening; }
    [[nodiscard]] QTableWidget* identifyTable() const { return m_identify; }
    [[nodiscard]] ViewerSession& session() { return m_session; }
    [[nodiscard]] QString statusText() const;

    // For the planner's tools (issue 14): overlays shown until replaced (go-to marker, an
    // overlap of the coordination check), a highlighted feature, and a site layer made in the
    // viewer (drawn, pasted 界址点) shown and screened as the current sites.
    void setTemporaryOverlays(std::vector<Overlay> overlays);
    void highlight(const Geometry& geometry);
    void showSites(std::shared_ptr<const Layer> sites, const std::string& source);
    [[nodiscard]] PlannerTools* tools() const { return m_tools; }

  private:
    void buildMenus();
    void refreshOverlays();
    void onLayersChanged();
    void showSessionLayers();
    void onCursor(Point p);
    void exportMap();
    void exportReport(int index);
    void showError(const QString& what);

    ViewerSession m_session;
    MapCanvas* m_canvas = nullptr;
    LayerPanel* m_layers = nullptr;
    ScreeningPanel* m_screening = nullptr;
    QTableWidget* m_identify = nullptr;
    QLabel* m_scaleLabel = nullptr;
    QLabel* m_xyLabel = nullptr;
    QLabel* m_lonLatLabel = nullptr;
    std::unique_ptr<CrsTransform> m_toLonLat; // GUI thread only (status bar)
    std::optional<std::size_t> m_selected;
    std::optional<Geometry> m_highlight;
    std::vector<Overlay> m_temporary;
    PlannerTools* m_tools = nullptr;
    QFutureWatcher<std::vector<SiteResult>> m_watcher;
    QString m_screenError;
};

} // namespace redline
