#include "render/LabelPlacer.hpp"

namespace redline
{

bool LabelPlacer::collides(const QRectF& r) const
{
    const QRectF padded = r.adjusted(-m_pad, -m_pad, m_pad, m_pad);
    for (const QRectF& p : m_placed)
        if (p.intersects(padded))
            return true;
    return false;
}

std::optional<QRectF> LabelPlacer::place(QPointF anchor, QSizeF size)
{
    const double w = size.width();
    const double h = size.height();
    // Centred first, then above, below, right and left of the anchor.
    const QPointF offsets[] = {{-w / 2, -h / 2},
                               {-w / 2, -h * 1.6},
                               {-w / 2, h * 0.6},
                               {h * 0.6, -h / 2},
                               {-w - h * 0.6, -h / 2}};
    for (const QPointF& o : offsets)
    {
        const QRectF r(anchor + o, size);
        if (!m_bounds.contains(r) || collides(r))
            continue;
        m_placed.push_back(r);
        return r;
    }
    return std::nullopt;
}

} // namespace redline
