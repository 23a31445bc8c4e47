// Raster basemaps (issue 14): the map renderer draws a raster's pixels where they belong after
// reprojection, checked pixel by pixel against GDAL's own command-line reader on the source file
// (`gdallocationinfo -l_srs EPSG:4549`, which transforms the location itself); the overview read
// at each zoom is the one the test derives from the overview sizes `gdalinfo -json` lists, seen
// in the pixels (each overview is filled with its own value). Test rasters are written here with
// GDAL's API and command-line tools.
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <ogr_spatialref.h>

#include "redline/core/Error.hpp"
#include "redline/model/ZoningStore.hpp"
#include "redline/raster/RasterSource.hpp"

#include "app/ViewerSession.hpp"
#include "render/ExtraLayers.hpp"
#include "render/MapRenderer.hpp"

using namespace redline;

namespace
{

std::string shell(const std::string& command)
{
    std::string out;
    FILE* p = popen(command.c_str(), "r");
    if (p == nullptr)
        return out;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, p) != nullptr)
        out += buf;
    pclose(p);
    return out;
}

// A 3-band Byte raster whose neighbouring pixels all differ: R = 7x+13, G = 5y+x, B = x²+3y (mod
// 256). `gt` and `epsg` place it.
void writePattern(const std::string& path, int w, int h, const double gt[6], int epsg)
{
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
    const char* const options[] = {"TILED=YES", nullptr};
    GDALDatasetUniquePtr ds(
        drv->Create(path.c_str(), w, h, 3, GDT_Byte, const_cast<char**>(options)));
    ASSERT_TRUE(ds);
    double t[6];
    std::copy(gt, gt + 6, t);
    ds->SetGeoTransform(t);
    OGRSpatialReference srs;
    srs.importFromEPSG(epsg);
    ds->SetSpatialRef(&srs);
    std::vector<std::uint8_t> band(static_cast<std::size_t>(w) * h);
    for (int b = 1; b <= 3; ++b)
    {
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                band[static_cast<std::size_t>(y) * w + x] =
                    static_cast<std::uint8_t>(b == 1   ? 7 * x + 13
                                              : b == 2 ? 5 * y + x
                                                       : x * x + 3 * y);
        ASSERT_EQ(ds->GetRasterBand(b)->RasterIO(GF_Write, 0, 0, w, h, band.data(), w, h, GDT_Byte,
                                                 0, 0, nullptr),
                  CE_None);
    }
}

struct Rgb
{
    int r = -1, g = -1, b = -1;
};

// gdallocationinfo on the source for map points given in EPSG:4549 (`-geoloc` for a raster
// without CRS whose .prj says EPSG:4549: GDAL does not read .prj files beside images).
std::vector<Rgb> gdalValues(const std::string& path, const std::vector<Point>& points,
                            const std::string& extra = "", bool geoloc = false)
{
    QTemporaryDir dir;
    const std::string input = dir.filePath(QStringLiteral("points.txt")).toStdString();
    {
        std::ofstream out(input);
        out.precision(12);
        for (const Point& p : points)
            out << p.x << " " << p.y << "\n";
    }
    std::istringstream lines(shell("gdallocationinfo -valonly " + extra +
                                   (geoloc ? " -geoloc '" : " -l_srs EPSG:4549 '") + path +
                                   "' < '" + input + "'"));
    // One line per band and point (RGBA rasters give four).
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER));
    const int bands = ds ? ds->GetRasterCount() : 3;
    std::vector<Rgb> out;
    for (std::size_t i = 0; i < points.size(); ++i)
    {
        Rgb v;
        lines >> v.r >> v.g >> v.b;
        for (int b = 3; b < bands; ++b)
        {
            int ignored = 0;
            lines >> ignored;
        }
        out.push_back(v);
    }
    return out;
}

