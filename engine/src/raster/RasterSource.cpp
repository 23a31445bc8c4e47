// Raster basemaps (redline/raster/RasterSource.hpp): open and describe once, then read any extent
// of the analysis CRS into premultiplied ARGB through the overview the zoom needs. Each read
// borrows a dataset handle opened on exactly that level (OVERVIEW_LEVEL=<n>only, or NONE for full
// resolution), so GDAL cannot pick another overview behind our back and no handle is used by two
// threads at once (GDAL datasets are not thread-safe).
#include "redline/raster/RasterSource.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include <cpl_string.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_spatialref.h>

#include "redline/core/Error.hpp"

#include "gdal/GdalErrorScope.hpp"
#include "raster/RasterPixels.hpp"

namespace fs = std::filesystem;

namespace redline
{
namespace
{

using detail::GdalErrorScope;

struct SrsDeleter
{
    void operator()(OGRSpatialReference* s) const
    {
        OGRSpatialReference::DestroySpatialReference(s);
    }
};
using SrsPtr = std::unique_ptr<OGRSpatialReference, SrsDeleter>;

struct TransformDeleter
{
    void operator()(OGRCoordinateTransformation* t) const
    {
        OGRCoordinateTransformation::DestroyCT(t);
    }
};

GDALDatasetUniquePtr openLevel(const std::string& path, int level)
{
    CPLStringList options;
    options.SetNameValue("OVERVIEW_LEVEL",
                         level < 0 ? "NONE" : (std::to_string(level) + "only").c_str());
    return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY,
                                                  nullptr, options.List(), nullptr));
}

// The CRS of the raster, or of the .prj beside it (world files carry none).
SrsPtr sourceSrs(GDALDataset& ds, const std::string& path)
{
    SrsPtr srs;
    if (const OGRSpatialReference* own = ds.GetSpatialRef())
        srs.reset(own->Clone());
    else
    {
        fs::path prj(path);
        prj.replace_extension(".prj");
        if (!fs::exists(prj))
            throw CrsError(path +
                           ": the raster has no CRS; put its .prj (the CRS as WKT) beside it "
                           "as " +
                           prj.filename().string() + ".");
        std::ifstream in(prj);
        std::stringstream buffer;
        buffer << in.rdbuf();
        std::string text = buffer.str();
        const auto first = text.find_first_not_of(" \t\r\n");
        text = first == std::string::npos ? std::string() : text.substr(first);
        srs.reset(new OGRSpatialReference());
        // WKT (OGC or ESRI flavour, as .prj files hold it), or anything GDAL reads as a CRS.
        CPLStringList lines(CSLTokenizeString2(text.c_str(), "\r\n", 0));
        if (srs->SetFromUserInput(text.c_str()) != OGRERR_NONE &&
            srs->importFromESRI(lines.List()) != OGRERR_NONE)
            throw CrsError(prj.string() + ": not a CRS GDAL understands.");
    }
    // An ESRI-flavoured .prj ("CGCS2000_3_Degree_GK_CM_120E") is matched to its EPSG entry, so that
    // it is recognised as the analysis CRS and named by its code.
    if (srs->GetAuthorityCode(nullptr) == nullptr)
        if (OGRSpatialReference* match = srs->FindBestMatch(90, "EPSG", nullptr))
            srs.reset(match);
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

std::string srsLabel(const OGRSpatialReference& srs)
{
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (authority != nullptr && code != nullptr)
        return std::string(authority) + ":" + code;
    const char* name = srs.GetName();
    return name != nullptr ? name : "unnamed CRS";
}

std::string wktOf(const OGRSpatialReference& srs)
{
    const char* const options[] = {"FORMAT=WKT2_2018", nullptr};
    char* wkt = nullptr;
    srs.exportToWkt(&wkt, options);
    std::string out = wkt != nullptr ? wkt : "";
    CPLFree(wkt);
    return out;
}

} // namespace

struct RasterSource::Impl
{
    RasterInfo info;
    std::array<double, 6> geoTransform{};
    std::vector<int> overviewIndex;   // GDAL overview numbers, finest first
    std::vector<double> overviewStep; // full-resolution pixels per overview pixel
    std::string sourceWkt;
    std::string targetWkt;
    detail::PixelFormat format;

    mutable std::mutex mutex;
    mutable std::map<int, std::vector<GDALDatasetUniquePtr>> idle; // level -> free handles

    GDALDatasetUniquePtr acquire(int level) const
    {
        {
            std::lock_guard lock(mutex);
            auto& free = idle[level];
            if (!free.empty())
            {
                GDALDatasetUniquePtr ds = std::move(free.back());
                free.pop_back();
                return ds;
            }
        }
        GdalErrorScope scope(info.path);
        GDALDatasetUniquePtr ds = openLevel(info.path, level);
        if (!ds)
            throw IoError(info.path + ": cannot open the raster" + scope.failureReason() + ".");
        return ds;
    }

    void release(int level, GDALDatasetUniquePtr ds) const
    {
        std::lock_guard lock(mutex);
        auto& free = idle[level];
        if (free.size() < 4)
            free.push_back(std::move(ds));
    }
};

