// Inputs found by the libFuzzer target tests/fuzz/VertexRowsFuzz.cpp that crashed
// import.vertex_rows, reduced by hand; each must now be read without undefined behaviour.

#include <gtest/gtest.h>

#include <string>

#include "TestSupport.hpp"
#include "importers/vertex_rows/VertexRowsImporter.hpp"
#include "redline/io/VectorReader.hpp"

using redline::Layer;
using redline::VertexRowsImporter;
using redline::test::TempDir;
using redline::test::writeFile;

TEST(VertexRowsFuzzFindings, EastingTooLongForAZonePrefix)
{
    // A 100-digit easting: reading its zone prefix (easting / 10^6) overflowed an int. It has no
    // zone prefix, so the CRS is left for --site-crs.
    redline::gdalInit();
    TempDir dir;
    const std::string path = dir.file("long.csv");
    writeFile(path, "site_id,easting,northing\nL," + std::string(100, '5') + ",3115200\n");
    const Layer l = VertexRowsImporter().read(path);
    ASSERT_EQ(l.features.size(), 1u);
    EXPECT_FALSE(l.crs.isValid());
    ASSERT_EQ(l.warnings.size(), 1u);
    EXPECT_NE(l.warnings[0].find("give it with --site-crs"), std::string::npos) << l.warnings[0];
}
