#include "edit/EditTool.hpp"

#include <QKeyEvent>
#include <QMouseEvent>
#include <algorithm>
#include <cmath>
#include <limits>

#include "app/MapCanvas.hpp"
#include "edit/EditController.hpp"
#include "edit/EditOverlay.hpp"

namespace redline
{

namespace
{

struct EdgeHit
{
    VertexRef from; // the edge from -> from + 1
    Point point;
    double distance = 0;
};

// The nearest edge of a polygon or line within `tolerance` and the nearest point on it.
std::optional<EdgeHit> nearestEdge(const Geometry& g, Point p, double tolerance)
{
    std::optional<EdgeHit> best;
    for (std::size_t pi = 0; pi < g.parts().size(); ++pi)
        for (std::size_t ri = 0; ri < g.parts()[pi].size(); ++ri)
        {
            const Ring& r = g.parts()[pi][ri];
            for (std::size_t i = 0; i + 1 < r.size(); ++i)
            {
                const Point a = r[i];
                const Point b = r[i + 1];
                const double dx = b.x - a.x;
                const double dy = b.y - a.y;
                const double len2 = dx * dx + dy * dy;
                double t = len2 == 0 ? 0 : ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
                t = std::clamp(t, 0.0, 1.0);
                const Point q{a.x + t * dx, a.y + t * dy};
                const double d = std::hypot(p.x - q.x, p.y - q.y);
                if (d <= tolerance && (!best || d < best->distance))
                    best = EdgeHit{{pi, ri, i}, q, d};
            }
        }
    return best;
}

} // namespace

EditTool::EditTool(MapCanvas& canvas, EditController& controller)
    : QObject(&canvas), m_canvas(canvas), m_controller(controller)
{
    m_overlay = new EditOverlay(canvas, *this, controller);
    m_overlay->show();
    canvas.installEventFilter(this);
    connect(&canvas, &MapCanvas::viewChanged, m_overlay, qOverload<>(&QWidget::update));
    connect(&canvas, &MapCanvas::rendered, m_overlay, qOverload<>(&QWidget::update));
    connect(&controller, &EditController::stateChanged, m_overlay,
            [this]
            {
                if (!m_controller.isEditing() && (m_drag || !m_sketch.empty()))
                    cancelSketch();
                if (!m_controller.isEditing() && m_mode != Mode::Select)
                    setMode(Mode::Select);
                m_overlay->update();
            });
}

EditTool::~EditTool()
{
    m_canvas.removeEventFilter(this);
}

void EditTool::setMode(Mode mode)
{
    cancelSketch();
    m_mode = mode;
    m_canvas.setCursor(mode == Mode::Select ? Qt::ArrowCursor : Qt::CrossCursor);
    m_overlay->update();
}

double EditTool::pxToM(double px) const
{
    return px * m_canvas.view().metresPerPixel();
}

Point EditTool::snapped(QPointF px)
{
    const Point p = m_canvas.view().toMap(px);
    m_snapMarker = m_controller.snap(p, pxToM(kSnapPx));
    return m_snapMarker ? m_snapMarker->point : p;
}

std::optional<std::pair<std::int64_t, VertexRef>> EditTool::vertexAt(Point p) const
{
    std::optional<std::pair<std::int64_t, VertexRef>> best;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (const std::int64_t fid : m_controller.selection())
    {
        const auto f = m_controller.feature(fid);
        if (!f)
            continue;
        const auto v = nearestVertex(f->geometry, p, pxToM(kVertexPx));
        if (!v)
            continue;
        const Point q = f->geometry.parts()[v->part][v->ring][v->index];
        const double d = std::hypot(q.x - p.x, q.y - p.y);
        if (d < bestDistance)
        {
            bestDistance = d;
            best = std::make_pair(fid, *v);
        }
    }
    return best;
}

bool EditTool::insertOnEdge(Point p)
{
    for (const std::int64_t fid : m_controller.selection())
    {
        const auto f = m_controller.feature(fid);
        if (!f)
            continue;
        if (const auto hit = nearestEdge(f->geometry, p, pxToM(kVertexPx)))
        {
            // A snapped point wins over the foot of the perpendicular (shared boundaries).
            const auto s = m_controller.snap(p, pxToM(kSnapPx));
            return m_controller.insertVertex(fid, hit->from, s ? s->point : hit->point);
        }
    }
    return false;
}

void EditTool::finishSketch()
{
    std::vector<Point> pts;
    for (const Point& p : m_sketch)
        if (pts.empty() || !(pts.back() == p))
            pts.push_back(p);
    const Mode mode = m_mode;
    cancelSketch();
    if (mode == Mode::DrawPolygon && pts.size() >= 3)
    {
        pts.push_back(pts.front());
        m_controller.addPolygon(Geometry::polygon(pts));
    }
    else if (mode == Mode::SplitLine && pts.size() >= 2)
    {
        m_controller.splitSelected(Geometry::lineString(pts));
    }
}

void EditTool::cancelSketch()
{
    m_sketch.clear();
    m_drag.reset();
    m_snapMarker.reset();
    if (m_overlay != nullptr)
        m_overlay->update();
}

bool EditTool::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != &m_canvas)
        return false;
    if (event->type() == QEvent::Resize)
        m_overlay->setGeometry(m_canvas.rect());
    if (!m_controller.isEditing())
        return false;
    switch (event->type())
    {
    case QEvent::MouseButtonPress:
        return onPress(event);
    case QEvent::MouseMove:
        return onMove(event);
    case QEvent::MouseButtonRelease:
        return onRelease(event);
    case QEvent::MouseButtonDblClick:
        return onDoubleClick(event);
    case QEvent::KeyPress:
        return onKey(event);
    default:
        return false;
    }
}

