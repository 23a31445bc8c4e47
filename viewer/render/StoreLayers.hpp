#pragma once
// The render layers of a zoning store: one per store layer, with its symbology (labels on the
// store's own name field) and in map draw order. Shared by the viewer session and the render
// benchmark. Call on any thread; the result shares the store's immutable layers.

#include <vector>

#include "redline/model/ZoningStore.hpp"
#include "render/RenderRequest.hpp"

namespace redline
{

[[nodiscard]] std::vector<RenderLayer> renderLayersOf(const ZoningStore& store);

} // namespace redline
