// import.vertex_rows on tables the tests write (CSV by hand, XLSX via GDAL's ogr2ogr): vertex rows
// with rings and holes, point rows in lon/lat, WKT columns, X/Y decided by magnitude. Expected
// geometry is the hand-drawn squares; lon/lat expectations are the values written.

#include <gtest/gtest.h>

#include "TestSupport.hpp"
#include "importers/vertex_rows/VertexRowsImporter.hpp"
#include "redline/core/Error.hpp"
#include "redline/io/VectorReader.hpp"

using namespace redline;
using redline::test::runCommand;
using redline::test::TempDir;
using redline::test::writeFile;

namespace
{

class VertexRows : public ::testing::Test
{
  protected:
    static void SetUpTestSuite() { gdalInit(); }

    Layer read(const std::string& name, const std::string& text)
    {
        const std::string path = m_dir.file(name);
        writeFile(path, text);
        EXPECT_TRUE(m_importer.canRead(path));
        return m_importer.read(path);
    }

    TempDir m_dir;
    VertexRowsImporter m_importer;
};

// Vertex rows of a 100 m square (A, zone-40 prefixed eastings) with a 20 m hole (ring 2), and a
// 50 m square (B); rows deliberately out of order.
const char* kVertexCsv = "site_id,order,ring,x,y,name\n"
                         "A,2,1,40567800,3115200,甲\n"
                         "A,1,1,40567700,3115200,甲\n"
                         "A,3,1,40567800,3115300,甲\n"
                         "A,4,1,40567700,3115300,甲\n"
                         "A,1,2,40567740,3115240,甲\n"
                         "A,2,2,40567760,3115240,甲\n"
                         "A,3,2,40567760,3115260,甲\n"
                         "A,4,2,40567740,3115260,甲\n"
                         "B,1,1,40568000,3115200,乙\n"
                         "B,2,1,40568050,3115200,乙\n"
                         "B,3,1,40568050,3115250,乙\n"
                         "B,4,1,40568000,3115250,乙\n";

} // namespace

TEST_F(VertexRows, CsvVertexRowsWithHole)
{
    const Layer l = read("v.csv", kVertexCsv);
    ASSERT_EQ(l.features.size(), 2u);
    EXPECT_EQ(l.crs.epsg(), 4528); // zone prefix 40 → CGCS2000 3-degree zone 40 (assumed)
    const auto& a = l.features[0];
    EXPECT_EQ(a.attributes.text("site_id"), "A");
    EXPECT_EQ(a.attributes.text("name"), "甲");
    EXPECT_EQ(a.geometry.type(), GeometryType::Polygon);
    ASSERT_EQ(a.geometry.parts()[0].size(), 2u);
    EXPECT_DOUBLE_EQ(a.geometry.planarArea(), 10000.0 - 400.0);
    EXPECT_EQ(a.geometry.parts()[0][0][0], (Point{40567700, 3115200})); // order 1 first
    EXPECT_DOUBLE_EQ(l.features[1].geometry.planarArea(), 2500.0);
    EXPECT_FALSE(l.warnings.empty()); // the CRS guess is announced
}

TEST_F(VertexRows, SurveyXyColumnsDecidedByMagnitude)
{
    // Chinese survey order: X坐标 = northing (7 digits), Y坐标 = easting (8 digits).
    const Layer l = read("xy.csv", "编号,序号,X坐标,Y坐标\n"
                                   "S,1,3115200,40567700\nS,2,3115200,40567800\n"
                                   "S,3,3115300,40567800\n");
    ASSERT_EQ(l.features.size(), 1u);
    const Ring& r = l.features[0].geometry.parts()[0][0];
    EXPECT_EQ(r[0], (Point{40567700, 3115200}));
    EXPECT_EQ(r[1], (Point{40567800, 3115200}));
    EXPECT_EQ(r.front(), r.back()); // closed by the importer
    EXPECT_DOUBLE_EQ(l.features[0].geometry.planarArea(), 5000.0);
}

TEST_F(VertexRows, LonLatPointRows)
{
    const Layer l = read("p.csv", "id,name,lon,lat\nP1,一,120.69,28.15\nP2,二,120.70,28.16\n");
    ASSERT_EQ(l.features.size(), 2u);
    EXPECT_EQ(l.features[1].geometry.type(), GeometryType::Point);
    EXPECT_EQ(l.features[1].geometry.parts()[0][0][0], (Point{120.70, 28.16}));
    EXPECT_EQ(l.crs.epsg(), 4490);
    EXPECT_NE(l.warnings.at(0).find("gcj02"), std::string::npos); // names the web-map option
}

TEST_F(VertexRows, WktColumnUnderAnyUsualName)
{
    const Layer l = read("w.csv", "site_id,geometry\n"
                                  "W,\"POLYGON((567700 3115200,567800 3115200,567800 3115300,"
                                  "567700 3115200))\"\n");
    ASSERT_EQ(l.features.size(), 1u);
    EXPECT_DOUBLE_EQ(l.features[0].geometry.planarArea(), 5000.0);
    EXPECT_FALSE(l.crs.isValid()); // 6-digit eastings: the zone is unknown, --site-crs needed
}

TEST_F(VertexRows, XlsxVertexRows)
{
    const std::string csv = m_dir.file("src.csv");
    writeFile(csv, kVertexCsv);
    const std::string xlsx = m_dir.file("sites.xlsx");
    const auto r = runCommand("ogr2ogr -f XLSX '" + xlsx + "' '" + csv + "'");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    ASSERT_TRUE(m_importer.canRead(xlsx));
    const Layer l = m_importer.read(xlsx);
    ASSERT_EQ(l.features.size(), 2u);
    EXPECT_DOUBLE_EQ(l.features[0].geometry.planarArea(), 9600.0);
    EXPECT_EQ(l.features[1].attributes.text("name"), "乙");
}

TEST_F(VertexRows, BadNumberNamesRowAndColumn)
{
    const std::string path = m_dir.file("bad.csv");
    writeFile(path, "site_id,lon,lat\nP1,120.69,28.15\nP2,12O.70,28.16\n");
    try
    {
        (void)m_importer.read(path);
        FAIL();
    }
    catch (const IoError& e)
    {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("bad.csv, row 3"), std::string::npos) << msg;
        EXPECT_NE(msg.find("12O.70"), std::string::npos) << msg;
    }
}

TEST_F(VertexRows, TablesWithoutCoordinatesAreNotClaimed)
{
    writeFile(m_dir.file("plain.csv"), "a,b\n1,2\n");
    EXPECT_FALSE(m_importer.canRead(m_dir.file("plain.csv")));
    writeFile(m_dir.file("x.txt"), "lon,lat\n1,2\n");
    EXPECT_FALSE(m_importer.canRead(m_dir.file("x.txt")));
}
