#include "redline/api/UntrustedInput.hpp"

#include <set>

#include <cpl_conv.h>
#include <gdal.h>

namespace redline
{

std::vector<std::string> restrictDriversForUntrustedInput()
{
    static const std::set<std::string> keep = {
        "GPKG", "ESRI Shapefile", "KML",     "LIBKML", "DXF",
        "CSV",  "XLSX",           "GeoJSON", "Memory", "PostgreSQL"};
    std::vector<GDALDriverH> drop;
    std::vector<std::string> kept;
    for (int i = 0; i < GDALGetDriverCount(); ++i)
    {
        GDALDriverH d = GDALGetDriver(i);
        const std::string name = GDALGetDriverShortName(d);
        if (keep.count(name))
            kept.push_back(name);
        else
            drop.push_back(d);
    }
    for (GDALDriverH d : drop)
    {
        GDALDeregisterDriver(d);
        GDALDestroyDriver(d);
    }
    // No /vsicurl/ reads (no file name extension matches) and no SQLite external access.
    CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", ".redline-none");
    CPLSetConfigOption("OGR_SQLITE_ALLOW_EXTERNAL_ACCESS", "NO");
    return kept;
}

} // namespace redline
