// DXF sites through loadSites (GDAL's DXF driver + sitesFromCad + site validation), on minimal
// DXF text written by hand in each test: a closed polyline, a polyline closed by repeating its
// first point, an open polyline, a self-crossing closed polyline, and a drawing with nothing
// usable. Coordinates are in EPSG:4549 around (567700, 3115200); areas and lengths by hand.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "BuiltinPlugins.hpp"
#include "TestSupport.hpp"
#include "redline/core/Error.hpp"
#include "redline/io/SiteSource.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/plugin/Registry.hpp"

using namespace redline;
using redline::test::TempDir;
using redline::test::writeFile;

namespace
{

constexpr double kX0 = 567700;
constexpr double kY0 = 3115200;

// Group-code pairs of a DXF file: HEADER + ENTITIES. The header is what a Chinese AutoCAD 2007
// or later writes: $ACADVER AC1021 (DXF text in UTF-8) with $DWGCODEPAGE ANSI_936 (GBK), which
// GDAL 3.6 alone would follow, garbling the UTF-8 labels.
class Dxf
{
public:
    Dxf()
    {
        g(0, "SECTION");
        g(2, "HEADER");
        g(9, "$ACADVER");
        g(1, "AC1021");
        g(9, "$DWGCODEPAGE");
        g(3, "ANSI_936");
        g(0, "ENDSEC");
        g(0, "SECTION");
        g(2, "ENTITIES");
    }
    // LWPOLYLINE with vertices relative to (kX0, kY0); `closed` sets flag 70 = 1.
    Dxf& polyline(const std::string& handle, const std::string& layer,
                  const std::vector<std::pair<double, double>>& points, bool closed)
    {
        g(0, "LWPOLYLINE");
        g(5, handle);
        g(100, "AcDbEntity");
        g(8, layer);
        g(100, "AcDbPolyline");
        g(90, std::to_string(points.size()));
        g(70, closed ? "1" : "0");
        for (auto [x, y] : points)
        {
            g(10, std::to_string(kX0 + x));
            g(20, std::to_string(kY0 + y));
        }
        return *this;
    }
    Dxf& text(const std::string& handle, double x, double y, const std::string& value)
    {
        g(0, "TEXT");
        g(5, handle);
        g(100, "AcDbEntity");
        g(8, "LABELS");
        g(100, "AcDbText");
        g(10, std::to_string(kX0 + x));
        g(20, std::to_string(kY0 + y));
        g(30, "0");
        g(40, "2.5");
        g(1, value);
        return *this;
    }
    Dxf& point(const std::string& handle, double x, double y)
    {
        g(0, "POINT");
        g(5, handle);
        g(100, "AcDbEntity");
        g(8, "SURVEY");
        g(100, "AcDbPoint");
        g(10, std::to_string(kX0 + x));
        g(20, std::to_string(kY0 + y));
        g(30, "0");
        return *this;
    }
    [[nodiscard]] std::string str() const { return m_text + "0\nENDSEC\n0\nEOF\n"; }

private:
    void g(int code, const std::string& v) { m_text += std::to_string(code) + "\n" + v + "\n"; }
    std::string m_text;
};

class SiteCad : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { gdalInit(); }
    void SetUp() override { registerBuiltinPlugins(m_registry); }

    Layer load(const Dxf& dxf, bool keepUnusable = true)
    {
        const std::string path = m_dir.file("design.dxf");
        writeFile(path, dxf.str());
        SiteSourceOptions o;
        o.siteCrs = "EPSG:4549";
        o.keepUnusableSites = keepUnusable;
        return loadSites(path, Crs::fromEpsg(4549), o, &m_registry);
    }

    static std::string warningWith(const Layer& l, const std::string& needle)
    {
        for (const auto& w : l.warnings)
            if (w.find(needle) != std::string::npos)
                return w;
        return {};
    }

    Registry m_registry;
    TempDir m_dir;
};

const std::vector<std::pair<double, double>> kSquare = {{0, 0}, {100, 0}, {100, 100}, {0, 100}};

} // namespace

TEST_F(SiteCad, ClosedPolylineIsAParcelNamedByItsLabel)
{
    const Layer l = load(Dxf().polyline("1F", "REDLINE", kSquare, true).text("20", 50, 50, "一号地块"));
    ASSERT_EQ(l.features.size(), 1u);
    const Feature& f = l.features[0];
    EXPECT_TRUE(f.error.empty()) << f.error;
    EXPECT_EQ(f.geometry.type(), GeometryType::Polygon);
    EXPECT_DOUBLE_EQ(f.geometry.planarArea(), 10000.0);
    EXPECT_EQ(f.attributes.text("name"), "一号地块");
    EXPECT_EQ(f.attributes.text("site_id"), "一号地块");
    EXPECT_TRUE(warningWith(l, "line sites").empty());
    EXPECT_TRUE(warningWith(l, "ignored").empty()); // the label is used, not ignored
}

