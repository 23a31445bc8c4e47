// `redline convert` keeps every attribute, Chinese text and the geometry through a Shapefile and
// a CSV file and back (issue 9 item 5). The source is a hand-written GeoJSON (Chinese field
// names and values, integers, reals, a null, every geometry type) and the bundled sites; source
// and results are both read with GDAL directly and compared feature by feature. The expected
// short field names are worked out by hand from the 10-byte dBase limit.

#include <charconv>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include "redline/io/VectorReader.hpp"

#include "TestSupport.hpp"

namespace fs = std::filesystem;
using redline::test::readFile;
using redline::test::runRedline;
using redline::test::sourcePath;
using redline::test::TempDir;
using redline::test::writeFile;

namespace
{

std::string repeat(const std::string& s, int n)
{
    std::string out;
    for (int i = 0; i < n; ++i)
        out += s;
    return out;
}

// 100 × 水 = 300 bytes of UTF-8: more than a dBase text value holds (254 bytes).
const std::string kLongText = repeat("水", 100);

const std::string kSource =
    R"({"type":"FeatureCollection","name":"parcels",
 "crs":{"type":"name","properties":{"name":"EPSG:4549"}},
 "features":[
  {"type":"Feature","properties":{"site_id":"C1","name":"民宿改扩建","项目类型":"民宿","项目类型说明":"农家乐兼民宿","建设性质":"改扩建","是否设排污口":"否","discharges_pollutants":1,"discharges_note":"生活污水","invest_total":1234.5678,"note":null},
   "geometry":{"type":"Polygon","coordinates":[[[563800.125,3115200.5],[563900.25,3115200.5],[563900.25,3115300.75],[563800.125,3115300.75],[563800.125,3115200.5]],[[563840,3115240],[563860,3115240],[563860,3115260],[563840,3115260],[563840,3115240]]]}},
  {"type":"Feature","properties":{"site_id":"C2","name":"工业园区","项目类型":"工业","建设性质":"新建","是否设排污口":"是","discharges_pollutants":0,"invest_total":-0.001,"description":")" +
    kLongText + R"("},
   "geometry":{"type":"MultiPolygon","coordinates":[[[[564000,3116000],[564100,3116000],[564100,3116100],[564000,3116000]]],[[[564200,3116000],[564300,3116000],[564300,3116100],[564200,3116000]]]]}},
  {"type":"Feature","properties":{"site_id":"C3","name":"县道改线","项目类型":"道路","discharges_pollutants":0,"invest_total":98765432.25},
   "geometry":{"type":"LineString","coordinates":[[563000.5,3114000.5],[563500,3114500],[564000,3114200]]}},
  {"type":"Feature","properties":{"site_id":"C4","name":"公厕","项目类型":"旅游设施"},
   "geometry":{"type":"Point","coordinates":[563847.5,3115235.25]}},
  {"type":"Feature","properties":{"site_id":"C5","name":"观景台（两处）","项目类型":"旅游设施"},
   "geometry":{"type":"MultiPoint","coordinates":[[563100,3115100],[563200,3115150]]}},
  {"type":"Feature","properties":{"site_id":"C6","name":"步道","项目类型":"步道"},
   "geometry":{"type":"MultiLineString","coordinates":[[[563000,3115000],[563100,3115100]],[[563200,3115200],[563300,3115250]]]}}
 ]})";

// The names a Shapefile gets (hand-worked: cut to 10 bytes at a character boundary; a clash
// ends in _1 within 10 bytes). 项目类型说明's cut 项目类 is taken by 项目类型, so 8 bytes
// (项目, 6 bytes) + "_1".
const std::map<std::string, std::string> kShortNames = {
    {"项目类型", "项目类"},
    {"项目类型说明", "项目_1"},
    {"建设性质", "建设性"},
    {"是否设排污口", "是否设"},
    {"discharges_pollutants", "discharges"},
    {"discharges_note", "discharg_1"},
    {"invest_total", "invest_tot"},
    {"description", "descriptio"},
};

struct Rows
{
    std::vector<GDALDatasetUniquePtr> datasets; // keep the features' definitions alive
    std::map<std::string, OGRFeatureUniquePtr> bySiteId;
};

// Every feature of every file, by site_id, read with GDAL.
Rows readRows(const std::vector<std::string>& paths)
{
    Rows rows;
    for (const auto& p : paths)
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(p.c_str(), GDAL_OF_VECTOR));
        EXPECT_TRUE(ds) << p;
        if (!ds)
            continue;
        for (auto& f : *ds->GetLayer(0))
        {
            const std::string id = f->GetFieldAsString("site_id");
            EXPECT_EQ(rows.bySiteId.count(id), 0u) << id << " twice";
            rows.bySiteId[id] = std::move(f);
        }
        rows.datasets.push_back(std::move(ds));
    }
    return rows;
}

