#pragma once
// Greedy label placement: each label tries a few positions around its anchor and takes the first
// that overlaps no label already placed and stays inside the map frame; otherwise it is dropped.
// Callers offer labels in priority order. Not thread-safe (one per render).

#include <QRectF>
#include <optional>
#include <vector>

namespace redline
{

class LabelPlacer
{
  public:
    explicit LabelPlacer(QRectF bounds, double paddingPx = 2) : m_bounds(bounds), m_pad(paddingPx)
    {
    }

    // Reserves an area that labels must avoid (legend, scale bar...).
    void block(const QRectF& r) { m_placed.push_back(r); }
    // `size` of the text box; returns the chosen box, or nullopt when every candidate collides.
    [[nodiscard]] std::optional<QRectF> place(QPointF anchor, QSizeF size);
    [[nodiscard]] bool collides(const QRectF& r) const;
    [[nodiscard]] const std::vector<QRectF>& placed() const { return m_placed; }

  private:
    QRectF m_bounds;
    double m_pad;
    std::vector<QRectF> m_placed;
};

} // namespace redline
