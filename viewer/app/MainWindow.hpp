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

  private:
    void buildMenus();
    void refreshOverlays();
    void onLayersChanged();
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
    QFutureWatcher<std::vector<SiteResult>> m_watcher;
    QString m_screenError;
};

} // namespace redline
