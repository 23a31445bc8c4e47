#pragma once
// An immutable snapshot of what to draw: the view, the layers with their styles (shared, never
// copied), overlays (sites, overlap parts, identify highlight). Built on the GUI thread, rendered
// on any thread (QGIS's render-job contract): nothing in it is mutable or GUI-owned.

#include <QColor>
#include <QString>
#include <memory>
#include <string>
#include <vector>

#include "redline/data/Layer.hpp"
#include "redline/raster/RasterSource.hpp"

#include "render/LayerCache.hpp"
#include "render/LayerStyle.hpp"
#include "render/MapTransform.hpp"

namespace redline
{

struct RenderLayer
{
    std::string name; // layer name (ecological_redline…)
    std::string kind; // zone kind, "reference" (a vector file added to the map) or "basemap"
    std::shared_ptr<const LayerCache> cache;    // vector layers
    std::shared_ptr<const RasterSource> raster; // raster basemaps (then `cache` is null)
    RasterResampling resampling = RasterResampling::Bilinear;
    LayerStyle style;
    bool visible = true;
    double opacity = 1.0;
    bool labels = true;
};

// Footprint of a layer in the analysis CRS (its features', or its raster's).
[[nodiscard]] inline Envelope extentOf(const RenderLayer& layer)
{
    if (layer.cache)
        return layer.cache->extent();
    if (layer.raster)
        return layer.raster->info().extent;
    return {};
}

struct Overlay
{
    Geometry geometry; // analysis CRS
    Symbol symbol;
    QString label;
    double markerMm = 2.5; // point geometries
};

struct RenderRequest
{
    MapTransform view;
    std::vector<RenderLayer> layers; // drawn first to last
    std::vector<Overlay> overlays;   // drawn above every layer
    QColor background = Qt::white;
    bool labels = true;
    // Level of detail: vertices closer than this on the surface are not drawn, and the
    // pre-simplified level whose tolerance is at most this many pixels is used. One pixel keeps
    // outlines within a pixel of the truth (0.085 mm on a 300-dpi print).
    double lodTolerancePx = 1.0;
};

} // namespace redline