// GDAL/PROJ's own inverse (`gdaltransform -i -t_srs EPSG:4549 FILE`: map point -> source pixel
// and line), to leave out image pixels whose centre falls within 0.2 source pixel of a pixel edge
// (where the warper's approximate transformer, 0.125 px, may pick the neighbour).
std::vector<Point> sourcePixels(const std::string& path, const std::vector<Point>& points,
                                bool geoloc = false)
{
    QTemporaryDir dir;
    const std::string input = dir.filePath(QStringLiteral("points.txt")).toStdString();
    {
        std::ofstream out(input);
        out.precision(12);
        for (const Point& p : points)
            out << p.x << " " << p.y << "\n";
    }
    std::istringstream lines(shell("gdaltransform -i " +
                                   std::string(geoloc ? "" : "-t_srs EPSG:4549 ") + "'" + path +
                                   "' < '" + input + "'"));
    std::vector<Point> out;
    for (std::size_t i = 0; i < points.size(); ++i)
    {
        double x = 0, y = 0, z = 0;
        lines >> x >> y >> z;
        out.push_back({x, y});
    }
    return out;
}

bool nearEdge(double v)
{
    const double f = v - std::floor(v);
    return f < 0.2 || f > 0.8;
}

QImage renderBasemap(const std::shared_ptr<const RasterSource>& raster, const MapTransform& view)
{
    RenderRequest req;
    req.view = view;
    req.labels = false;
    RenderLayer layer = basemapLayer(raster);
    layer.resampling = RasterResampling::Nearest;
    req.layers.push_back(layer);
    req.background = Qt::transparent;
    QImage img(view.sizePx().toSize(), QImage::Format_ARGB32);
    img.fill(Qt::transparent);
    QPainter p(&img);
    MapRenderer::render(req, p);
    return img;
}

// Checks every 23rd pixel of the image against gdallocationinfo on the source.
void expectPixelsMatchSource(const std::string& path, const MapTransform& view, bool geoloc = false)
{
    const auto raster = RasterSource::open(path, Crs::fromEpsg(4549));
    const QImage img = renderBasemap(raster, view);
    std::vector<QPoint> pixels;
    std::vector<Point> centres;
    for (int y = 5; y < img.height(); y += 17)
        for (int x = 5; x < img.width(); x += 17)
        {
            pixels.emplace_back(x, y);
            centres.push_back(view.toMap(QPointF(x + 0.5, y + 0.5)));
        }
    // gdallocationinfo prints nothing for a point off the raster: ask only for those on it.
    const auto source = sourcePixels(path, centres, geoloc);
    std::vector<std::size_t> asked;
    std::vector<Point> askedCentres;
    for (std::size_t i = 0; i < pixels.size(); ++i)
    {
        const Point s = source[i];
        const bool inside =
            s.x >= 0 && s.y >= 0 && s.x < raster->info().width && s.y < raster->info().height;
        const QColor c = img.pixelColor(pixels[i]);
        if (!inside)
        {
            EXPECT_EQ(c.alpha(), 0) << "pixel " << pixels[i].x() << "," << pixels[i].y();
            continue;
        }
        if (nearEdge(s.x) || nearEdge(s.y))
            continue;
        asked.push_back(i);
        askedCentres.push_back(centres[i]);
    }
    const auto values = gdalValues(path, askedCentres, "", geoloc);
    int compared = 0;
    for (std::size_t k = 0; k < asked.size(); ++k)
    {
        const QPoint px = pixels[asked[k]];
        const QColor c = img.pixelColor(px);
        ++compared;
        EXPECT_EQ(c.alpha(), 255) << "pixel " << px.x() << "," << px.y();
        EXPECT_EQ(c.red(), values[k].r) << "pixel " << px.x() << "," << px.y();
        EXPECT_EQ(c.green(), values[k].g) << "pixel " << px.x() << "," << px.y();
        EXPECT_EQ(c.blue(), values[k].b) << "pixel " << px.x() << "," << px.y();
    }
    EXPECT_GE(compared, 20);
}

} // namespace

