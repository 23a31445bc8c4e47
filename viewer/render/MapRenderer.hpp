#pragma once
// Draws a RenderRequest into a QPainter whose (0,0)-(view.sizePx) rectangle is the map frame:
// the same code paints the canvas image, the printed map frame and the overview inset, so what is
// printed is what is seen. Stateless and thread-safe (each call uses only its arguments); the
// painter must belong to the calling thread.

#include <QPainter>

#include "render/RenderRequest.hpp"

namespace redline
{

class LabelPlacer;

struct RenderStats
{
    std::size_t featuresDrawn = 0;
    std::size_t labelsPlaced = 0;
    std::size_t level = 0; // LOD level used for the last layer
};

class MapRenderer
{
  public:
    static RenderStats render(const RenderRequest& request, QPainter& painter,
                              LabelPlacer* placer = nullptr);
};

// Fill and hatch only / outline only of a symbol (device-pixel path).
void fillSymbol(QPainter& painter, const QPainterPath& path, const Symbol& symbol,
                const MapTransform& view);
void strokeSymbol(QPainter& painter, const QPainterPath& path, const Symbol& symbol,
                  const MapTransform& view);
// Draws one symbol's fill/hatch/outline for a pixel path (also used by the legend swatches).
void paintSymbol(QPainter& painter, const QPainterPath& path, const Symbol& symbol,
                 const MapTransform& view, bool isLine);
// Draws text with a white halo so it stays readable on any fill.
void drawHaloText(QPainter& painter, const QRectF& box, const QString& text, const QColor& color);
// A font of `pointSize` points on the surface described by `view`, for `painter`'s device.
[[nodiscard]] QFont surfaceFont(const QPainter& painter, const MapTransform& view, double pointSize,
                                bool bold = false);

} // namespace redline
