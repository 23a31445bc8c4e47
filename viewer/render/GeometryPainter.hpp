#pragma once
// Turns engine geometry (parts -> rings -> points, map metres) into device-pixel QPainterPaths
// for a MapTransform, skipping vertices closer than `minStepPx` to the last one drawn (the
// pixel-level half of the level-of-detail scheme). Pure functions, thread-safe.

#include <QPainterPath>
#include <vector>

#include "redline/geo/Geometry.hpp"

#include "render/MapTransform.hpp"

namespace redline
{

// Polygons: closed subpaths, odd-even fill so holes stay empty. Lines: open subpaths.
// Points: empty path (draw them with drawPointMarkers).
[[nodiscard]] QPainterPath toPixelPath(const std::vector<Part>& parts, Dimension dim,
                                       const MapTransform& view, double minStepPx = 0.5);
[[nodiscard]] QPainterPath toPixelPath(const Geometry& g, const MapTransform& view,
                                       double minStepPx = 0.5);
// Pixel positions of the points of a point geometry.
[[nodiscard]] std::vector<QPointF> toPixelPoints(const std::vector<Part>& parts,
                                                 const MapTransform& view);

} // namespace redline