RasterSource::RasterSource(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

RasterSource::~RasterSource() = default;

const RasterInfo& RasterSource::info() const
{
    return m_impl->info;
}

std::shared_ptr<const RasterSource> RasterSource::open(const std::string& path,
                                                       const Crs& analysisCrs)
{
    auto impl = std::make_unique<Impl>();
    RasterInfo& info = impl->info;
    info.path = path;
    GdalErrorScope scope(path);
    // Described with its overviews; reads use handles opened on one level (openLevel).
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds)
        throw IoError(path + ": GDAL cannot open it as a raster" + scope.failureReason() + ".");
    info.driver = ds->GetDriver() != nullptr ? ds->GetDriver()->GetDescription() : "";
    for (const char* key : {"DESCRIPTION", "TIFFTAG_IMAGEDESCRIPTION"})
        if (const char* d = ds->GetMetadataItem(key); d != nullptr && info.description.empty())
            info.description = d;
    info.width = ds->GetRasterXSize();
    info.height = ds->GetRasterYSize();
    info.bandCount = ds->GetRasterCount();
    if (info.bandCount < 1)
        throw IoError(path + ": the file holds no raster band.");
    if (ds->GetGeoTransform(impl->geoTransform.data()) != CE_None)
        throw IoError(path + ": the raster is not georeferenced (no geotransform, world file or "
                             "tie points GDAL can use).");
    const auto& gt = impl->geoTransform;

    SrsPtr source = sourceSrs(*ds, path);
    info.crs = srsLabel(*source);
    SrsPtr target(static_cast<const OGRSpatialReference*>(analysisCrs.nativeHandle())->Clone());
    target->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    impl->sourceWkt = wktOf(*source);
    impl->targetWkt = wktOf(*target);
    const char* const sameOptions[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", nullptr};
    info.sameCrs =
        gt[2] == 0 && gt[4] == 0 && gt[5] < 0 && source->IsSame(target.get(), sameOptions);

    // Footprint in the analysis CRS: the raster's corners, bounds transformed with densified edges.
    double minX = gt[0];
    double maxX = gt[0];
    double minY = gt[3];
    double maxY = gt[3];
    for (const auto& [px, py] :
         {std::pair{info.width, 0}, std::pair{0, info.height}, std::pair{info.width, info.height}})
    {
        const double x = gt[0] + px * gt[1] + py * gt[2];
        const double y = gt[3] + px * gt[4] + py * gt[5];
        minX = std::min(minX, x);
        maxX = std::max(maxX, x);
        minY = std::min(minY, y);
        maxY = std::max(maxY, y);
    }
    if (info.sameCrs)
        info.extent = {minX, minY, maxX, maxY};
    else
    {
        std::unique_ptr<OGRCoordinateTransformation, TransformDeleter> ct(
            OGRCreateCoordinateTransformation(source.get(), target.get()));
        Envelope e;
        if (!ct ||
            !ct->TransformBounds(minX, minY, maxX, maxY, &e.minX, &e.minY, &e.maxX, &e.maxY, 21))
            throw CrsError(path + ": its extent cannot be put in " + analysisCrs.label() +
                           " (from " + info.crs + ")" + scope.failureReason() + ".");
        info.extent = e;
    }
    info.pixelSizeM = info.extent.width() / info.width;

    // Overviews of band 1, finest first.
    GDALRasterBand* band = ds->GetRasterBand(1);
    std::vector<std::pair<int, int>> overviews; // width, GDAL index
    for (int i = 0; i < band->GetOverviewCount(); ++i)
        if (GDALRasterBand* o = band->GetOverview(i); o != nullptr && o->GetXSize() > 0)
            overviews.emplace_back(o->GetXSize(), i);
    std::sort(overviews.begin(), overviews.end(), std::greater<>());
    for (const auto& [w, i] : overviews)
    {
        info.overviewWidths.push_back(w);
        impl->overviewIndex.push_back(i);
        impl->overviewStep.push_back(static_cast<double>(info.width) / w);
    }

    impl->format = detail::pixelFormatOf(*ds, path, info);
    if (overviews.empty())
        impl->idle[-1].push_back(std::move(ds)); // the same as the full-resolution handle
    return std::shared_ptr<const RasterSource>(new RasterSource(std::move(impl)));
}

int RasterSource::overviewFor(double metresPerPixel) const
{
    const Impl& d = *m_impl;
    if (d.info.pixelSizeM <= 0)
        return -1;
    // Full-resolution pixels per screen pixel; tolerate rounding of the overview sizes.
    const double step = metresPerPixel / d.info.pixelSizeM * (1 + 1e-9);
    int position = -1;
    for (std::size_t i = 0; i < d.overviewStep.size(); ++i)
        if (d.overviewStep[i] <= step)
            position = static_cast<int>(i);
    return position < 0 ? -1 : d.overviewIndex[static_cast<std::size_t>(position)];
}

RasterImage RasterSource::read(const Envelope& extent, int width, int height,
                               RasterResampling resampling) const
{
    const Impl& d = *m_impl;
    RasterImage image;
    image.width = std::max(width, 0);
    image.height = std::max(height, 0);
    image.pixels.assign(static_cast<std::size_t>(image.width) * image.height, 0u);
    if (image.pixels.empty() || extent.isEmpty() || !extent.intersects(d.info.extent))
        return image;
    const int level = overviewFor(extent.width() / width);
    image.overview = level;
    if (d.format.colour == RasterColour::Palette)
        resampling = RasterResampling::Nearest; // colour indices cannot be interpolated
    GDALDatasetUniquePtr ds = d.acquire(level);
    GdalErrorScope scope(d.info.path);
    bool ok = false;
    if (d.info.sameCrs)
        ok = detail::readDirect(*ds, d.format, extent, resampling, image);
    else
        ok = detail::readWarped(*ds, d.format, d.sourceWkt, d.targetWkt, extent, resampling, image);
    d.release(level, std::move(ds));
    if (!ok || scope.failed())
        throw IoError(d.info.path + ": reading the raster failed" + scope.failureReason() + ".");
    return image;
}

} // namespace redline
