#include "render/ScaleBar.hpp"

#include <QFontMetricsF>
#include <QLocale>
#include <cmath>

#include "render/MapRenderer.hpp"

namespace redline
{

ScaleBarSpec computeScaleBar(double metresPerPixel, double maxLengthPx)
{
    ScaleBarSpec spec;
    const double maxGround = metresPerPixel * maxLengthPx;
    if (!(maxGround > 0))
        return spec;
    const double decade = std::pow(10.0, std::floor(std::log10(maxGround)));
    double ground = decade;
    for (const double m : {5.0, 2.0, 1.0})
    {
        if (m * decade <= maxGround)
        {
            ground = m * decade;
            break;
        }
    }
    spec.groundM = ground;
    spec.lengthPx = ground / metresPerPixel;
    const double lead = ground / decade;
    spec.segments = lead == 2.0 ? 4 : (lead == 5.0 ? 5 : 4);
    spec.kilometres = ground >= 1000;
    return spec;
}

QString formatDistance(double metres, bool kilometres)
{
    if (kilometres)
        return QString::number(metres / 1000.0, 'g', 6) + QStringLiteral(" km");
    return QString::number(metres, 'g', 6) + QStringLiteral(" m");
}

QString formatScaleRatio(double denominator)
{
    QLocale c(QLocale::English);
    return QStringLiteral("1:") + c.toString(static_cast<qlonglong>(std::llround(denominator)));
}

double roundPrintScale(double denominator)
{
    if (!(denominator > 0))
        return 1;
    const double decade = std::pow(10.0, std::floor(std::log10(denominator)));
    // Half steps of the leading digit (1:15,000, 1:350,000…): round to read and to measure on,
    // without the 2x jump of a 1-2-5 series wasting half of the frame.
    for (const double m :
         {1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 6.0, 7.0, 7.5, 8.0, 9.0, 10.0})
        if (m * decade >= denominator * (1 - 1e-9))
            return m * decade;
    return 10 * decade;
}

QRectF drawScaleBar(QPainter& painter, QPointF origin, const ScaleBarSpec& spec,
                    const MapTransform& view, bool withRatio)
{
    painter.save();
    const QFont font = surfaceFont(painter, view, 7);
    painter.setFont(font);
    const QFontMetricsF fm(font, painter.device());
    const double barH = view.mmToPx(1.6);
    const double top = origin.y() + fm.height(); // tick labels above the bar
    const double seg = spec.lengthPx / spec.segments;
    painter.setPen(QPen(Qt::black, std::max(view.mmToPx(0.15), 0.8)));
    for (int i = 0; i < spec.segments; ++i)
    {
        const QRectF box(origin.x() + i * seg, top, seg, barH);
        painter.setBrush(i % 2 == 0 ? Qt::black : Qt::white);
        painter.drawRect(box);
    }
    painter.setBrush(Qt::NoBrush);
    // Labels at 0, the middle and the end: all round numbers by construction.
    const double marks[] = {0.0, 0.5, 1.0};
    for (const double m : marks)
    {
        const double x = origin.x() + m * spec.lengthPx;
        QString text =
            m == 0.0 ? QStringLiteral("0") : formatDistance(spec.groundM * m, spec.kilometres);
        if (m == 0.5)
            text = text.section(QLatin1Char(' '), 0, 0);
        const double w = fm.horizontalAdvance(text);
        painter.drawText(QRectF(x - w / 2 - 1, origin.y(), w + 2, fm.height()), Qt::AlignCenter,
                         text);
    }
    double bottom = top + barH;
    double right = origin.x() + spec.lengthPx + fm.horizontalAdvance(QStringLiteral(" km"));
    if (withRatio)
    {
        const QString ratio = QStringLiteral("比例尺 ") + formatScaleRatio(view.scaleDenominator());
        const QRectF r(origin.x(), bottom + view.mmToPx(0.8), fm.horizontalAdvance(ratio) + 2,
                       fm.height());
        painter.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, ratio);
        bottom = r.bottom();
        right = std::max(right, r.right());
    }
    painter.restore();
    return QRectF(origin, QPointF(right, bottom));
}

} // namespace redline
