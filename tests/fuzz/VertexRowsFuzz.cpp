// libFuzzer target: the vertex-row importer (plugins/importers/vertex_rows) on arbitrary CSV
// contents, read through GDAL's CSV driver as a user's file is: column detection, axis and CRS
// guessing, WKT columns, vertex ordering and ring assembly. A redline::Error is the expected
// answer to bad input; anything else is a finding.

#include <cstddef>
#include <cstdint>

#include "FuzzScratch.hpp"
#include "importers/vertex_rows/VertexRowsImporter.hpp"
#include "redline/core/Error.hpp"
#include "redline/io/VectorReader.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    redline::gdalInit();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const redline::fuzz::ScratchDir dir;
    const std::string path = dir.write("sites.csv", data, size);
    const redline::VertexRowsImporter importer;
    try
    {
        (void)importer.read(path);
    }
    catch (const redline::Error&)
    {
    }
    return 0;
}