TEST(RasterBasemap, LonLatRasterIsReprojectedPixelForPixel)
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("lonlat.tif")).toStdString();
    // 240 x 200 pixels of 0.0005° over 120.60–120.72 E, 28.10–28.20 N (CGCS2000 lon/lat).
    const double gt[6] = {120.60, 0.0005, 0, 28.20, 0, -0.0005};
    writePattern(path, 240, 200, gt, 4490);
    const auto raster = RasterSource::open(path, Crs::fromEpsg(4549));
    EXPECT_FALSE(raster->info().sameCrs);
    EXPECT_EQ(raster->info().crs, "EPSG:4490");
    // A view of 380 x 300 px at 30 m (smaller than the ~49 x 55 m source pixels) over the
    // raster's south-east corner, so the edge of coverage is in view too.
    const Envelope e = raster->info().extent;
    const MapTransform view({e.maxX - 4000, e.minY + 3000}, 30, QSizeF(380, 300));
    expectPixelsMatchSource(path, view);
}

TEST(RasterBasemap, RasterInTheAnalysisCrsIsReadDirectly)
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("gk.tif")).toStdString();
    const double gt[6] = {560000, 10, 0, 3110000, 0, -10};
    writePattern(path, 300, 250, gt, 4549);
    const auto raster = RasterSource::open(path, Crs::fromEpsg(4549));
    EXPECT_TRUE(raster->info().sameCrs);
    EXPECT_NEAR(raster->info().pixelSizeM, 10, 1e-9);
    // 7.3 m pixels, a view that is not aligned to the raster's grid.
    expectPixelsMatchSource(path, MapTransform({561234.5, 3108765.4}, 7.3, QSizeF(300, 260)));
}

TEST(RasterBasemap, OverviewIsChosenByZoom)
{
    QTemporaryDir dir;
    const std::string gk = dir.filePath(QStringLiteral("ovr.tif")).toStdString();
    const double gt[6] = {560000, 10, 0, 3120000, 0, -10};
    writePattern(gk, 1024, 1024, gt, 4549);
    ASSERT_EQ(std::system(("gdaladdo -q '" + gk + "' 2 4 8 16").c_str()), 0);
    {
        // Each overview filled with its own value, so the pixels say which one was read.
        GDALDatasetUniquePtr ds(GDALDataset::Open(gk.c_str(), GDAL_OF_RASTER | GDAL_OF_UPDATE));
        for (int b = 1; b <= 3; ++b)
            for (int i = 0; i < 4; ++i)
                ds->GetRasterBand(b)->GetOverview(i)->Fill(40.0 * (i + 1) + b);
    }
    // The same file declared in the zone-prefixed CRS (EPSG:4528, false easting 40,500,000 m):
    // read through the warper, with the same overviews.
    const std::string zoned = dir.filePath(QStringLiteral("zoned.vrt")).toStdString();
    ASSERT_EQ(std::system(("gdal_translate -q -of VRT -a_srs EPSG:4528 -a_ullr 40560000 3120000 "
                           "40570240 3109760 '" +
                           gk + "' '" + zoned + "'")
                              .c_str()),
              0);

    // Expected level: the coarsest overview whose downsampling (width / overview width, from
    // gdalinfo -json on the file read: a VRT lists the implicit overviews it exposes) is at most
    // the zoom's metres per pixel / 10 m.
    const Point centre{565120 + 3.3, 3114880 - 4.1};
    for (const std::string& path : {gk, zoned})
    {
        const auto info = nlohmann::json::parse(shell("gdalinfo -json '" + path + "'"));
        std::vector<double> factors;
        std::vector<int> widths;
        for (const auto& o : info["bands"][0]["overviews"])
        {
            widths.push_back(o["size"][0].get<int>());
            factors.push_back(1024.0 / widths.back());
        }
        ASSERT_GE(factors.size(), 3u) << path;
        const auto raster = RasterSource::open(path, Crs::fromEpsg(4549));
        EXPECT_EQ(raster->info().overviewWidths, widths);
        EXPECT_EQ(raster->info().sameCrs, path == gk);
        for (const double mpp : {10.0, 15.0, 20.0, 39.0, 40.0, 100.0, 160.0, 1000.0})
        {
            int expected = -1;
            for (std::size_t i = 0; i < factors.size(); ++i)
                if (factors[i] <= mpp / 10.0)
                    expected = static_cast<int>(i);
            EXPECT_EQ(raster->overviewFor(mpp), expected) << path << " at " << mpp << " m/px";
            const MapTransform view(centre, mpp, QSizeF(64, 48));
            const QImage img = renderBasemap(raster, view);
            const QColor c = img.pixelColor(32, 24);
            // gdallocationinfo -overview N reads overview N (1-based) of the GeoTIFF.
            const std::string which =
                expected < 0 ? "" : "-overview " + std::to_string(expected + 1);
            const Rgb v = gdalValues(gk, {view.toMap(QPointF(32.5, 24.5))}, which)[0];
            EXPECT_EQ(c.red(), v.r) << path << " at " << mpp << " m/px";
            EXPECT_EQ(c.green(), v.g) << path << " at " << mpp << " m/px";
            EXPECT_EQ(c.blue(), v.b) << path << " at " << mpp << " m/px";
        }
    }
}

