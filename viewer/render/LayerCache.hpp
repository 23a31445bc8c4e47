#pragma once
// Per-layer drawing cache built once when a layer is loaded: feature envelopes, a label anchor per
// feature, and pre-simplified copies of every geometry for zoomed-out views (level of detail),
// plus the features' pixel paths at the last scale drawn (kept under a lock, so redraws at that
// scale convert no vertex). Otherwise immutable; share as shared_ptr<const LayerCache> between
// the GUI thread and render jobs. Coordinates are in the layer's CRS (metres of the analysis
// CRS).

#include <QPainterPath>
#include <array>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "redline/data/Layer.hpp"

#include "render/MapTransform.hpp"

namespace redline
{

class LayerCache
{
  public:
    // Tolerances (metres) of the simplified levels; level 0 is the original geometry.
    static constexpr std::array<double, 6> kLevelToleranceM{0.0, 4.0, 16.0, 64.0, 256.0, 1024.0};

    explicit LayerCache(std::shared_ptr<const Layer> layer);

    [[nodiscard]] const Layer& layer() const { return *m_layer; }
    [[nodiscard]] std::size_t size() const { return m_envelopes.size(); }
    [[nodiscard]] const Envelope& envelope(std::size_t i) const { return m_envelopes[i]; }
    [[nodiscard]] const Envelope& extent() const { return m_extent; }
    [[nodiscard]] Point labelAnchor(std::size_t i) const { return m_anchors[i]; }
    // The coarsest level whose tolerance is at most `toleranceM`.
    [[nodiscard]] std::size_t levelFor(double toleranceM) const;
    // Geometry parts of feature i at a level (level 0: the feature's own parts).
    [[nodiscard]] const std::vector<Part>& parts(std::size_t i, std::size_t level) const;
    // Feature i as GeometryPainter's appendPixelPath draws parts(i, level) at `metresPerPixel`,
    // in pixels from the layer extent's top-left corner (translate it by pixelOrigin(view)).
    // The paths of the last scale asked for are kept, so that a redraw at that scale (a pan, a
    // layer switched on or off, a restyle) converts no vertex again. Thread-safe.
    [[nodiscard]] QPainterPath pixelPath(std::size_t i, std::size_t level, double metresPerPixel,
                                         double minStepPx) const;
    // Where pixelPath's origin lies on a view.
    [[nodiscard]] QPointF pixelOrigin(const MapTransform& view) const
    {
        return view.toPixel(m_extent.minX, m_extent.maxY);
    }

  private:
    std::shared_ptr<const Layer> m_layer;
    std::vector<Envelope> m_envelopes;
    std::vector<Point> m_anchors;
    Envelope m_extent;
    // m_levels[level - 1][feature]
    std::vector<std::vector<std::vector<Part>>> m_levels;

    struct PixelScale
    {
        std::size_t level = 0;
        double metresPerPixel = 0;
        double minStepPx = -1;
        friend bool operator==(const PixelScale&, const PixelScale&) = default;
    };
    mutable std::mutex m_pixelMutex;
    mutable PixelScale m_pixelScale;
    mutable std::vector<std::optional<QPainterPath>> m_pixelPaths; // per feature, at m_pixelScale
};

// Radial-distance simplification: drops vertices closer than `tolerance` to the last kept one;
// rings keep their closing point and at least 4 points, lines 2; polygons whose shell collapses
// are dropped. Exposed for tests.
[[nodiscard]] std::vector<Part> simplifyParts(const std::vector<Part>& parts, Dimension dim,
                                              double tolerance);
// A point well inside a polygon for its label (middle of the widest horizontal run through the
// largest shell's centroid), the middle vertex of a line, the point itself for points.
[[nodiscard]] Point labelAnchorOf(const Geometry& g);

} // namespace redline
