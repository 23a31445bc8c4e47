#include "app/MapCanvas.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QThread>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "render/MapRenderer.hpp"

namespace redline
{

MapCanvas::MapCanvas(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 150);
    // One render thread: a newer job supersedes older ones anyway, and the other core stays free
    // for the GUI and screening.
    m_pool.setMaxThreadCount(1);
    m_view = MapTransform({0, 0}, 1, QSizeF(width(), height()), logicalDpiY());
}

MapCanvas::~MapCanvas()
{
    ++m_generation;
    m_pool.clear();
    m_pool.waitForDone();
}

void MapCanvas::setLayers(std::vector<RenderLayer> layers)
{
    m_layers = std::move(layers);
    ++m_content;
    scheduleRender();
}

void MapCanvas::setOverlays(std::vector<Overlay> overlays)
{
    m_overlays = std::move(overlays);
    ++m_content;
    scheduleRender();
}

void MapCanvas::setView(const MapTransform& view)
{
    m_view = view.resized(QSizeF(width(), height())).withDpi(logicalDpiY());
    scheduleRender();
    update();
    emit viewChanged();
}

void MapCanvas::zoomToExtent(const Envelope& extent)
{
    if (extent.isEmpty())
        return;
    Envelope e = extent;
    if (e.width() < 1 && e.height() < 1)
        e = e.grownBy(100); // a point: show 200 m around it
    setView(MapTransform::fit(e, QSizeF(width(), height()), logicalDpiY(), 0.03));
}

void MapCanvas::zoomBy(double factor, QPointF anchorPx)
{
    setView(m_view.zoomedAt(factor, anchorPx));
}

RenderRequest MapCanvas::request(QSizeF size) const
{
    RenderRequest r;
    r.view = m_view.resized(size);
    if (size != m_view.sizePx())
        r.view = MapTransform::fit(m_view.extent(), size, m_view.dpi());
    r.layers = m_layers;
    r.overlays = m_overlays;
    return r;
}

void MapCanvas::scheduleRender()
{
    const quint64 generation = ++m_generation;
    if (width() <= 0 || height() <= 0)
    {
        m_imageGeneration = generation; // nothing to draw: nothing to wait for
        return;
    }
    auto req = std::make_shared<RenderRequest>(request(QSizeF(width(), height())));
    const auto same = [&](const MapTransform& v)
    {
        const MapTransform& w = req->view;
        return v.sizePx() == w.sizePx() && v.metresPerPixel() == w.metresPerPixel() &&
               v.center() == w.center() && v.dpi() == w.dpi();
    };
    for (const CachedImage& c : m_cache)
    {
        if (c.content == m_content && same(c.view))
        {
            m_pool.clear();
            onRendered(generation, m_content, c.image, c.view);
            return;
        }
    }
    const quint64 content = m_content;
    const qreal ratio = devicePixelRatioF();
    m_pool.clear(); // queued but not started jobs are stale now
    m_pool.start(
        [req, generation, content, ratio, this]
        {
            QImage image((req->view.sizePx() * ratio).toSize(),
                         QImage::Format_ARGB32_Premultiplied);
            image.setDevicePixelRatio(ratio);
            {
                QPainter painter(&image);
                MapRenderer::render(*req, painter);
            }
            // The canvas waits for this pool in its destructor, so `this` outlives the job;
            // the queued call runs on the GUI thread.
            QMetaObject::invokeMethod(
                this,
                [this, generation, content, image, view = req->view]
                { onRendered(generation, content, image, view); },
                Qt::QueuedConnection);
        });
}

void MapCanvas::onRendered(quint64 generation, quint64 content, const QImage& image,
                           const MapTransform& view)
{
    if (generation < m_imageGeneration)
        return;
    const bool cached =
        std::any_of(m_cache.begin(), m_cache.end(),
                    [&](const CachedImage& c) { return c.image.constBits() == image.constBits(); });
    if (!cached)
    {
        if (m_cache.size() >= 4)
            m_cache.erase(m_cache.begin());
        m_cache.push_back({view, content, image});
    }
    m_image = image;
    m_imageView = view;
    m_imageGeneration = generation;
    update();
    emit rendered();
}

void MapCanvas::waitForRender()
{
    QElapsedTimer timer;
    timer.start();
    while (m_imageGeneration != m_generation && timer.elapsed() < 30000)
    {
        m_pool.waitForDone(50);
        QCoreApplication::processEvents();
    }
}

void MapCanvas::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    if (!m_image.isNull())
    {
        // The last image, placed where its extent lies in the current view.
        const QRectF target = m_view.toPixel(m_imageView.extent());
        painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
        painter.drawImage(target, m_image);
    }
    if (m_drawing && !m_drawn.empty())
    {
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(QColor(0, 120, 255), 2, Qt::DashLine));
        QPolygonF poly;
        for (const Point& p : m_drawn)
            poly << m_view.toPixel(p.x, p.y);
        poly << m_cursorPx;
        painter.setBrush(QColor(0, 120, 255, 40));
        painter.drawPolygon(poly);
    }
    if (m_measure != Measure::Off && !m_drawn.empty())
    {
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(QColor(230, 110, 0), 2, Qt::DashLine));
        QPolygonF poly;
        for (const Point& p : m_drawn)
            poly << m_view.toPixel(p.x, p.y);
        if (!m_measureDone)
            poly << m_cursorPx;
        if (m_measure == Measure::Area)
        {
            painter.setBrush(QColor(230, 110, 0, 50));
            painter.drawPolygon(poly);
        }
        else
            painter.drawPolyline(poly);
        painter.setBrush(QColor(230, 110, 0));
        for (const QPointF& p : poly)
            painter.drawEllipse(p, 2.5, 2.5);
    }
}

