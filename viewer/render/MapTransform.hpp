#pragma once
// The affine map between map coordinates (metres of the analysis CRS, y up) and device pixels
// (y down) of one drawing surface: a centre, a ground size of one pixel and a size in pixels.
// Value type, thread-safe. `dpi` is the surface's resolution, used for the 1:N scale and for
// symbol sizes given in millimetres.

#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include "redline/geo/Envelope.hpp"
#include "redline/geo/Geometry.hpp"

namespace redline
{

class MapTransform
{
  public:
    MapTransform() = default;
    MapTransform(Point center, double metresPerPixel, QSizeF sizePx, double dpi = 96);

    // The largest scale that shows all of `extent` in `sizePx` (with `marginFraction` around it).
    static MapTransform fit(const Envelope& extent, QSizeF sizePx, double dpi = 96,
                            double marginFraction = 0.0);

    [[nodiscard]] Point center() const { return m_center; }
    [[nodiscard]] double metresPerPixel() const { return m_mpp; }
    [[nodiscard]] QSizeF sizePx() const { return m_size; }
    [[nodiscard]] double dpi() const { return m_dpi; }
    // Map extent covered by the surface.
    [[nodiscard]] Envelope extent() const;
    // N of "1:N": ground metres per metre on the surface.
    [[nodiscard]] double scaleDenominator() const { return m_mpp * m_dpi / 0.0254; }
    // Device pixels for a length in millimetres on the surface.
    [[nodiscard]] double mmToPx(double mm) const { return mm * m_dpi / 25.4; }

    [[nodiscard]] QPointF toPixel(double x, double y) const
    {
        return {(x - m_center.x) / m_mpp + m_size.width() / 2,
                m_size.height() / 2 - (y - m_center.y) / m_mpp};
    }
    [[nodiscard]] Point toMap(QPointF px) const
    {
        return {m_center.x + (px.x() - m_size.width() / 2) * m_mpp,
                m_center.y - (px.y() - m_size.height() / 2) * m_mpp};
    }
    [[nodiscard]] QRectF toPixel(const Envelope& e) const;

    // Same centre, `factor` times larger scale (factor > 1 zooms in), keeping `anchorPx` fixed.
    [[nodiscard]] MapTransform zoomedAt(double factor, QPointF anchorPx) const;
    [[nodiscard]] MapTransform pannedByPixels(QPointF deltaPx) const;
    [[nodiscard]] MapTransform resized(QSizeF sizePx) const;
    [[nodiscard]] MapTransform withDpi(double dpi) const;

  private:
    Point m_center;
    double m_mpp = 1;
    QSizeF m_size{1, 1};
    double m_dpi = 96;
};

} // namespace redline
