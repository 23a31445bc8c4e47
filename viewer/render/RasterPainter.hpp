#pragma once
// Draws a raster basemap layer (issue 14) into the map frame of a QPainter: reads the view's extent
// from the engine's RasterSource (which picks the overview and reprojects) at the surface's
// resolution and paints the pixels with the layer's opacity. Runs on the calling thread (the
// canvas's render thread, or the printer's); the RasterSource is thread-safe.

#include <QImage>
#include <QPainter>

#include "render/RenderRequest.hpp"

namespace redline
{

// The raster of `layer` for `view` as an image of the surface's pixels (device pixel ratio of
// `painter`'s device applied; at most kMaxRasterPixels pixels, larger surfaces get a magnified
// image). A null image when nothing of the raster is in view. Throws IoError naming the file.
[[nodiscard]] QImage rasterImage(const RasterSource& raster, const MapTransform& view,
                                 double devicePixelRatio = 1.0,
                                 RasterResampling resampling = RasterResampling::Bilinear);
// Paints it; a read failure is drawn as a note in the frame instead of throwing, so that one bad
// basemap does not cost the whole map.
void paintRaster(QPainter& painter, const RenderLayer& layer, const MapTransform& view);

constexpr double kMaxRasterPixels = 24e6;

} // namespace redline
