#include "raster/RasterPixels.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <cpl_string.h>
#include <gdal_utils.h>

namespace redline::detail
{
namespace
{

// Band values of one read, as floats, with the validity mask (0 transparent … 255 opaque).
struct Planes
{
    int width = 0;
    int height = 0;
    std::vector<std::vector<float>> bands; // in the order colourBandsOf() gives
    std::vector<std::uint8_t> alpha;       // empty: every pixel valid
};

std::vector<int> colourBandsOf(const PixelFormat& f)
{
    if (f.colour == RasterColour::Rgb)
        return {f.rgbBands[0], f.rgbBands[1], f.rgbBands[2]};
    return {1};
}

std::uint8_t toByte(double v)
{
    return static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L));
}

std::uint32_t premultiplied(unsigned a, unsigned r, unsigned g, unsigned b)
{
    if (a != 255)
    {
        r = (r * a + 127) / 255;
        g = (g * a + 127) / 255;
        b = (b * a + 127) / 255;
    }
    return (a << 24) | (r << 16) | (g << 8) | b;
}

// Writes the planes into image pixels from (x0, y0) on.
void compose(const PixelFormat& f, const Planes& p, RasterImage& image, int x0, int y0)
{
    const double span = f.scaleMax > f.scaleMin ? f.scaleMax - f.scaleMin : 1.0;
    const auto level = [&](float v) { return toByte((v - f.scaleMin) * 255.0 / span); };
    for (int j = 0; j < p.height; ++j)
    {
        std::uint32_t* row =
            image.pixels.data() + static_cast<std::size_t>(y0 + j) * image.width + x0;
        for (int i = 0; i < p.width; ++i)
        {
            const std::size_t k = static_cast<std::size_t>(j) * p.width + i;
            const unsigned a = p.alpha.empty() ? 255u : p.alpha[k];
            if (a == 0)
                continue;
            switch (f.colour)
            {
            case RasterColour::Rgb:
                row[i] = premultiplied(a, level(p.bands[0][k]), level(p.bands[1][k]),
                                       level(p.bands[2][k]));
                break;
            case RasterColour::Gray:
            case RasterColour::Scaled:
            {
                const unsigned v = level(p.bands[0][k]);
                row[i] = premultiplied(a, v, v, v);
                break;
            }
            case RasterColour::Palette:
            {
                const auto index = static_cast<std::size_t>(std::max(0.0f, p.bands[0][k]));
                if (index >= f.palette.size())
                    continue;
                const std::uint32_t c = f.palette[index];
                const unsigned ca = c >> 24;
                // The palette entry is premultiplied by its own alpha; apply the mask's too.
                const unsigned aa = (ca * a + 127) / 255;
                const auto scale = [&](unsigned v) { return ca == 0 ? 0u : v * aa / ca; };
                row[i] = (aa << 24) | (scale((c >> 16) & 0xFF) << 16) |
                         (scale((c >> 8) & 0xFF) << 8) | scale(c & 0xFF);
                break;
            }
            }
        }
    }
}

bool readPlane(GDALRasterBand& band, int xOff, int yOff, int xSize, int ySize, int w, int h,
               GDALDataType type, void* out, GDALRasterIOExtraArg* extra)
{
    return band.RasterIO(GF_Read, xOff, yOff, xSize, ySize, out, w, h, type, 0, 0, extra) ==
           CE_None;
}

GDALRIOResampleAlg rioAlg(RasterResampling r)
{
    return r == RasterResampling::Nearest ? GRIORA_NearestNeighbour : GRIORA_Bilinear;
}

} // namespace

