#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>

#include "TestSupport.hpp"
#include "redline/core/Error.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/io/VectorWriter.hpp"

using namespace redline;
using redline::test::TempDir;
using redline::test::writeFile;

namespace
{

class VectorReader : public testing::Test
{
protected:
    static void SetUpTestSuite() { gdalInit(); }
    TempDir m_dir;

    std::string geojson(const std::string& name, const std::string& features,
                        const std::string& crs = "EPSG::4549")
    {
        const std::string path = m_dir.file(name);
        writeFile(path, R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:)" +
                            crs + R"("}},"features":[)" + features + "]}");
        return path;
    }

    // Expects `f` to throw E whose message contains every one of `parts`.
    template <typename E, typename F>
    void expectError(F f, std::initializer_list<std::string> parts)
    {
        try
        {
            f();
            FAIL() << "no exception";
        }
        catch (const E& e)
        {
            const std::string msg = e.what();
            EXPECT_EQ(msg.find('\n'), std::string::npos) << "one line: " << msg;
            for (const auto& p : parts)
                EXPECT_NE(msg.find(p), std::string::npos) << "'" << p << "' missing in: " << msg;
        }
    }
};

const std::string kSquare =
    R"({"type":"Feature","properties":{"site_id":"S1"},"geometry":{"type":"Polygon","coordinates":[[[560100,3120100],[560200,3120100],[560200,3120200],[560100,3120200],[560100,3120100]]]}})";

} // namespace

TEST_F(VectorReader, MissingFile)
{
    const std::string p = m_dir.file("nope.gpkg");
    expectError<IoError>([&] { (void)readLayer(p); }, {p, "not found"});
}

TEST_F(VectorReader, UnknownFormat)
{
    const std::string p = m_dir.file("sites.xyz");
    writeFile(p, "this is not GIS data\n");
    expectError<IoError>([&] { (void)readLayer(p); }, {p, "unknown or unreadable format"});
}

TEST_F(VectorReader, LayerNotFoundListsTheLayers)
{
    const std::string p = geojson("s.geojson", kSquare);
    ReadOptions o;
    o.layerName = "parcels";
    expectError<IoError>([&] { (void)readLayer(p, o); }, {p, "'parcels' not found", "layers: s"});
}

TEST_F(VectorReader, ReadsAttributesAndGeometry)
{
    const Layer l = readLayer(geojson("s.geojson", kSquare));
    ASSERT_EQ(l.features.size(), 1u);
    EXPECT_EQ(l.crs.epsg(), 4549);
    EXPECT_EQ(l.features[0].attributes.text("site_id"), "S1");
    EXPECT_DOUBLE_EQ(l.features[0].geometry.planarArea(), 10000.0);
}

TEST_F(VectorReader, MissingPrjIsRefusedWithAGuess)
{
    // A shapefile written without CRS: no .prj next to it.
    Layer l;
    l.name = "sites";
    Feature f;
    f.geometry = Geometry::point(120.65, 28.15);
    l.features.push_back(f);
    const std::string p = m_dir.file("noprj.shp");
    writeLayers(p, {l});
    ASSERT_FALSE(std::filesystem::exists(m_dir.file("noprj.prj")));
    expectError<CrsError>([&] { (void)readLayer(p); },
                          {p, "no coordinate reference system", "--site-crs", "EPSG:4490"});
    ReadOptions o;
    o.assumeCrs = Crs::fromEpsg(4490);
    o.targetCrs = Crs::fromEpsg(4549);
    const Layer read = readLayer(p, o);
    // cs2cs EPSG:4490 EPSG:4549: 28.15 120.65 -> 3115235.7125 563847.2274
    EXPECT_NEAR(read.features[0].geometry.envelope().minX, 563847.2274, 1e-3);
}

TEST_F(VectorReader, SwappedLonLatIsOutsideTheAreaOfUse)
{
    const std::string p = geojson(
        "swapped.geojson",
        R"({"type":"Feature","properties":{"site_id":"P7"},"geometry":{"type":"Point","coordinates":[28.15,120.65]}})",
        "OGC:1.3:CRS84");
    ReadOptions o;
    o.idField = "site_id";
    expectError<CrsError>([&] { (void)readLayer(p, o); }, {p, "feature 'P7'", "area of use", "swapped"});
}