// Points of a geometry and its nesting, e.g. "((4)(4))" for a polygon with a hole, after GEOS
// normalisation (ring order, orientation, start point) of its multi form, so that a Polygon and
// the one-part MultiPolygon a Shapefile returns compare equal.
void flatten(OGRGeometryH g, std::string& shape, std::vector<double>& xy)
{
    shape += '(';
    const int parts = OGR_G_GetGeometryCount(g);
    if (parts > 0)
        for (int i = 0; i < parts; ++i)
            flatten(OGR_G_GetGeometryRef(g, i), shape, xy);
    else
    {
        shape += std::to_string(OGR_G_GetPointCount(g));
        for (int i = 0; i < OGR_G_GetPointCount(g); ++i)
        {
            xy.push_back(OGR_G_GetX(g, i));
            xy.push_back(OGR_G_GetY(g, i));
        }
    }
    shape += ')';
}

void expectSameGeometry(const OGRGeometry* a, const OGRGeometry* b, const std::string& what)
{
    ASSERT_TRUE(a && b) << what;
    auto canonical = [](const OGRGeometry* g)
    {
        OGRGeometry* multi = OGRGeometryFactory::forceTo(
            g->clone(), OGR_GT_GetCollection(wkbFlatten(g->getGeometryType())));
        OGRGeometryUniquePtr owned(multi);
        return OGRGeometryUniquePtr(owned->Normalize());
    };
    const auto ca = canonical(a), cb = canonical(b);
    ASSERT_TRUE(ca && cb) << what;
    EXPECT_EQ(wkbFlatten(ca->getGeometryType()), wkbFlatten(cb->getGeometryType())) << what;
    std::string sa, sb;
    std::vector<double> xa, xb;
    flatten(OGRGeometry::ToHandle(ca.get()), sa, xa);
    flatten(OGRGeometry::ToHandle(cb.get()), sb, xb);
    ASSERT_EQ(sa, sb) << what;
    for (std::size_t i = 0; i < xa.size(); ++i)
        EXPECT_NEAR(xa[i], xb[i], 1e-6) << what << " coordinate " << i;
}

enum class Typing
{
    Kept, // the output keeps types (Shapefile, GeoPackage)
    Text  // every value comes back as text (CSV)
};

// Compares every source attribute and the geometry with the output, feature by feature.
// `renamed` maps source field names to output names; `cut` is the text limit in bytes (0: none).
void expectSameFeatures(const std::string& source, const std::vector<std::string>& outputs,
                        const std::map<std::string, std::string>& renamed, Typing typing,
                        std::size_t cut = 0)
{
    const Rows src = readRows({source});
    const Rows out = readRows(outputs);
    ASSERT_EQ(out.bySiteId.size(), src.bySiteId.size());
    for (const auto& [id, s] : src.bySiteId)
    {
        ASSERT_EQ(out.bySiteId.count(id), 1u) << id << " missing";
        const OGRFeature& o = *out.bySiteId.at(id);
        const OGRFeatureDefn* sd = s->GetDefnRef();
        for (int i = 0; i < sd->GetFieldCount(); ++i)
        {
            const std::string name = sd->GetFieldDefn(i)->GetNameRef();
            const auto r = renamed.find(name);
            const std::string outName = r == renamed.end() ? name : r->second;
            const int j = o.GetFieldIndex(outName.c_str());
            ASSERT_GE(j, 0) << id << ": no field " << outName << " for " << name;
            const std::string what = id + "." + name;
            if (!s->IsFieldSetAndNotNull(i))
            {
                // CSV cannot tell a null from an empty cell.
                EXPECT_TRUE(!o.IsFieldSetAndNotNull(j) ||
                            (typing == Typing::Text && std::string(o.GetFieldAsString(j)).empty()))
                    << what;
                continue;
            }
            ASSERT_TRUE(o.IsFieldSetAndNotNull(j)) << what;
            switch (sd->GetFieldDefn(i)->GetType())
            {
            case OFTInteger:
            case OFTInteger64:
                EXPECT_EQ(o.GetFieldAsInteger64(j), s->GetFieldAsInteger64(i)) << what;
                break;
            case OFTReal:
            {
                // Text output: parse the written number with from_chars (no locale).
                double v = o.GetFieldAsDouble(j);
                if (typing == Typing::Text)
                {
                    const std::string t = o.GetFieldAsString(j);
                    ASSERT_EQ(std::from_chars(t.data(), t.data() + t.size(), v).ec, std::errc())
                        << what << " = " << t;
                }
                EXPECT_NEAR(v, s->GetFieldAsDouble(i), std::abs(s->GetFieldAsDouble(i)) * 1e-14)
                    << what;
                break;
            }
            default:
            {
                const std::string sv = s->GetFieldAsString(i);
                const std::string ov = o.GetFieldAsString(j);
                if (cut > 0 && sv.size() > cut)
                {
                    EXPECT_LE(ov.size(), cut) << what;
                    EXPECT_EQ(sv.substr(0, ov.size()), ov) << what;
                    EXPECT_GT(ov.size(), cut - 4) << what; // at most one character dropped
                }
                else
                    EXPECT_EQ(ov, sv) << what;
            }
            }
        }
        expectSameGeometry(s->GetGeometryRef(), o.GetGeometryRef(), id);
    }
}