PixelFormat pixelFormatOf(GDALDataset& ds, const std::string& /*path*/, RasterInfo& info)
{
    PixelFormat f;
    const int n = ds.GetRasterCount();
    for (int b = 1; b <= n; ++b)
        if (ds.GetRasterBand(b)->GetColorInterpretation() == GCI_AlphaBand)
            f.alphaBand = b;
    const int colourCount = n - (f.alphaBand != 0 ? 1 : 0);
    GDALRasterBand* first = ds.GetRasterBand(1);
    const auto minMax = [](GDALRasterBand* band, double& lo, double& hi)
    {
        double mm[2] = {0, 255};
        if (band->ComputeRasterMinMax(TRUE, mm) == CE_None)
        {
            lo = std::min(lo, mm[0]);
            hi = std::max(hi, mm[1]);
        }
    };
    if (colourCount >= 3)
    {
        f.colour = RasterColour::Rgb;
        for (int b = 1; b <= n; ++b)
        {
            const GDALColorInterp ci = ds.GetRasterBand(b)->GetColorInterpretation();
            if (ci == GCI_RedBand)
                f.rgbBands[0] = b;
            else if (ci == GCI_GreenBand)
                f.rgbBands[1] = b;
            else if (ci == GCI_BlueBand)
                f.rgbBands[2] = b;
        }
        bool bytes = true;
        for (const int b : f.rgbBands)
            bytes = bytes && ds.GetRasterBand(b)->GetRasterDataType() == GDT_Byte;
        if (!bytes)
        {
            // 16-bit imagery: one stretch for the three bands keeps the colour balance.
            f.scaleMin = std::numeric_limits<double>::max();
            f.scaleMax = std::numeric_limits<double>::lowest();
            for (const int b : f.rgbBands)
                minMax(ds.GetRasterBand(b), f.scaleMin, f.scaleMax);
        }
    }
    else if (const GDALColorTable* table = first->GetColorTable(); table != nullptr)
    {
        f.colour = RasterColour::Palette;
        for (int i = 0; i < table->GetColorEntryCount(); ++i)
        {
            const GDALColorEntry* e = table->GetColorEntry(i);
            f.palette.push_back(
                premultiplied(static_cast<unsigned>(e->c4), static_cast<unsigned>(e->c1),
                              static_cast<unsigned>(e->c2), static_cast<unsigned>(e->c3)));
        }
    }
    else if (first->GetRasterDataType() == GDT_Byte)
        f.colour = RasterColour::Gray;
    else
    {
        f.colour = RasterColour::Scaled;
        f.scaleMin = std::numeric_limits<double>::max();
        f.scaleMax = std::numeric_limits<double>::lowest();
        minMax(first, f.scaleMin, f.scaleMax);
    }
    info.colour = f.colour;
    info.scaleMin = f.scaleMin;
    info.scaleMax = f.scaleMax;
    return f;
}

bool readDirect(GDALDataset& ds, const PixelFormat& format, const Envelope& extent,
                RasterResampling resampling, RasterImage& image)
{
    double gt[6];
    if (ds.GetGeoTransform(gt) != CE_None)
        return false;
    const int rw = ds.GetRasterXSize();
    const int rh = ds.GetRasterYSize();
    // Raster pixel coordinates of the extent's corner and of one image pixel.
    const double sx0 = (extent.minX - gt[0]) / gt[1];
    const double sy0 = (gt[3] - extent.maxY) / -gt[5];
    const double dx = extent.width() / gt[1] / image.width;
    const double dy = extent.height() / -gt[5] / image.height;
    // Image pixels whose whole footprint lies on the raster: their window is exact, so every
    // pixel samples where it lies (a partly covered pixel at the raster's edge stays clear).
    constexpr double kEps = 1e-6;
    const int i0 = std::max(0, static_cast<int>(std::ceil(-sx0 / dx - kEps)));
    const int i1 =
        std::min(image.width - 1, static_cast<int>(std::floor((rw - sx0) / dx - 1 + kEps)));
    const int j0 = std::max(0, static_cast<int>(std::ceil(-sy0 / dy - kEps)));
    const int j1 =
        std::min(image.height - 1, static_cast<int>(std::floor((rh - sy0) / dy - 1 + kEps)));
    if (i1 < i0 || j1 < j0)
        return true;
    Planes p;
    p.width = i1 - i0 + 1;
    p.height = j1 - j0 + 1;
    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    extra.eResampleAlg = rioAlg(resampling);
    extra.bFloatingPointWindowValidity = TRUE;
    extra.dfXOff = std::clamp(sx0 + i0 * dx, 0.0, static_cast<double>(rw));
    extra.dfYOff = std::clamp(sy0 + j0 * dy, 0.0, static_cast<double>(rh));
    extra.dfXSize = std::min(p.width * dx, rw - extra.dfXOff);
    extra.dfYSize = std::min(p.height * dy, rh - extra.dfYOff);
    const int xOff = static_cast<int>(std::floor(extra.dfXOff));
    const int yOff = static_cast<int>(std::floor(extra.dfYOff));
    const int xSize =
        std::clamp(static_cast<int>(std::ceil(extra.dfXOff + extra.dfXSize)) - xOff, 1, rw - xOff);
    const int ySize =
        std::clamp(static_cast<int>(std::ceil(extra.dfYOff + extra.dfYSize)) - yOff, 1, rh - yOff);
    const std::size_t count = static_cast<std::size_t>(p.width) * p.height;
    for (const int b : colourBandsOf(format))
    {
        p.bands.emplace_back(count);
        if (!readPlane(*ds.GetRasterBand(b), xOff, yOff, xSize, ySize, p.width, p.height,
                       GDT_Float32, p.bands.back().data(), &extra))
            return false;
    }
    GDALRasterBand* first = ds.GetRasterBand(colourBandsOf(format)[0]);
    if (first->GetMaskFlags() != GMF_ALL_VALID)
    {
        p.alpha.resize(count);
        if (!readPlane(*first->GetMaskBand(), xOff, yOff, xSize, ySize, p.width, p.height, GDT_Byte,
                       p.alpha.data(), &extra))
            return false;
    }
    compose(format, p, image, i0, j0);
    return true;
}

