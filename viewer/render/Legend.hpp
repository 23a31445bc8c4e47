#pragma once
// Legend built from the visible layers: one entry per symbol class present in the layer's data
// (or one for the layer when it has no classes), top-most layer first.

#include <QPainter>
#include <QRectF>
#include <vector>

#include "render/RenderRequest.hpp"

namespace redline
{

struct LegendEntry
{
    QString label;
    Symbol symbol;
    bool isLine = false; // drawn as a line swatch (outline-only layers, line layers)
};

[[nodiscard]] std::vector<LegendEntry> legendEntries(const std::vector<RenderLayer>& layers);
// Draws "图例" and the entries in as many columns as needed inside `box`; returns the used height.
double drawLegend(QPainter& painter, const QRectF& box, const std::vector<LegendEntry>& entries,
                  const MapTransform& view, double pointSize = 7);

} // namespace redline