void MapCanvas::resizeEvent(QResizeEvent*)
{
    const bool first = m_image.isNull() && !m_fullExtent.isEmpty();
    m_view = m_view.resized(QSizeF(width(), height())).withDpi(logicalDpiY());
    if (first)
        zoomFull();
    else
        scheduleRender();
}

void MapCanvas::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_pressPos = event->position();
    m_lastPos = m_pressPos;
    m_dragging = true;
    m_moved = false;
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event)
{
    m_cursorPx = event->position();
    emit cursorMoved(m_view.toMap(m_cursorPx));
    if (m_dragging && (event->buttons() & Qt::LeftButton) != 0)
    {
        const QPointF delta = event->position() - m_lastPos;
        if ((event->position() - m_pressPos).manhattanLength() > 3)
            m_moved = true;
        if (m_moved)
        {
            m_lastPos = event->position();
            setView(m_view.pannedByPixels(delta));
        }
    }
    else if (m_drawing)
    {
        update();
    }
    else if (m_measure != Measure::Off && !m_measureDone && !m_drawn.empty())
    {
        emitMeasure(false);
        update();
    }
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_dragging)
        return;
    m_dragging = false;
    if (m_moved)
        return;
    const Point p = m_view.toMap(event->position());
    if (m_drawing)
    {
        m_drawn.push_back(p);
        update();
        return;
    }
    if (m_measure != Measure::Off)
    {
        if (m_measureDone)
        {
            m_drawn.clear();
            m_measureDone = false;
        }
        if (m_drawn.empty() || !(m_drawn.back() == p))
            m_drawn.push_back(p);
        emitMeasure(false);
        update();
        return;
    }
    emit identifyRequested(p, 4 * m_view.metresPerPixel());
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (m_drawing && event->button() == Qt::LeftButton)
        finishDrawing();
    else if (m_measure != Measure::Off && event->button() == Qt::LeftButton && !m_measureDone)
    {
        m_measureDone = true;
        emitMeasure(true);
        update();
    }
}

void MapCanvas::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    zoomBy(std::pow(1.25, steps), event->position());
    event->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent* event)
{
    const QPointF centre(width() / 2.0, height() / 2.0);
    const double stepX = width() / 4.0;
    const double stepY = height() / 4.0;
    switch (event->key())
    {
    case Qt::Key_Left:
        setView(m_view.pannedByPixels({stepX, 0}));
        break;
    case Qt::Key_Right:
        setView(m_view.pannedByPixels({-stepX, 0}));
        break;
    case Qt::Key_Up:
        setView(m_view.pannedByPixels({0, stepY}));
        break;
    case Qt::Key_Down:
        setView(m_view.pannedByPixels({0, -stepY}));
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(2, centre);
        break;
    case Qt::Key_Minus:
        zoomBy(0.5, centre);
        break;
    case Qt::Key_Home:
        zoomFull();
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_drawing)
            finishDrawing();
        else if (m_measure != Measure::Off && !m_measureDone && !m_drawn.empty())
        {
            m_measureDone = true;
            emitMeasure(true);
            update();
        }
        break;
    case Qt::Key_Escape:
        setDrawing(false);
        setMeasuring(Measure::Off);
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

void MapCanvas::setDrawing(bool drawing)
{
    if (drawing)
        m_measure = Measure::Off;
    m_drawing = drawing;
    m_drawn.clear();
    setCursor(drawing ? Qt::CrossCursor : Qt::ArrowCursor);
    update();
}

void MapCanvas::setMeasuring(Measure mode)
{
    if (mode != Measure::Off)
        m_drawing = false;
    m_measure = mode;
    m_measureDone = false;
    m_drawn.clear();
    setCursor(mode != Measure::Off || m_drawing ? Qt::CrossCursor : Qt::ArrowCursor);
    update();
}

void MapCanvas::emitMeasure(bool finished)
{
    std::vector<Point> pts = m_drawn;
    if (!finished && !m_measureDone)
        pts.push_back(m_view.toMap(m_cursorPx));
    if (m_measure == Measure::Area)
    {
        if (pts.size() < 3)
            return;
        pts.push_back(pts.front());
        emit measureChanged(Geometry::polygon(pts), finished);
    }
    else
    {
        if (pts.size() < 2)
            return;
        emit measureChanged(Geometry::lineString(pts), finished);
    }
}

void MapCanvas::finishDrawing()
{
    // The double-click's own press/release added its point twice: drop exact repeats.
    std::vector<Point> pts;
    for (const Point& p : m_drawn)
        if (pts.empty() || !(pts.back() == p))
            pts.push_back(p);
    setDrawing(false);
    if (pts.size() < 3)
        return;
    pts.push_back(pts.front());
    emit siteDrawn(Geometry::polygon(pts));
}

} // namespace redline
