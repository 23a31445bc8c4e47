// libFuzzer target: a zoning store's catalog.yaml (engine/src/model/ZoningStore) on arbitrary
// contents, loaded from a folder that also holds one small valid zone layer (zones.geojson), so
// that catalogs naming it get through to layer reading, CRS handling and validation.
// Inputs containing '/', '\' or ".." are skipped: they could name files or network sources
// outside the scratch folder (GDAL opens URLs, devices and connection strings), which is not
// the catalog parser's behaviour under test. A redline::Error is the expected answer to a bad
// catalog; anything else is a finding.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "FuzzScratch.hpp"
#include "redline/core/Error.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/model/ZoningStore.hpp"

namespace
{

// A 100 m square red-line zone in EPSG:4549 (metres).
constexpr std::string_view kZones =
    R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4549"}},)"
    R"("features":[{"type":"Feature","properties":{"zone_id":"R1","name":"红线一",)"
    R"("redline_type":"water_conservation"},"geometry":{"type":"Polygon","coordinates":)"
    R"([[[560000,3110000],[560100,3110000],[560100,3110100],[560000,3110100],)"
    R"([560000,3110000]]]}}]})";

const redline::fuzz::ScratchDir& scratch()
{
    static const redline::fuzz::ScratchDir dir;
    return dir;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    redline::gdalInit();
    (void)scratch().write("zones.geojson", kZones.data(), kZones.size());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (text.find_first_of("/\\") != std::string_view::npos ||
        text.find("..") != std::string_view::npos)
        return -1; // not added to the corpus
    const std::string path = scratch().write("catalog.yaml", data, size);
    try
    {
        (void)redline::ZoningStore::load(path);
    }
    catch (const redline::Error&)
    {
    }
    return 0;
}
