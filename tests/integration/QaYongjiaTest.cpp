// Zoning QA on a copy of the Yongjia store (datasets/yongjia): the clean store passes, and each
// planted fault is found with its location and area. Expected values are computed here with
// GDAL/OGR on the planted shapes (squares placed by hand), not by the QA code under test.

#include <filesystem>
#include <functional>

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include "redline/io/VectorReader.hpp"
#include "redline/qa/ZoningQa.hpp"

#include "TestSupport.hpp"

namespace fs = std::filesystem;

namespace redline
{
namespace
{

class QaYongjiaTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        const fs::path source = test::sourcePath("datasets/yongjia");
        if (!fs::exists(source / "catalog.yaml") || !fs::exists(source / "zoning.gpkg"))
            GTEST_SKIP() << "datasets/yongjia not generated yet";
        gdalInit();
        fs::copy_file(source / "catalog.yaml", m_dir.path() / "catalog.yaml");
        fs::copy_file(source / "zoning.gpkg", m_dir.path() / "zoning.gpkg");
        m_catalog = m_dir.file("catalog.yaml");
        m_gpkg = m_dir.file("zoning.gpkg");
    }

    // Runs `plant` on the copy opened for update.
    void plant(const std::function<void(GDALDataset&)>& change)
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(m_gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        ASSERT_TRUE(ds);
        change(*ds);
    }

    std::vector<QaFinding> run(const std::string& check)
    {
        m_report = checkZoningStore(m_catalog);
        std::vector<QaFinding> out;
        for (const auto& f : m_report.findings)
            if (f.check == check)
                out.push_back(f);
        return out;
    }

    std::string dump() const
    {
        std::string s;
        for (const auto& f : m_report.findings)
            s += f.check + ": " + f.message + "\n";
        return s;
    }

    test::TempDir m_dir;
    std::string m_catalog;
    std::string m_gpkg;
    QaReport m_report;
};

OGRFeatureUniquePtr featureWhere(OGRLayer& layer, const std::string& filter)
{
    layer.SetAttributeFilter(filter.c_str());
    layer.ResetReading();
    OGRFeatureUniquePtr f(layer.GetNextFeature());
    layer.SetAttributeFilter(nullptr);
    return f;
}

std::unique_ptr<OGRPolygon> square(double cx, double cy, double half)
{
    auto ring = std::make_unique<OGRLinearRing>();
    ring->addPoint(cx - half, cy - half);
    ring->addPoint(cx + half, cy - half);
    ring->addPoint(cx + half, cy + half);
    ring->addPoint(cx - half, cy + half);
    ring->addPoint(cx - half, cy - half);
    auto poly = std::make_unique<OGRPolygon>();
    poly->addRingDirectly(ring.release());
    return poly;
}

// A point well inside a feature (OGR's point on surface) around which a 200 m square fits.
OGRPoint interiorPoint(const OGRGeometry& g)
{
    OGRGeometryH h = OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&g)));
    EXPECT_NE(h, nullptr);
    OGRPoint p(OGR_G_GetX(h, 0), OGR_G_GetY(h, 0));
    OGR_G_DestroyGeometry(h);
    return p;
}

void expectNear(const QaFinding& f, double x, double y, double within)
{
    ASSERT_TRUE(f.location) << f.message;
    EXPECT_NEAR(f.location->x, x, within) << f.message;
    EXPECT_NEAR(f.location->y, y, within) << f.message;
}

TEST_F(QaYongjiaTest, CleanStorePasses)
{
    const QaReport r = checkZoningStore(m_catalog);
    m_report = r;
    // The only errors are the three 三区三线 overlaps planted in the synthetic farmland and
    // development boundary (issue 14; CoordinationYongjiaTest checks them).
    std::size_t planted = 0;
    for (const auto& f : r.findings)
        planted += f.check == "coordination_overlap" ? 1 : 0;
    EXPECT_EQ(planted, 3u) << dump();
    EXPECT_EQ(r.errorCount(), planted) << dump();
    for (const auto& l : r.layers)
    {
        if (l.layer == "ecological_redline")
        {
            EXPECT_NEAR(l.ellipsoidalAreaKm2, 426.98, 0.005);
        }
    }
}

