// 三区三线 coordination on the Yongjia demonstration store (issue 14): `redline check` finds the
// planted overlaps of the synthetic farmland and development boundary with the red line, each with
// the area and township that SpatiaLite computes on the same GeoPackage (GDAL's SQLite dialect:
// ST_Intersection / ST_Area, a second geometry library), and nothing else; with the planted
// features removed the store passes.

#include <filesystem>
#include <map>
#include <string>

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include "redline/io/VectorReader.hpp"
#include "redline/qa/Coordination.hpp"
#include "redline/qa/ZoningQa.hpp"

#include "TestSupport.hpp"

namespace fs = std::filesystem;

namespace redline
{
namespace
{

struct Expected
{
    double areaM2 = 0;
    std::string township; // the township holding most of the overlap
};

// red-line id + other id -> area and township, by SpatiaLite.
std::map<std::string, Expected> spatialiteOverlaps(const std::string& gpkg)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR));
    EXPECT_TRUE(ds);
    std::map<std::string, Expected> out;
    for (const char* other : {"permanent_farmland", "urban_development_boundary"})
    {
        // Each overlap against every township (GDAL's SQL layer does not take a correlated
        // sub-query here); the township with the largest share is kept below.
        const std::string sql =
            std::string("SELECT x.rid, x.oid, ST_Area(x.g) AS a, t.name AS town, "
                        "ST_Area(ST_Intersection(t.geom, x.g)) AS ta FROM (SELECT r.zone_id AS "
                        "rid, o.zone_id AS oid, ST_Intersection(r.geom, o.geom) AS g FROM "
                        "ecological_redline r, ") +
            other +
            " o WHERE ST_Intersects(r.geom, o.geom)) x, townships t WHERE ST_Area(x.g) > 1 AND "
            "ST_Area(ST_Intersection(t.geom, x.g)) > 0";
        OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, "SQLITE");
        EXPECT_NE(result, nullptr) << sql;
        if (result == nullptr)
            continue;
        std::map<std::string, double> best;
        for (const auto& f : *result)
        {
            const std::string key =
                std::string(f->GetFieldAsString("rid")) + "/" + f->GetFieldAsString("oid");
            const double share = f->GetFieldAsDouble("ta");
            out[key].areaM2 = f->GetFieldAsDouble("a");
            if (share > best[key])
            {
                best[key] = share;
                out[key].township = f->GetFieldAsString("town");
            }
        }
        ds->ReleaseResultSet(result);
    }
    return out;
}

class CoordinationYongjiaTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        const fs::path source = test::sourcePath("datasets/yongjia");
        if (!fs::exists(source / "zoning.gpkg"))
            GTEST_SKIP() << "datasets/yongjia not generated yet";
        gdalInit();
        fs::copy_file(source / "catalog.yaml", m_dir.path() / "catalog.yaml");
        fs::copy_file(source / "zoning.gpkg", m_dir.path() / "zoning.gpkg");
        m_gpkg = m_dir.file("zoning.gpkg");
    }

    static std::vector<QaFinding> coordination(const QaReport& r)
    {
        std::vector<QaFinding> out;
        for (const QaFinding& f : r.findings)
            if (f.check == "coordination_overlap")
                out.push_back(f);
        return out;
    }

    test::TempDir m_dir;
    std::string m_gpkg;
};

TEST_F(CoordinationYongjiaTest, PlantedOverlapsWithSpatialiteAreasAndTownships)
{
    const auto expected = spatialiteOverlaps(m_gpkg);
    // The three planted overlaps (datasets/yongjia/README.md) and nothing else.
    ASSERT_EQ(expected.size(), 3u);
    EXPECT_EQ(expected.count("HX-03/JBNT-P01"), 1u);
    EXPECT_EQ(expected.count("HX-02/JBNT-P02"), 1u);
    EXPECT_EQ(expected.count("HX-01/CZKF-P01"), 1u);

    for (const std::string& store : {m_gpkg, m_dir.file("catalog.yaml")})
    {
        const auto found = coordination(checkZoningStore(store));
        ASSERT_EQ(found.size(), expected.size()) << store;
        for (const QaFinding& f : found)
        {
            const auto it = expected.find(f.featureId + "/" + f.otherFeatureId);
            ASSERT_NE(it, expected.end()) << f.message;
            EXPECT_EQ(f.severity, QaSeverity::Error);
            EXPECT_NEAR(f.areaM2, it->second.areaM2, 1e-3) << f.message;
            // The first township named is the one holding most of the overlap.
            EXPECT_EQ(f.township.substr(0, it->second.township.size()), it->second.township)
                << f.message;
            EXPECT_NE(f.message.find(" 亩)"), std::string::npos) << f.message;
        }
    }
}

TEST_F(CoordinationYongjiaTest, StoreWithoutThePlantedFeaturesPasses)
{
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(m_gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        ASSERT_TRUE(ds);
        for (const char* layer : {"permanent_farmland", "urban_development_boundary"})
        {
            const std::string sql =
                std::string("DELETE FROM ") + layer + " WHERE zone_id LIKE '%-P%'";
            ds->ReleaseResultSet(ds->ExecuteSQL(sql.c_str(), nullptr, nullptr));
        }
    }
    EXPECT_TRUE(spatialiteOverlaps(m_gpkg).empty());
    const QaReport r = checkZoningStore(m_gpkg);
    EXPECT_TRUE(coordination(r).empty());
    EXPECT_EQ(r.errorCount(), 0u);
}

} // namespace
} // namespace redline
