#include "gdal/DriversByExtension.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <sstream>

#include <gdal_priv.h>

namespace redline::detail
{

namespace
{

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::vector<std::string> lookUp(const std::string& ext)
{
    std::vector<std::string> names;
    GDALDriverManager* manager = GetGDALDriverManager();
    for (int i = 0; i < manager->GetDriverCount(); ++i)
    {
        GDALDriver* driver = manager->GetDriver(i);
        if (!driver->GetMetadataItem(GDAL_DCAP_VECTOR))
            continue;
        std::string declared;
        if (const char* list = driver->GetMetadataItem(GDAL_DMD_EXTENSIONS))
            declared = list;
        else if (const char* one = driver->GetMetadataItem(GDAL_DMD_EXTENSION))
            declared = one;
        std::istringstream words(lower(declared));
        for (std::string word; words >> word;)
        {
            if (word == ext)
            {
                names.emplace_back(driver->GetDescription());
                break;
            }
        }
    }
    return names;
}

} // namespace

const std::vector<std::string>& vectorDriversForExtension(const std::string& ext)
{
    static std::mutex mutex;
    static std::map<std::string, std::vector<std::string>> known; // entries never move
    const std::string key = lower(ext);
    std::lock_guard lock(mutex);
    auto it = known.find(key);
    if (it == known.end())
        it = known.emplace(key, lookUp(key)).first;
    return it->second;
}

} // namespace redline::detail
