#pragma once
// Owning handles for GDAL objects (engine-internal; GDAL types never leave engine/src/gdal and
// engine/src/io). GDAL's own unique_ptr types cover datasets, features and geometries.

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>

namespace redline::detail
{

struct CplFree
{
    void operator()(void* p) const { CPLFree(p); }
};
using CplString = std::unique_ptr<char, CplFree>;

// Opens a vector dataset; nullptr when GDAL cannot open it.
GDALDatasetUniquePtr openVector(const std::string& path, bool update = false,
                                const char* const* openOptions = nullptr);

} // namespace redline::detail