TEST(RasterBasemap, WorldFileNeedsItsPrj)
{
    QTemporaryDir dir;
    const std::string tif = dir.filePath(QStringLiteral("src.tif")).toStdString();
    const double gt[6] = {560000, 10, 0, 3110000, 0, -10};
    writePattern(tif, 100, 80, gt, 4549);
    const std::string png = dir.filePath(QStringLiteral("photo.png")).toStdString();
    ASSERT_EQ(std::system(("gdal_translate -q -of PNG -co WORLDFILE=YES '" + tif + "' '" + png +
                           "' && rm -f '" + png + ".aux.xml'")
                              .c_str()),
              0);
    try
    {
        (void)RasterSource::open(png, Crs::fromEpsg(4549));
        FAIL() << "a world file without CRS was accepted";
    }
    catch (const CrsError& e)
    {
        EXPECT_NE(std::string(e.what()).find("photo.prj"), std::string::npos) << e.what();
    }
    ASSERT_EQ(std::system(("gdalsrsinfo -o wkt_esri EPSG:4549 > '" +
                           dir.filePath(QStringLiteral("photo.prj")).toStdString() + "'")
                              .c_str()),
              0);
    const auto raster = RasterSource::open(png, Crs::fromEpsg(4549));
    EXPECT_TRUE(raster->info().sameCrs);
    EXPECT_EQ(raster->info().crs, "EPSG:4549");
    expectPixelsMatchSource(png, MapTransform({560400, 3109600}, 4, QSizeF(150, 120)), true);
}

