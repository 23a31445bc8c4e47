#include "gdal/GdalHandles.hpp"

namespace redline::detail
{

GDALDatasetUniquePtr openVector(const std::string& path, bool update,
                                const char* const* openOptions, const char* const* allowedDrivers)
{
    const unsigned flags = GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    return GDALDatasetUniquePtr(
        GDALDataset::Open(path.c_str(), flags, allowedDrivers, openOptions, nullptr));
}

} // namespace redline::detail
