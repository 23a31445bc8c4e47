#include "edit/EditOverlay.hpp"

#include <QPainter>
#include <QPainterPath>

#include "app/MapCanvas.hpp"
#include "edit/EditController.hpp"
#include "edit/EditTool.hpp"

namespace redline
{

namespace
{

// Above this many vertices in view the squares would hide the outline: draw the outline only.
constexpr std::size_t kMaxVertexMarkers = 4000;

QPainterPath pathOf(const Geometry& g, const MapTransform& view)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (const Part& part : g.parts())
        for (const Ring& ring : part)
        {
            for (std::size_t i = 0; i < ring.size(); ++i)
            {
                const QPointF p = view.toPixel(ring[i].x, ring[i].y);
                if (i == 0)
                    path.moveTo(p);
                else
                    path.lineTo(p);
            }
        }
    return path;
}

void drawVertices(QPainter& painter, const Geometry& g, const MapTransform& view)
{
    const QRectF area(QPointF(-5, -5), view.sizePx() + QSizeF(10, 10));
    std::vector<QPointF> shown;
    for (const Part& part : g.parts())
        for (const Ring& ring : part)
            for (std::size_t i = 0; i + 1 < ring.size() || (i == 0 && ring.size() == 1); ++i)
            {
                const QPointF p = view.toPixel(ring[i].x, ring[i].y);
                if (area.contains(p))
                    shown.push_back(p);
                if (shown.size() > kMaxVertexMarkers)
                    return;
            }
    painter.setPen(QPen(QColor(40, 40, 40), 1));
    painter.setBrush(Qt::white);
    for (const QPointF& p : shown)
        painter.drawRect(QRectF(p.x() - 3.5, p.y() - 3.5, 7, 7));
}

} // namespace

EditOverlay::EditOverlay(MapCanvas& canvas, const EditTool& tool, const EditController& controller)
    : QWidget(&canvas), m_canvas(canvas), m_tool(tool), m_controller(controller)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setGeometry(canvas.rect());
}

void EditOverlay::paintEvent(QPaintEvent*)
{
    if (!m_controller.isEditing())
        return;
    const MapTransform& view = m_canvas.view();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);

    const QColor selection(255, 120, 0);
    for (const std::int64_t fid : m_controller.selection())
    {
        const bool dragged = m_tool.drag() && m_tool.drag()->fid == fid;
        const auto f = m_controller.feature(fid);
        if (!f)
            continue;
        const Geometry& g = dragged ? m_tool.drag()->preview : f->geometry;
        painter.setPen(QPen(selection, 2.5));
        painter.setBrush(QColor(255, 160, 0, 80));
        painter.drawPath(pathOf(g, view));
        drawVertices(painter, g, view);
        if (dragged)
        {
            // Where the vertex was, for reference.
            painter.setPen(QPen(selection, 1, Qt::DashLine));
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(pathOf(f->geometry, view));
        }
    }

    const std::vector<Point>& sketch = m_tool.sketch();
    if (!sketch.empty())
    {
        QPolygonF line;
        for (const Point& p : sketch)
            line << view.toPixel(p.x, p.y);
        if (m_tool.cursor())
            line << view.toPixel(m_tool.cursor()->x, m_tool.cursor()->y);
        painter.setPen(QPen(QColor(0, 120, 255), 2, Qt::DashLine));
        if (m_tool.mode() == EditTool::Mode::DrawPolygon)
        {
            painter.setBrush(QColor(0, 120, 255, 40));
            painter.drawPolygon(line);
        }
        else
        {
            painter.setBrush(Qt::NoBrush);
            painter.drawPolyline(line);
        }
        painter.setBrush(QColor(0, 120, 255));
        for (const Point& p : sketch)
            painter.drawEllipse(view.toPixel(p.x, p.y), 3, 3);
    }

    if (const auto& s = m_tool.snapMarker())
    {
        const QPointF p = view.toPixel(s->point.x, s->point.y);
        painter.setPen(QPen(QColor(220, 0, 200), 2));
        painter.setBrush(Qt::NoBrush);
        if (s->onVertex)
            painter.drawEllipse(p, 7, 7);
        else
            painter.drawRect(QRectF(p.x() - 6, p.y() - 6, 12, 12));
    }
}

} // namespace redline