bool EditTool::onPress(QEvent* event)
{
    auto* e = static_cast<QMouseEvent*>(event);
    if (e->button() != Qt::LeftButton)
        return false;
    m_pressPx = e->position();
    m_pressed = true;
    m_ignoreRelease = false;
    const Point p = m_canvas.view().toMap(e->position());
    if (m_mode == Mode::Select && (e->modifiers() & Qt::ControlModifier) == 0)
    {
        if (const auto hit = vertexAt(p))
        {
            const auto f = m_controller.feature(hit->first);
            m_drag = Drag{hit->first, hit->second, f->geometry};
            m_overlay->update();
            return true; // the canvas must not pan
        }
    }
    return false; // the canvas pans on drag
}

bool EditTool::onMove(QEvent* event)
{
    auto* e = static_cast<QMouseEvent*>(event);
    m_cursor = m_canvas.view().toMap(e->position());
    if (m_drag)
    {
        const Point to = snapped(e->position());
        const auto f = m_controller.feature(m_drag->fid);
        if (f)
            m_drag->preview = redline::moveVertex(f->geometry, m_drag->vertex, to);
        m_overlay->update();
        return true;
    }
    if (m_mode != Mode::Select && (e->buttons() & Qt::LeftButton) == 0)
        (void)snapped(e->position()); // show where the next point would go
    else
        m_snapMarker.reset();
    m_overlay->update();
    return false;
}

bool EditTool::onRelease(QEvent* event)
{
    auto* e = static_cast<QMouseEvent*>(event);
    if (e->button() != Qt::LeftButton)
        return false;
    const bool pressed = m_pressed;
    m_pressed = false;
    if (m_ignoreRelease)
    {
        m_ignoreRelease = false;
        return true;
    }
    if (m_drag)
    {
        const Drag d = *m_drag;
        const bool moved = (e->position() - m_pressPx).manhattanLength() > kClickPx;
        const Point to = snapped(e->position());
        m_drag.reset();
        m_snapMarker.reset();
        if (moved)
            m_controller.moveVertex(d.fid, d.vertex, to);
        m_overlay->update();
        return true;
    }
    const bool click = pressed && (e->position() - m_pressPx).manhattanLength() <= kClickPx;
    if (!click)
        return false;
    const Point p = m_canvas.view().toMap(e->position());
    if (m_mode == Mode::Select)
    {
        if ((e->modifiers() & Qt::ControlModifier) != 0)
        {
            insertOnEdge(p);
            return true;
        }
        if (e->modifiers() == Qt::NoModifier)
            for (const std::int64_t selected : m_controller.selection())
                if (const auto f = m_controller.feature(selected))
                    if (nearestEdge(f->geometry, p, pxToM(kVertexPx)))
                        return false; // on the outline: the first click of a double-click
        const auto fid = m_controller.featureAt(p);
        std::vector<std::int64_t> selection;
        if ((e->modifiers() & Qt::ShiftModifier) != 0)
        {
            selection = m_controller.selection();
            if (fid)
            {
                auto it = std::find(selection.begin(), selection.end(), *fid);
                if (it == selection.end())
                    selection.push_back(*fid);
                else
                    selection.erase(it);
            }
        }
        else if (fid)
        {
            selection = {*fid};
        }
        m_controller.setSelection(std::move(selection));
        // A click that selected a feature shows that feature's attributes (installEditTools), not
        // those of the topmost zone the canvas would identify; other clicks still identify.
        return fid.has_value();
    }
    m_sketch.push_back(snapped(e->position()));
    m_overlay->update();
    return true;
}

bool EditTool::onDoubleClick(QEvent* event)
{
    auto* e = static_cast<QMouseEvent*>(event);
    if (e->button() != Qt::LeftButton)
        return false;
    m_ignoreRelease = true; // the release that follows belongs to the double-click
    if (m_mode == Mode::Select)
    {
        insertOnEdge(m_canvas.view().toMap(e->position()));
        return true;
    }
    finishSketch();
    return true;
}

bool EditTool::onKey(QEvent* event)
{
    auto* e = static_cast<QKeyEvent*>(event);
    switch (e->key())
    {
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (m_mode == Mode::Select && m_cursor && e->modifiers() == Qt::NoModifier)
        {
            if (const auto hit = vertexAt(*m_cursor))
            {
                m_controller.deleteVertex(hit->first, hit->second);
                return true;
            }
        }
        if (m_mode != Mode::Select && !m_sketch.empty())
        {
            m_sketch.pop_back();
            m_overlay->update();
            return true;
        }
        return false;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_mode != Mode::Select)
        {
            finishSketch();
            return true;
        }
        return false;
    case Qt::Key_Escape:
        if (m_drag || !m_sketch.empty())
        {
            cancelSketch();
            return true;
        }
        return false;
    default:
        return false;
    }
}

} // namespace redline