TEST_F(SiteCad, PolylineWhoseLastPointRepeatsTheFirstIsAParcel)
{
    // Flag 70 = 0 (open), but the fifth vertex is the first again.
    auto ring = kSquare;
    ring.push_back(ring.front());
    const Layer l = load(Dxf().polyline("2A", "REDLINE", ring, false));
    ASSERT_EQ(l.features.size(), 1u);
    EXPECT_EQ(l.features[0].geometry.type(), GeometryType::Polygon);
    EXPECT_DOUBLE_EQ(l.features[0].geometry.planarArea(), 10000.0);
    EXPECT_EQ(l.features[0].attributes.text("site_id"), "2A"); // unlabelled: the entity handle
    EXPECT_TRUE(l.warnings.empty()) << l.warnings.front();
}

TEST_F(SiteCad, OpenPolylineIsALineSiteWithAWarning)
{
    // (0,0) → (100,0) → (100,100): 200 m long, does not end on its first point.
    const Layer l = load(Dxf().polyline("3B", "ROAD", {{0, 0}, {100, 0}, {100, 100}}, false));
    ASSERT_EQ(l.features.size(), 1u);
    const Feature& f = l.features[0];
    EXPECT_EQ(f.geometry.type(), GeometryType::LineString);
    EXPECT_DOUBLE_EQ(f.geometry.planarLength(), 200.0);
    EXPECT_EQ(f.attributes.text("site_id"), "3B");
    const std::string w = warningWith(l, "line sites");
    EXPECT_NE(w.find("design.dxf"), std::string::npos) << w;
    EXPECT_NE(w.find("entity 3B on layer ROAD"), std::string::npos) << w;
}

TEST_F(SiteCad, ParcelsAndOpenPolylinesTogether)
{
    const Layer l = load(Dxf()
                             .polyline("1F", "REDLINE", kSquare, true)
                             .polyline("3B", "ROAD", {{-50, -50}, {150, -50}}, false));
    ASSERT_EQ(l.features.size(), 2u);
    EXPECT_EQ(l.features[0].geometry.type(), GeometryType::Polygon);
    EXPECT_EQ(l.features[1].geometry.type(), GeometryType::LineString);
    EXPECT_DOUBLE_EQ(l.features[1].geometry.planarLength(), 200.0);
    EXPECT_FALSE(warningWith(l, "1 open polyline(s) (entity 3B on layer ROAD)").empty());
}

TEST_F(SiteCad, DrawingWithNothingUsableIsOneClearError)
{
    for (bool keep : {true, false})
    {
        try
        {
            (void)load(Dxf().text("20", 50, 50, "说明文字").point("21", 10, 10), keep);
            FAIL() << "expected an IoError";
        }
        catch (const IoError& e)
        {
            const std::string msg = e.what();
            EXPECT_NE(msg.find("design.dxf"), std::string::npos) << msg;
            EXPECT_NE(msg.find("no polyline to screen (1 texts, 1 other entities)"),
                      std::string::npos)
                << msg;
            EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
        }
    }
}

TEST_F(SiteCad, SelfCrossingClosedPolylineIsRepairedWithAWarning)
{
    // Bow tie (0,0) → (100,100) → (100,0) → (0,100): two triangles of 2500 m² meeting at (50,50).
    const Layer l =
        load(Dxf().polyline("4C", "REDLINE", {{0, 0}, {100, 100}, {100, 0}, {0, 100}}, true));
    ASSERT_EQ(l.features.size(), 1u);
    EXPECT_TRUE(l.features[0].error.empty()) << l.features[0].error;
    EXPECT_EQ(l.features[0].geometry.type(), GeometryType::MultiPolygon);
    EXPECT_NEAR(l.features[0].geometry.planarArea(), 5000.0, 1e-6);
    const std::string w = warningWith(l, "repaired with GEOS make-valid");
    EXPECT_NE(w.find("design.dxf"), std::string::npos) << w;
    EXPECT_NE(w.find("'4C'"), std::string::npos) << w;
    EXPECT_NE(w.find("Self-intersection"), std::string::npos) << w;
}

TEST_F(SiteCad, CollapsedClosedPolylineIsAnUnusableSiteAmongGoodOnes)
{
    // A "closed" polyline whose vertices lie on one line has no area, even after make-valid.
    const Layer l = load(Dxf()
                             .polyline("1F", "REDLINE", kSquare, true)
                             .polyline("5D", "REDLINE", {{200, 0}, {300, 0}, {250, 0}}, true));
    ASSERT_EQ(l.features.size(), 2u);
    EXPECT_TRUE(l.features[0].error.empty());
    const std::string& e = l.features[1].error;
    EXPECT_NE(e.find("design.dxf"), std::string::npos) << e;
    EXPECT_NE(e.find("'5D'"), std::string::npos) << e;
    EXPECT_NE(e.find("nothing with an area is left"), std::string::npos) << e;
    EXPECT_TRUE(l.features[1].geometry.isEmpty());
    // Without keepUnusableSites (redline convert) the same drawing is refused, naming the site.
    EXPECT_THROW((void)load(Dxf()
                                .polyline("1F", "REDLINE", kSquare, true)
                                .polyline("5D", "REDLINE", {{200, 0}, {300, 0}, {250, 0}}, true),
                            false),
                 GeometryError);
}
