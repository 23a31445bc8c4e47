#pragma once
// Engine-internal steps of RasterSource::read: how a raster's bands become colours, and the two
// ways of filling a RasterImage from a dataset handle opened on one overview level — a resampled
// GDALRasterIO when the raster is in the analysis CRS, GDALWarp otherwise. The handle is used by
// the calling thread only.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <gdal_priv.h>

#include "redline/raster/RasterSource.hpp"

namespace redline::detail
{

struct PixelFormat
{
    RasterColour colour = RasterColour::Rgb;
    std::array<int, 3> rgbBands{1, 2, 3}; // Rgb: red, green, blue band numbers
    int alphaBand = 0;                    // a band GDAL marks as alpha (0: none)
    std::vector<std::uint32_t> palette;   // Palette: premultiplied ARGB per index
    double scaleMin = 0;                  // Scaled (and Rgb of more than 8 bits)
    double scaleMax = 255;
};

// Decides the colour model from the bands (and fills `info.colour`, `scaleMin`, `scaleMax`).
[[nodiscard]] PixelFormat pixelFormatOf(GDALDataset& ds, const std::string& path, RasterInfo& info);

// Fill `image` (its size set, pixels zeroed) with `extent` of the analysis CRS. Return false when
// GDAL reports a failure (the caller's GdalErrorScope has the reason).
[[nodiscard]] bool readDirect(GDALDataset& ds, const PixelFormat& format, const Envelope& extent,
                              RasterResampling resampling, RasterImage& image);
[[nodiscard]] bool readWarped(GDALDataset& ds, const PixelFormat& format,
                              const std::string& sourceWkt, const std::string& targetWkt,
                              const Envelope& extent, RasterResampling resampling,
                              RasterImage& image);

} // namespace redline::detail
