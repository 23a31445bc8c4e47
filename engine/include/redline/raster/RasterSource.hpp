#pragma once
// A raster basemap (issue 14): any raster GDAL reads — GeoTIFF/COG with overviews, JPEG/PNG with
// world files (and a .prj beside them), MBTiles, VRT mosaics — in any CRS, drawn for a requested
// extent of the analysis CRS into plain RGBA pixels. A raster already in the analysis CRS is read
// with one resampled GDALRasterIO on the overview the zoom needs; any other is warped (GDALWarp)
// from that overview. No GDAL or Qt type appears here: the viewer turns the pixels into a QImage.
//
// Thread-safety: a RasterSource is immutable and may be shared (shared_ptr<const>) by any number
// of threads. GDAL datasets are not thread-safe, so read() borrows a dataset handle that no other
// thread is using from a small pool (one handle per concurrent reader, opened on first need).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "redline/geo/Crs.hpp"
#include "redline/geo/Envelope.hpp"

namespace redline
{

enum class RasterResampling
{
    Nearest,
    Bilinear, // default for imagery and continuous data
};

// How band values become colours.
enum class RasterColour
{
    Rgb,     // bands 1–3 (4: alpha when GDAL says so)
    Palette, // one band with a colour table
    Gray,    // one 8-bit band
    Scaled,  // one band of another type: linear stretch from `scaleMin` to `scaleMax`
};

struct RasterInfo
{
    std::string path;
    std::string driver;      // GDAL short name (GTiff, MBTiles, VRT, JPEG, PNG…)
    std::string description; // the file's DESCRIPTION / TIFFTAG_IMAGEDESCRIPTION metadata
    int width = 0;           // full-resolution size, pixels
    int height = 0;
    int bandCount = 0;
    std::string crs;       // the raster's own CRS (name, or the EPSG code when known)
    bool sameCrs = false;  // north-up and in the analysis CRS: read without warping
    Envelope extent;       // footprint in the analysis CRS
    double pixelSizeM = 0; // full-resolution pixel size in analysis-CRS metres (approximate)
    std::vector<int> overviewWidths; // widths of band 1's overviews, finest first
    RasterColour colour = RasterColour::Rgb;
    double scaleMin = 0; // Scaled: the values drawn black and white (band statistics)
    double scaleMax = 0;
};

// Pixels of one read, premultiplied ARGB32 as 0xAARRGGBB words (QImage::Format_ARGB32_
// Premultiplied), rows top to bottom; transparent where the raster has no data or no coverage.
struct RasterImage
{
    int width = 0;
    int height = 0;
    std::vector<std::uint32_t> pixels;
    int overview = -1; // overview level read, -1 for full resolution
};

class RasterSource
{
  public:
    // Opens the raster and describes it. Throws IoError naming the file when GDAL cannot open it
    // or it is not georeferenced, CrsError when it has no CRS (a world file needs a .prj beside
    // it) or its footprint cannot be put in the analysis CRS.
    static std::shared_ptr<const RasterSource> open(const std::string& path,
                                                    const Crs& analysisCrs);
    ~RasterSource();
    RasterSource(const RasterSource&) = delete;
    RasterSource& operator=(const RasterSource&) = delete;

    [[nodiscard]] const RasterInfo& info() const;

    // The overview level read() uses for `metresPerPixel` on the ground: the coarsest overview
    // whose pixels are not larger than the requested ones (-1: full resolution), so the image is
    // never magnified from a coarser level than the zoom shows.
    [[nodiscard]] int overviewFor(double metresPerPixel) const;

    // Draws `extent` (analysis CRS) into width × height pixels. Throws IoError naming the file when
    // GDAL fails to read. Thread-safe.
    [[nodiscard]] RasterImage read(const Envelope& extent, int width, int height,
                                   RasterResampling resampling = RasterResampling::Bilinear) const;

  private:
    struct Impl;
    explicit RasterSource(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace redline
