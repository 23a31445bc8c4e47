#pragma once
// Turns engine geometry (parts -> rings -> points, map metres) into device-pixel QPainterPaths
// for a MapTransform, skipping vertices closer than `minStepPx` to the last one kept and drawing
// nearly straight runs (within minStepPx / 4 of a line) as one segment, so no vertex is moved by
// more than 1.5 × minStepPx (the pixel-level half of the level-of-detail scheme). Pure
// functions, thread-safe.

#include <QPainterPath>
#include <vector>

#include "redline/geo/Geometry.hpp"

#include "render/MapTransform.hpp"

namespace redline
{

// Polygons: closed subpaths, shells and holes wound opposite ways, winding fill, so holes stay
// empty and several polygons in one path (appendPixelPath) are filled once where they overlap.
// Lines: open subpaths. Points: empty path (draw them with drawPointMarkers).
void appendPixelPath(QPainterPath& path, const std::vector<Part>& parts, Dimension dim,
                     const MapTransform& view, double minStepPx = 0.5);
[[nodiscard]] QPainterPath toPixelPath(const std::vector<Part>& parts, Dimension dim,
                                       const MapTransform& view, double minStepPx = 0.5);
[[nodiscard]] QPainterPath toPixelPath(const Geometry& g, const MapTransform& view,
                                       double minStepPx = 0.5);
// The dashes of `path` for a dash pattern in pixels (on, off, on, off, …; Qt's QPen::dashPattern
// of a one-pixel pen) as open subpaths, the pattern restarting at every subpath: stroked with a
// solid one-pixel pen they go through Qt's cosmetic stroker, where a dashed pen takes the
// general stroker (every dash made into a polygon and filled), several times the cost.
[[nodiscard]] QPainterPath dashesOf(const QPainterPath& path, const QList<qreal>& pattern);
// Pixel positions of the points of a point geometry.
[[nodiscard]] std::vector<QPointF> toPixelPoints(const std::vector<Part>& parts,
                                                 const MapTransform& view);

} // namespace redline
