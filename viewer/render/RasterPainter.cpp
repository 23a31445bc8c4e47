#include "render/RasterPainter.hpp"

#include <QPaintDevice>
#include <algorithm>
#include <cmath>
#include <memory>

#include "render/MapRenderer.hpp"

namespace redline
{

QImage rasterImage(const RasterSource& raster, const MapTransform& view, double devicePixelRatio,
                   RasterResampling resampling)
{
    const Envelope extent = view.extent();
    if (!extent.intersects(raster.info().extent))
        return {};
    double w = view.sizePx().width() * devicePixelRatio;
    double h = view.sizePx().height() * devicePixelRatio;
    if (w * h > kMaxRasterPixels)
    {
        const double shrink = std::sqrt(kMaxRasterPixels / (w * h));
        w *= shrink;
        h *= shrink;
    }
    const int iw = std::max(1, static_cast<int>(std::lround(w)));
    const int ih = std::max(1, static_cast<int>(std::lround(h)));
    auto pixels = std::make_unique<RasterImage>(raster.read(extent, iw, ih, resampling));
    auto* data = pixels.release();
    // The image borrows the pixels and frees them with itself (no copy of a full frame).
    return QImage(
        reinterpret_cast<const uchar*>(data->pixels.data()), data->width, data->height,
        static_cast<qsizetype>(data->width) * 4, QImage::Format_ARGB32_Premultiplied,
        [](void* p) { delete static_cast<RasterImage*>(p); }, data);
}

void paintRaster(QPainter& painter, const RenderLayer& layer, const MapTransform& view)
{
    if (!layer.raster)
        return;
    const QPaintDevice* device = painter.device();
    const double ratio = device != nullptr ? device->devicePixelRatioF() : 1.0;
    const QRectF frame(QPointF(0, 0), view.sizePx());
    try
    {
        const QImage image = rasterImage(*layer.raster, view, ratio, layer.resampling);
        if (image.isNull())
            return;
        painter.save();
        painter.setOpacity(std::clamp(layer.opacity, 0.0, 1.0));
        painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
        painter.drawImage(frame, image);
        painter.restore();
    }
    catch (const std::exception& e)
    {
        painter.save();
        painter.setPen(QColor(180, 0, 0));
        painter.setFont(surfaceFont(painter, view, 8));
        painter.drawText(frame.adjusted(4, 4, -4, -4), Qt::AlignLeft | Qt::AlignBottom,
                         QString::fromUtf8(e.what()));
        painter.restore();
    }
}

} // namespace redline