TEST(RasterBasemap, VrtMosaicAndMbtiles)
{
    QTemporaryDir dir;
    // Two tiles side by side, joined by gdalbuildvrt.
    const std::string west = dir.filePath(QStringLiteral("west.tif")).toStdString();
    const std::string east = dir.filePath(QStringLiteral("east.tif")).toStdString();
    const double gw[6] = {560000, 10, 0, 3110000, 0, -10};
    const double ge[6] = {561000, 10, 0, 3110000, 0, -10};
    writePattern(west, 100, 100, gw, 4549);
    writePattern(east, 100, 100, ge, 4549);
    const std::string vrt = dir.filePath(QStringLiteral("mosaic.vrt")).toStdString();
    ASSERT_EQ(std::system(("gdalbuildvrt -q '" + vrt + "' '" + west + "' '" + east + "'").c_str()),
              0);
    expectPixelsMatchSource(vrt, MapTransform({561000, 3109500}, 6.1, QSizeF(300, 150)));

    // MBTiles (web-mercator tiles with zoom levels as overviews), from the lon/lat pattern.
    const std::string lonlat = dir.filePath(QStringLiteral("ll.tif")).toStdString();
    const double gl[6] = {120.60, 0.0005, 0, 28.20, 0, -0.0005};
    writePattern(lonlat, 240, 200, gl, 4326);
    const std::string mbtiles = dir.filePath(QStringLiteral("tiles.mbtiles")).toStdString();
    ASSERT_EQ(std::system(("gdal_translate -q -of MBTiles -co TILE_FORMAT=PNG -r near '" + lonlat +
                           "' '" + mbtiles + "'")
                              .c_str()),
              0);
    const auto raster = RasterSource::open(mbtiles, Crs::fromEpsg(4549));
    EXPECT_EQ(raster->info().driver, "MBTiles");
    const Envelope e = raster->info().extent;
    expectPixelsMatchSource(mbtiles, MapTransform({(e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2},
                                                  25, QSizeF(300, 240)));
}

// Over a basemap the control units, which cover the whole county, are drawn translucent: inside
// their fills each pixel is the layer drawn opaque over the basemap composed with the bare basemap
// by the opacity (a·P₁ + (1 − a)·B, Porter–Duff "over" by hand), so the blue basemap shows.
TEST(RasterBasemap, ControlUnitsLetTheBasemapShowThrough)
{
    const std::string zones = std::string(REDLINE_SOURCE_DIR) + "/datasets/yongjia/zoning.gpkg";
    if (!std::filesystem::exists(zones))
        GTEST_SKIP() << "datasets/yongjia not generated";
    QTemporaryDir dir;
    const std::string blue = dir.filePath(QStringLiteral("blue.tif")).toStdString();
    ASSERT_EQ(std::system(("gdal_create -q -outsize 70 73 -bands 3 -burn 0 -burn 0 -burn 255 "
                           "-a_srs EPSG:4549 -a_ullr 529000 3170000 599000 3097000 '" +
                           blue + "'")
                              .c_str()),
              0);
    ViewerSession session;
    session.setStore(ZoningStore::load(zones));
    session.addBasemap(blue);
    const RenderLayer* base = nullptr;
    const RenderLayer* units = nullptr;
    for (const RenderLayer& l : session.layers())
    {
        if (l.kind == "basemap")
            base = &l;
        if (l.kind == "control_units")
            units = &l;
    }
    ASSERT_TRUE(base != nullptr && units != nullptr);
    EXPECT_DOUBLE_EQ(units->opacity, kControlUnitsOverBasemap);
    EXPECT_LT(units->opacity, 1.0);

    const MapTransform view =
        MapTransform::fit(base->raster->info().extent, QSizeF(400, 420), 96, 0.0);
    const auto render = [&](std::vector<RenderLayer> layers)
    {
        RenderRequest req;
        req.view = view;
        req.labels = false;
        req.layers = std::move(layers);
        QImage img(view.sizePx().toSize(), QImage::Format_ARGB32);
        img.fill(Qt::white);
        QPainter p(&img);
        MapRenderer::render(req, p);
        return img;
    };
    RenderLayer opaque = *units;
    opaque.opacity = 1.0;
    const QImage b = render({*base});
    const QImage p1 = render({*base, opaque});
    const QImage pa = render({*base, *units});
    const double a = units->opacity;
    // The layer's primitives are composed one by one, so the rule holds where one primitive covers
    // the pixel: inside a fill, 3 px or more from any outline (the opaque render is uniform there).
    const auto uniformAround = [&](int x, int y)
    {
        for (int dy = -3; dy <= 3; ++dy)
            for (int dx = -3; dx <= 3; ++dx)
                if (p1.pixel(x + dx, y + dy) != p1.pixel(x, y))
                    return false;
        return true;
    };
    int covered = 0;
    for (int y = 5; y < pa.height() - 5; y += 7)
        for (int x = 5; x < pa.width() - 5; x += 7)
        {
            const QColor cb = b.pixelColor(x, y), c1 = p1.pixelColor(x, y),
                         ca = pa.pixelColor(x, y);
            if (c1 == cb || !uniformAround(x, y))
                continue;
            ++covered;
            EXPECT_NEAR(ca.red(), a * c1.red() + (1 - a) * cb.red(), 2) << x << "," << y;
            EXPECT_NEAR(ca.green(), a * c1.green() + (1 - a) * cb.green(), 2) << x << "," << y;
            EXPECT_NEAR(ca.blue(), a * c1.blue() + (1 - a) * cb.blue(), 2) << x << "," << y;
        }
    EXPECT_GT(covered, 500); // the control units are in view
}
