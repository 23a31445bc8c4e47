#pragma once
// Render layers for what a planner adds to the map besides the zoning store (issue 14): a raster
// basemap (kind "basemap", drawn under the zoning) and a reference vector layer from any GDAL
// source (kind "reference", a simple outline in one of a few distinct colours, labelled by its name
// field when it has one). Plain values; call on any thread.

#include <memory>

#include "redline/data/Layer.hpp"
#include "redline/raster/RasterSource.hpp"

#include "render/RenderRequest.hpp"

namespace redline
{

[[nodiscard]] RenderLayer basemapLayer(std::shared_ptr<const RasterSource> raster);
// `index` picks the colour (0, 1, 2… give different ones).
[[nodiscard]] RenderLayer referenceLayer(std::shared_ptr<const Layer> layer, std::size_t index);
// The field a reference layer is labelled with: name, NAME, 名称, mc, … ("" when none).
[[nodiscard]] std::string nameFieldOf(const Layer& layer);

} // namespace redline