TEST_F(QaYongjiaTest, BowTieInTheRedLine)
{
    double cx = 0, cy = 0;
    plant(
        [&](GDALDataset& ds)
        {
            OGRLayer* layer = ds.GetLayerByName("ecological_redline");
            OGRFeatureUniquePtr f = featureWhere(*layer, "1 = 1");
            const OGRPoint p = interiorPoint(*f->GetGeometryRef());
            cx = p.getX();
            cy = p.getY();
            // Replace the feature by a bow-tie whose two edges cross at (cx, cy).
            OGRLinearRing ring;
            ring.addPoint(cx - 50, cy - 50);
            ring.addPoint(cx + 50, cy + 50);
            ring.addPoint(cx + 50, cy - 50);
            ring.addPoint(cx - 50, cy + 50);
            ring.addPoint(cx - 50, cy - 50);
            OGRPolygon poly;
            poly.addRing(&ring);
            OGRMultiPolygon multi;
            multi.addGeometry(&poly);
            f->SetGeometry(&multi);
            ASSERT_EQ(layer->SetFeature(f.get()), OGRERR_NONE);
        });
    const auto found = run("invalid_geometry");
    ASSERT_EQ(found.size(), 1u) << dump();
    EXPECT_EQ(found[0].layer, "ecological_redline");
    expectNear(found[0], cx, cy, 1e-6);
    // The red line lost most of a zone: its total no longer matches 426.98 km².
    EXPECT_EQ(run("official_area").size(), 1u) << dump();
}

TEST_F(QaYongjiaTest, OverlapAndGapBetweenControlUnits)
{
    double ox = 0, oy = 0, gx = 0, gy = 0;
    plant(
        [&](GDALDataset& ds)
        {
            OGRLayer* layer = ds.GetLayerByName("control_units");
            // Overlap: a new 200 m × 200 m general unit inside ZH33032430001.
            OGRFeatureUniquePtr a = featureWhere(*layer, "unit_code = 'ZH33032430001'");
            ASSERT_TRUE(a);
            const OGRPoint pa = interiorPoint(*a->GetGeometryRef());
            ox = pa.getX();
            oy = pa.getY();
            auto sq = square(ox, oy, 100);
            ASSERT_TRUE(sq->Within(a->GetGeometryRef()));
            OGRFeature added(layer->GetLayerDefn());
            added.SetField("unit_code", "ZH33032430099");
            added.SetField("unit_type", "general");
            OGRMultiPolygon multi;
            multi.addGeometry(sq.get());
            added.SetGeometry(&multi);
            ASSERT_EQ(layer->CreateFeature(&added), OGRERR_NONE);
            // Gap: a 200 m × 200 m hole cut out of ZH33032430002.
            OGRFeatureUniquePtr b = featureWhere(*layer, "unit_code = 'ZH33032430002'");
            ASSERT_TRUE(b);
            const OGRPoint pb = interiorPoint(*b->GetGeometryRef());
            gx = pb.getX();
            gy = pb.getY();
            auto hole = square(gx, gy, 100);
            ASSERT_TRUE(hole->Within(b->GetGeometryRef()));
            OGRGeometryUniquePtr cut(b->GetGeometryRef()->Difference(hole.get()));
            b->SetGeometryDirectly(OGRGeometryFactory::forceToMultiPolygon(cut.release()));
            ASSERT_EQ(layer->SetFeature(b.get()), OGRERR_NONE);
        });
    const auto overlaps = run("partition_overlap");
    ASSERT_EQ(overlaps.size(), 1u) << dump();
    EXPECT_NEAR(overlaps[0].areaM2, 40000, 1e-3);
    expectNear(overlaps[0], ox, oy, 100);
    const auto gaps = run("partition_gap");
    std::vector<QaFinding> unitGaps;
    for (const auto& g : gaps)
        if (g.layer == "control_units")
            unitGaps.push_back(g);
    ASSERT_EQ(unitGaps.size(), 1u) << dump();
    EXPECT_NEAR(unitGaps[0].areaM2, 40000, 1e-3);
    expectNear(unitGaps[0], gx, gy, 100);
}