class ConvertRoundTrip : public testing::Test
{
  protected:
    void SetUp() override
    {
        redline::gdalInit();
        m_source = m_dir.file("parcels.geojson");
        writeFile(m_source, kSource);
    }
    TempDir m_dir;
    std::string m_source;
};

} // namespace

TEST_F(ConvertRoundTrip, ShapefileKeepsEveryAttributeChineseTextAndGeometry)
{
    const std::string shp = m_dir.file("out.shp");
    auto r = runRedline("convert " + m_source + " " + shp);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    // Mixed geometry: one Shapefile per kind, said so.
    const std::vector<std::string> parts = {
        m_dir.file("out_points.shp"), m_dir.file("out_lines.shp"), m_dir.file("out_polygons.shp")};
    EXPECT_NE(r.err.find("one kind of geometry"), std::string::npos) << r.err;
    for (const auto& p : parts)
    {
        EXPECT_NE(r.err.find(p), std::string::npos) << r.err;
        // UTF-8 declared in the .cpg.
        EXPECT_EQ(readFile(fs::path(p).replace_extension(".cpg").string()), "UTF-8");
    }
    EXPECT_FALSE(fs::exists(shp));
    // Renamed fields are reported, each as "long → short".
    for (const auto& [from, to] : kShortNames)
        EXPECT_NE(r.err.find(from + " → " + to), std::string::npos) << from << "\n" << r.err;
    // The one text too long for dBase is reported with its site and size.
    EXPECT_NE(r.err.find("'C2' (300 bytes)"), std::string::npos) << r.err;

    expectSameFeatures(m_source, parts, kShortNames, Typing::Kept, 254);

    // And back: the three Shapefiles into one GeoPackage each, compared with the source.
    for (const auto& p : parts)
    {
        const std::string back = fs::path(p).replace_extension(".gpkg").string();
        r = runRedline("convert " + p + " " + back);
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    const Rows backRows = readRows({m_dir.file("out_points.gpkg"), m_dir.file("out_lines.gpkg"),
                                    m_dir.file("out_polygons.gpkg")});
    EXPECT_EQ(backRows.bySiteId.size(), 6u);
    expectSameFeatures(m_source,
                       {m_dir.file("out_points.gpkg"), m_dir.file("out_lines.gpkg"),
                        m_dir.file("out_polygons.gpkg")},
                       kShortNames, Typing::Kept, 254);
}

TEST_F(ConvertRoundTrip, CsvKeepsEveryAttributeAndTheGeometryAsWkt)
{
    const std::string csv = m_dir.file("out.csv");
    auto r = runRedline("convert " + m_source + " " + csv);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string bytes = readFile(csv);
    // UTF-8 byte-order mark, then the WKT column first.
    EXPECT_EQ(bytes.substr(0, 7), "\xEF\xBB\xBFWKT,");
    EXPECT_NE(bytes.find("农家乐兼民宿"), std::string::npos);
    EXPECT_NE(r.err.find("EPSG:4549"), std::string::npos) << r.err; // the CRS CSV cannot hold
    expectSameFeatures(m_source, {csv}, {}, Typing::Text);

    // Back through redline's own reader (CSV with a WKT column) into a GeoPackage.
    const std::string back = m_dir.file("back.gpkg");
    r = runRedline("convert " + csv + " " + back + " --site-crs EPSG:4549");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    expectSameFeatures(m_source, {back}, {}, Typing::Text);
}

TEST_F(ConvertRoundTrip, BundledSitesThroughShapefile)
{
    // The 48 bundled sites (Chinese names and plan text, every geometry type): ASCII field names
    // are simply cut to 10 bytes, none clash.
    const std::string sites = sourcePath("datasets/yongjia/sites.gpkg");
    const std::string shp = m_dir.file("sites.shp");
    const auto r = runRedline("convert " + sites + " " + shp);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::map<std::string, std::string> cut;
    GDALDatasetUniquePtr ds(GDALDataset::Open(sites.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    OGRFeatureDefn* defn = ds->GetLayer(0)->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        if (std::string n = defn->GetFieldDefn(i)->GetNameRef(); n.size() > 10)
            cut[n] = n.substr(0, 10);
    expectSameFeatures(sites,
                       {m_dir.file("sites_points.shp"), m_dir.file("sites_lines.shp"),
                        m_dir.file("sites_polygons.shp")},
                       cut, Typing::Kept, 254);
}

TEST_F(ConvertRoundTrip, UnknownOutputExtensionIsRefusedBeforeReading)
{
    const auto r = runRedline("convert " + m_source + " " + m_dir.file("out.xlsx"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("out.xlsx: unknown output format"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(m_dir.file("out.xlsx")));
}
