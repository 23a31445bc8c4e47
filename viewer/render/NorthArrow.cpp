#include "render/NorthArrow.hpp"

#include <QPainterPath>

#include "render/MapRenderer.hpp"

namespace redline
{

void drawNorthArrow(QPainter& painter, const QRectF& box, const MapTransform& view)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QFont font = surfaceFont(painter, view, 8, true);
    painter.setFont(font);
    const double textH = box.height() * 0.3;
    const QRectF textBox(box.left(), box.top(), box.width(), textH);
    painter.setPen(Qt::black);
    painter.drawText(textBox, Qt::AlignCenter, QStringLiteral("北 N"));
    const double cx = box.center().x();
    const double top = box.top() + textH;
    const double bottom = box.bottom();
    const double half = std::min(box.width(), box.height()) * 0.18;
    const double waist = top + (bottom - top) * 0.68;
    QPainterPath left;
    left.moveTo(cx, top);
    left.lineTo(cx - half, bottom);
    left.lineTo(cx, waist);
    left.closeSubpath();
    QPainterPath right;
    right.moveTo(cx, top);
    right.lineTo(cx + half, bottom);
    right.lineTo(cx, waist);
    right.closeSubpath();
    const QPen pen(Qt::black, std::max(view.mmToPx(0.2), 0.8));
    painter.setPen(pen);
    painter.setBrush(Qt::black);
    painter.drawPath(left);
    painter.setBrush(Qt::white);
    painter.drawPath(right);
    painter.restore();
}

} // namespace redline