TEST_F(QaYongjiaTest, AttributeDomainsAndUnitCodes)
{
    plant(
        [&](GDALDataset& ds)
        {
            OGRLayer* units = ds.GetLayerByName("control_units");
            OGRFeatureUniquePtr a = featureWhere(*units, "unit_code = 'ZH33032430001'");
            a->SetField("unit_type", "priority"); // class digit 3 disagrees
            ASSERT_EQ(units->SetFeature(a.get()), OGRERR_NONE);
            OGRFeatureUniquePtr b = featureWhere(*units, "unit_code = 'ZH33032430002'");
            b->SetField("unit_code", "ZH3303243002"); // 12 characters
            ASSERT_EQ(units->SetFeature(b.get()), OGRERR_NONE);
            OGRLayer* red = ds.GetLayerByName("ecological_redline");
            OGRFeatureUniquePtr r = featureWhere(*red, "1 = 1");
            r->SetField("redline_type", "forest");
            ASSERT_EQ(red->SetFeature(r.get()), OGRERR_NONE);
        });
    const auto codes = run("unit_code");
    ASSERT_EQ(codes.size(), 2u) << dump();
    const auto domains = run("attribute_domain");
    ASSERT_EQ(domains.size(), 1u) << dump();
    EXPECT_EQ(domains[0].layer, "ecological_redline");
    EXPECT_TRUE(domains[0].location);
}

TEST_F(QaYongjiaTest, WaterZoneMovedAwayFromItsSource)
{
    plant(
        [&](GDALDataset& ds)
        {
            OGRLayer* water = ds.GetLayerByName("water_protection_zones");
            OGRFeatureUniquePtr f = featureWhere(*water, "zone_id = 'SY01-I'");
            ASSERT_TRUE(f);
            OGRGeometry* g = f->GetGeometryRef();
            // Shift level I 5 km east of its own intake.
            OGRGeometryUniquePtr moved(g->clone());
            struct Shift : OGRDefaultGeometryVisitor
            {
                using OGRDefaultGeometryVisitor::visit;
                void visit(OGRPoint* p) override { p->setX(p->getX() + 5000); }
            } shift;
            moved->accept(&shift);
            f->SetGeometry(moved.get());
            ASSERT_EQ(water->SetFeature(f.get()), OGRERR_NONE);
        });
    const auto found = run("water_nesting");
    bool sy01 = false;
    for (const auto& f : found)
        sy01 = sy01 || f.featureId == "SY01-I";
    EXPECT_TRUE(sy01) << dump();
}

TEST_F(QaYongjiaTest, RedLineOnAnIndustrialKeyUnit)
{
    double expected = 0;
    std::string code;
    plant(
        [&](GDALDataset& ds)
        {
            OGRLayer* red = ds.GetLayerByName("ecological_redline");
            OGRLayer* units = ds.GetLayerByName("control_units");
            // The unit that shares most area with the red line (a priority unit) becomes an
            // industrial cluster (code class digit 2 to keep the code consistent).
            OGRFeatureUniquePtr best;
            units->ResetReading();
            for (auto& u : *units)
            {
                double a = 0;
                red->ResetReading();
                for (auto& r : *red)
                {
                    OGRGeometryUniquePtr i(u->GetGeometryRef()->Intersection(r->GetGeometryRef()));
                    if (i)
                        a += OGR_G_Area(OGRGeometry::ToHandle(i.get()));
                }
                if (a > expected)
                {
                    expected = a;
                    best.reset(u->Clone());
                }
            }
            ASSERT_TRUE(best);
            ASSERT_GT(expected, 1.0);
            code = std::string(best->GetFieldAsString("unit_code"));
            code[8] = '2';
            best->SetField("unit_code", code.c_str());
            best->SetField("unit_type", "key");
            best->SetField("key_subtype", "industrial_cluster");
            ASSERT_EQ(units->SetFeature(best.get()), OGRERR_NONE);
        });
    const auto found = run("cross_layer_conflict");
    double total = 0;
    for (const auto& f : found)
    {
        EXPECT_EQ(f.otherFeatureId, code);
        EXPECT_EQ(f.severity, QaSeverity::Error);
        total += f.areaM2;
    }
    EXPECT_NEAR(total, expected, 1.0) << dump();
}

TEST_F(QaYongjiaTest, OfficialFigureNotMatched)
{
    std::string text = test::readFile(m_catalog);
    const auto at = text.find("official_area_km2: 426.98");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, std::string("official_area_km2: 426.98").size(), "official_area_km2: 427.10");
    test::writeFile(m_catalog, text);
    const auto found = run("official_area");
    ASSERT_EQ(found.size(), 1u) << dump();
    EXPECT_EQ(found[0].layer, "ecological_redline");
    EXPECT_NE(found[0].message.find("427.10"), std::string::npos) << found[0].message;
}

} // namespace
} // namespace redline