// The layer's CRS is taken as GDAL read it (not through WKT 1, which drops the EPSG area of use):
// lon/lat degrees declared as EPSG:4549 (area of use 118.5–121.5°E, 24.43–53.33°N, projinfo) lie
// some 3,000 km from that area and are refused, not screened far away from every zone.
TEST_F(VectorReader, LonLatDeclaredProjectedIsOutsideTheAreaOfUse)
{
    const std::string p = geojson(
        "lonlat_as_4549.geojson",
        R"({"type":"Feature","properties":{"site_id":"D1"},"geometry":{"type":"Point","coordinates":[120.65,28.15]}})");
    ReadOptions o;
    o.idField = "site_id";
    expectError<CrsError>([&] { (void)readLayer(p, o); },
                          {p, "feature 'D1'", "area of use of EPSG:4549", "longitude/latitude"});
}

TEST_F(VectorReader, EmptyGeometryNamesTheFeature)
{
    const std::string p = geojson("empty.geojson",
                                  R"({"type":"Feature","properties":{"site_id":"E1"},"geometry":null})");
    ReadOptions o;
    o.idField = "site_id";
    expectError<GeometryError>([&] { (void)readLayer(p, o); }, {p, "feature 'E1'", "empty geometry"});
}

TEST_F(VectorReader, GeometryCollectionIsUnsupported)
{
    const std::string p = geojson(
        "gc.geojson",
        R"({"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[560100,3120100]}]}})");
    expectError<GeometryError>([&] { (void)readLayer(p); }, {p, "FID 0", "unsupported geometry type"});
}

TEST_F(VectorReader, BowTieIsRepairedWithAWarning)
{
    // Bow-tie (0,0)-(10,10)-(10,0)-(0,10): two triangles of 25 m² each once made valid.
    const std::string p = geojson(
        "bowtie.geojson",
        R"({"type":"Feature","properties":{"site_id":"B1"},"geometry":{"type":"Polygon","coordinates":[[[560000,3120000],[560010,3120010],[560010,3120000],[560000,3120010],[560000,3120000]]]}})");
    ReadOptions o;
    o.idField = "site_id";
    const Layer l = readLayer(p, o);
    ASSERT_EQ(l.features.size(), 1u);
    EXPECT_NEAR(l.features[0].geometry.planarArea(), 50.0, 1e-9);
    ASSERT_EQ(l.warnings.size(), 1u);
    EXPECT_NE(l.warnings[0].find("feature 'B1'"), std::string::npos);
    EXPECT_NE(l.warnings[0].find("make-valid"), std::string::npos);
}

TEST_F(VectorReader, ZValuesAreDroppedWithANote)
{
    const std::string p = geojson(
        "z.geojson",
        R"({"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[560100,3120100,12.5]}})");
    const Layer l = readLayer(p);
    ASSERT_EQ(l.warnings.size(), 1u);
    EXPECT_NE(l.warnings[0].find("Z/M values dropped"), std::string::npos);
}

namespace
{
// Writes a point shapefile whose name attribute is stored in GBK (CP936) bytes.
void writeGbkShapefile(const std::string& path)
{
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.importFromEPSG(4549);
    const char* opts[] = {"ENCODING=CP936", nullptr};
    OGRLayer* l = ds->CreateLayer("gbk", &srs, wkbPoint, const_cast<char**>(opts));
    OGRFieldDefn fd("name", OFTString);
    ASSERT_EQ(l->CreateField(&fd), OGRERR_NONE);
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
    f->SetField("name", "永嘉县桥头镇");
    f->SetGeometryDirectly(new OGRPoint(560100, 3120100));
    ASSERT_EQ(l->CreateFeature(f.get()), OGRERR_NONE);
}
} // namespace

TEST_F(VectorReader, GbkShapefileWithCpg)
{
    const std::string p = m_dir.file("gbk.shp");
    writeGbkShapefile(p);
    // The bytes on disk really are GBK: 永 = 0xD3C0.
    const std::string dbf = redline::test::readFile(m_dir.file("gbk.dbf"));
    EXPECT_NE(dbf.find("\xD3\xC0"), std::string::npos);
    EXPECT_EQ(readLayer(p).features[0].attributes.text("name"), "永嘉县桥头镇");
}

TEST_F(VectorReader, GbkShapefileWithoutCpgIsDetected)
{
    const std::string p = m_dir.file("gbk.shp");
    writeGbkShapefile(p);
    std::filesystem::remove(m_dir.file("gbk.cpg"));
    EXPECT_EQ(readLayer(p).features[0].attributes.text("name"), "永嘉县桥头镇");
}
