#include "render/MapTransform.hpp"

#include <algorithm>

namespace redline
{

MapTransform::MapTransform(Point center, double metresPerPixel, QSizeF sizePx, double dpi)
    : m_center(center), m_mpp(metresPerPixel), m_size(sizePx), m_dpi(dpi)
{
}

MapTransform MapTransform::fit(const Envelope& extent, QSizeF sizePx, double dpi,
                               double marginFraction)
{
    if (extent.isEmpty() || sizePx.isEmpty())
        return MapTransform({0, 0}, 1, sizePx, dpi);
    const double w = std::max(extent.width(), 1e-6) * (1 + 2 * marginFraction);
    const double h = std::max(extent.height(), 1e-6) * (1 + 2 * marginFraction);
    const double mpp = std::max(w / sizePx.width(), h / sizePx.height());
    const Point c{(extent.minX + extent.maxX) / 2, (extent.minY + extent.maxY) / 2};
    return MapTransform(c, mpp, sizePx, dpi);
}

Envelope MapTransform::extent() const
{
    const double hw = m_size.width() * m_mpp / 2;
    const double hh = m_size.height() * m_mpp / 2;
    return {m_center.x - hw, m_center.y - hh, m_center.x + hw, m_center.y + hh};
}

QRectF MapTransform::toPixel(const Envelope& e) const
{
    const QPointF a = toPixel(e.minX, e.maxY);
    const QPointF b = toPixel(e.maxX, e.minY);
    return QRectF(a, b).normalized();
}

MapTransform MapTransform::zoomedAt(double factor, QPointF anchorPx) const
{
    const Point anchor = toMap(anchorPx);
    MapTransform t = *this;
    t.m_mpp = m_mpp / factor;
    // Move the centre so that the anchor's map point stays under the same pixel.
    const Point after = t.toMap(anchorPx);
    t.m_center = {m_center.x + anchor.x - after.x, m_center.y + anchor.y - after.y};
    return t;
}

MapTransform MapTransform::pannedByPixels(QPointF deltaPx) const
{
    MapTransform t = *this;
    t.m_center = {m_center.x - deltaPx.x() * m_mpp, m_center.y + deltaPx.y() * m_mpp};
    return t;
}

MapTransform MapTransform::resized(QSizeF sizePx) const
{
    MapTransform t = *this;
    t.m_size = sizePx;
    return t;
}

MapTransform MapTransform::withDpi(double dpi) const
{
    MapTransform t = *this;
    t.m_dpi = dpi;
    return t;
}

} // namespace redline
