#pragma once
// The map widget: paints a cached QImage of the map and, while a new image renders, the old one
// shifted/scaled to the current view. Each change of view or content queues a render job on a
// private QThreadPool with an immutable RenderRequest; results come back to the GUI thread by a
// queued call, and a generation counter drops stale images (QGIS's render-job steps, MapLibre's
// "replies on the original thread"). Mouse: drag pans, wheel zooms about the cursor, a click
// without drag identifies; keys: arrows pan, +/- zoom, Home full extent. Draw tool: clicks add
// vertices of a new site, double-click or Enter finishes it. GUI thread only.

#include <QImage>
#include <QThreadPool>
#include <QWidget>
#include <atomic>
#include <vector>

#include "render/RenderRequest.hpp"

namespace redline
{

class MapCanvas : public QWidget
{
    Q_OBJECT
  public:
    explicit MapCanvas(QWidget* parent = nullptr);
    ~MapCanvas() override;

    void setLayers(std::vector<RenderLayer> layers);
    void setOverlays(std::vector<Overlay> overlays);
    [[nodiscard]] const std::vector<RenderLayer>& layers() const { return m_layers; }
    [[nodiscard]] const MapTransform& view() const { return m_view; }
    void setView(const MapTransform& view);
    void zoomToExtent(const Envelope& extent);
    void setFullExtent(const Envelope& extent) { m_fullExtent = extent; }
    void zoomFull() { zoomToExtent(m_fullExtent); }
    void zoomBy(double factor, QPointF anchorPx);

    void setDrawing(bool drawing);
    [[nodiscard]] bool isDrawing() const { return m_drawing; }

    // Measuring (issue 14): clicks add vertices of a line (distance) or polygon (area), the
    // shape follows the cursor; double-click or Enter finishes it (it stays drawn until the next
    // measurement or Esc). measureChanged reports the shape so far (cursor included).
    enum class Measure
    {
        Off,
        Distance,
        Area
    };
    void setMeasuring(Measure mode);
    [[nodiscard]] Measure measuring() const { return m_measure; }

    // Waits until the image for the current view and content is ready (tests, screenshots).
    void waitForRender();
    [[nodiscard]] const QImage& image() const { return m_image; }
    // Builds the request for the current state (also used by File -> Export map).
    [[nodiscard]] RenderRequest request(QSizeF size) const;

  signals:
    void cursorMoved(redline::Point mapPoint);
    void identifyRequested(redline::Point mapPoint, double toleranceM);
    void viewChanged();
    void siteDrawn(redline::Geometry polygon);
    // A line (distance) or closed polygon (area) in map coordinates; `finished` once done.
    void measureChanged(redline::Geometry shape, bool finished);
    void rendered();

  protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

  private:
    void scheduleRender();
    void onRendered(quint64 generation, quint64 content, const QImage& image,
                    const MapTransform& view);

    // The last few images, reused when the same view of the same content comes back (Home,
    // undoing a pan/zoom): a full-extent redraw of the x30 store is then a copy, not a render.
    struct CachedImage
    {
        MapTransform view;
        quint64 content = 0;
        QImage image;
    };
    std::vector<CachedImage> m_cache;
    quint64 m_content = 0; // bumped whenever layers, styles or overlays change
    void finishDrawing();
    void emitMeasure(bool finished);
    [[nodiscard]] bool sketching() const { return m_drawing || m_measure != Measure::Off; }

    std::vector<RenderLayer> m_layers;
    std::vector<Overlay> m_overlays;
    MapTransform m_view;
    Envelope m_fullExtent;
    QImage m_image;
    MapTransform m_imageView;
    quint64 m_generation = 0;
    quint64 m_imageGeneration = 0;
    bool m_dragging = false;
    bool m_moved = false;
    QPointF m_pressPos;
    QPointF m_lastPos;
    bool m_drawing = false;
    Measure m_measure = Measure::Off;
    bool m_measureDone = false;
    std::vector<Point> m_drawn;
    QPointF m_cursorPx;
    QThreadPool m_pool;
};

} // namespace redline
