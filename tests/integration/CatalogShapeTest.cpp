// catalog.yaml values of the wrong YAML shape (found by the libFuzzer target
// tests/fuzz/CatalogFuzz.cpp: yaml-cpp's own exceptions escaped ZoningStore::load) give a
// ConfigError naming the file and where in it.

#include <gtest/gtest.h>

#include <string>

#include "TestSupport.hpp"
#include "redline/core/Error.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/model/ZoningStore.hpp"

namespace
{

using redline::test::TempDir;
using redline::test::writeFile;

// The ConfigError message loading `catalog` gives ("" when it throws no ConfigError).
std::string configErrorOf(const std::string& catalog)
{
    redline::gdalInit();
    TempDir dir;
    const std::string path = dir.file("catalog.yaml");
    writeFile(path, catalog);
    try
    {
        (void)redline::ZoningStore::load(path);
    }
    catch (const redline::ConfigError& e)
    {
        return e.what();
    }
    return {};
}

TEST(CatalogShape, LayersEntryThatIsNotAMap)
{
    // The fuzzer's input: the entry's first line lost a character, so YAML reads the entry as
    // one quoted text instead of a map.
    const std::string msg = configErrorOf("layers:\n  - 'ource: zones.geojson\n"
                                          "    kind: ecological_redline'\n");
    EXPECT_NE(msg.find("catalog.yaml, layers entry 1: not a map"), std::string::npos) << msg;
}

TEST(CatalogShape, CatalogThatIsNotAMap)
{
    const std::string msg = configErrorOf("- layers\n- zones.geojson\n");
    EXPECT_NE(msg.find("catalog.yaml: the catalog has no 'layers' list"), std::string::npos)
        << msg;
}

TEST(CatalogShape, SourceThatIsAList)
{
    const std::string msg = configErrorOf("layers:\n  - kind: ecological_redline\n"
                                          "    source: [a.gpkg, b.gpkg]\n");
    EXPECT_NE(msg.find("catalog.yaml, line 3: a catalog field has a value of the wrong type"),
              std::string::npos)
        << msg;
}

} // namespace
