#pragma once
// Scale bar with round ground lengths (1, 2, 5 x 10^k metres) and the "1:N" ratio text. The bar's
// on-surface length is exactly groundM / metresPerPixel, so it always agrees with the map scale.

#include <QPainter>
#include <QRectF>
#include <QString>

#include "render/MapTransform.hpp"

namespace redline
{

struct ScaleBarSpec
{
    double groundM = 0;  // ground length of the whole bar
    double lengthPx = 0; // its length on the surface
    int segments = 4;    // alternating black/white boxes
    bool kilometres = false;
};

// Longest round length that fits in `maxLengthPx` at `metresPerPixel`.
[[nodiscard]] ScaleBarSpec computeScaleBar(double metresPerPixel, double maxLengthPx);
// "1 km", "500 m", "2.5 km" (round numbers, unit chosen by size).
[[nodiscard]] QString formatDistance(double metres, bool kilometres);
// "1:25,000".
[[nodiscard]] QString formatScaleRatio(double denominator);
// Nearest round print scale at or above `denominator`: leading digit in half steps
// (1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 7.5, 8, 9) times a power of ten.
[[nodiscard]] double roundPrintScale(double denominator);

// Draws the bar with its tick labels and, below it, "比例尺 1:N"; `origin` is its top-left.
// Returns the rectangle it used. Sizes in mm are converted with `view`'s dpi.
QRectF drawScaleBar(QPainter& painter, QPointF origin, const ScaleBarSpec& spec,
                    const MapTransform& view, bool withRatio = true);

} // namespace redline
