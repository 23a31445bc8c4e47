// libFuzzer target: the 界址点 importer (plugins/importers/jzd) on arbitrary file contents, from
// the encoding sniffer through tokenising, ring assembly, CRS decision and header checks.
// A redline::Error is the expected answer to bad input; anything else (another exception, a
// sanitizer report) is a finding.

#include <cstddef>
#include <cstdint>

#include "FuzzScratch.hpp"
#include "importers/jzd/JzdImporter.hpp"
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
    const std::string path = dir.write("parcels.txt", data, size);
    const redline::JzdImporter importer;
    try
    {
        (void)importer.canRead(path);
        (void)importer.read(path);
    }
    catch (const redline::Error&)
    {
    }
    return 0;
}
