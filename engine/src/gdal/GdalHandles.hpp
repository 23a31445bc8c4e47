#pragma once
// Owning handles for GDAL objects (engine-internal; GDAL types never leave engine/src/gdal and
// engine/src/io). GDAL's own unique_ptr types cover datasets, features and geometries.

#include <memory>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace redline::detail
{

struct CplFree
{
    void operator()(void* p) const { CPLFree(p); }
};
using CplString = std::unique_ptr<char, CplFree>;

// Opens a vector dataset with any driver, or only the `allowedDrivers` (a null-terminated list
// of short names) when given; nullptr when GDAL cannot open it.
GDALDatasetUniquePtr openVector(const std::string& path, bool update = false,
                                const char* const* openOptions = nullptr,
                                const char* const* allowedDrivers = nullptr);

} // namespace redline::detail
