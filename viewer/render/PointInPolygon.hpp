#pragma once
// Which polygon feature of a layer holds a point (ray casting on the engine's coordinate arrays):
// the township of a site for report addresses, and the viewer's identify. Pure, thread-safe.

#include <optional>

#include "redline/data/Layer.hpp"

namespace redline
{

[[nodiscard]] bool polygonContains(const Geometry& g, Point p);
// Index of the first polygon feature containing `p`, if any.
[[nodiscard]] std::optional<std::size_t> featureContaining(const Layer& layer, Point p);
// Distance from `p` to the nearest vertex or segment of any ring/line of `g` (same units).
[[nodiscard]] double distanceToBoundary(const Geometry& g, Point p);

} // namespace redline