bool readWarped(GDALDataset& ds, const PixelFormat& format, const std::string& sourceWkt,
                const std::string& targetWkt, const Envelope& extent, RasterResampling resampling,
                RasterImage& image)
{
    const int n = ds.GetRasterCount();
    const bool sourceAlpha = format.alphaBand == n;
    const int colourCount = n - (sourceAlpha ? 1 : 0);
    bool bytes = true;
    for (int b = 1; b <= n; ++b)
        bytes = bytes && ds.GetRasterBand(b)->GetRasterDataType() == GDT_Byte;
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    if (mem == nullptr)
        return false;
    GDALDatasetUniquePtr dst(mem->Create("", image.width, image.height, colourCount + 1,
                                         bytes ? GDT_Byte : GDT_Float32, nullptr));
    if (!dst)
        return false;
    double gt[6] = {extent.minX, extent.width() / image.width,   0, extent.maxY,
                    0,           -extent.height() / image.height};
    dst->SetGeoTransform(gt);
    dst->SetProjection(targetWkt.c_str());
    dst->GetRasterBand(colourCount + 1)->SetColorInterpretation(GCI_AlphaBand);

    CPLStringList args;
    for (const char* a : {"-q", "-ovr", "NONE", "-dstalpha", "-et", "0.125", "-wo",
                          "SKIP_NOSOURCE=YES", "-wo", "INIT_DEST=0"})
        args.AddString(a);
    args.AddString("-r");
    args.AddString(resampling == RasterResampling::Nearest ? "near" : "bilinear");
    args.AddString("-s_srs");
    args.AddString(sourceWkt.c_str());
    if (sourceAlpha)
        args.AddString("-srcalpha");
    GDALWarpAppOptions* options = GDALWarpAppOptionsNew(args.List(), nullptr);
    if (options == nullptr)
        return false;
    GDALDatasetH source = GDALDataset::ToHandle(&ds);
    int usageError = 0;
    GDALDatasetH out =
        GDALWarp(nullptr, GDALDataset::ToHandle(dst.get()), 1, &source, options, &usageError);
    GDALWarpAppOptionsFree(options);
    if (out == nullptr)
        return false;

    Planes p;
    p.width = image.width;
    p.height = image.height;
    const std::size_t count = static_cast<std::size_t>(p.width) * p.height;
    for (const int b : colourBandsOf(format))
    {
        p.bands.emplace_back(count);
        if (!readPlane(*dst->GetRasterBand(b), 0, 0, p.width, p.height, p.width, p.height,
                       GDT_Float32, p.bands.back().data(), nullptr))
            return false;
    }
    p.alpha.resize(count);
    if (!readPlane(*dst->GetRasterBand(colourCount + 1), 0, 0, p.width, p.height, p.width, p.height,
                   GDT_Byte, p.alpha.data(), nullptr))
        return false;
    compose(format, p, image, 0, 0);
    return true;
}

} // namespace redline::detail
