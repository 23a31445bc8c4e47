#pragma once
// North arrow: the analysis CRS is a Gauss-Krüger grid, so grid north is up; the arrow marks it.

#include <QPainter>
#include <QRectF>

#include "render/MapTransform.hpp"

namespace redline
{

// Draws a two-tone arrow with "北" / "N" inside `box`.
void drawNorthArrow(QPainter& painter, const QRectF& box, const MapTransform& view);

} // namespace redline
