// The planner's tools in the main window (issue 14), offscreen: go-to for every coordinate form
// (expected positions from PROJ's cs2cs, or hand-computed where the CRSs differ by a false
// easting), a pasted 界址点 list shown as a temporary site, measuring by mouse (planar lengths and
// areas by hand; ellipsoidal ones against PROJ's `geod` and SpatiaLite's geodesic ST_Area), search,
// the attribute table in Chinese with filter, sort and zoom, and the 三区三线 panel on the Yongjia
// store with its overlap areas computed by SpatiaLite.
#include "app/PlannerTools.hpp"

#include <QApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTreeWidget>
#include <cmath>
#include <filesystem>
#include <map>

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include "redline/model/ZoningStore.hpp"

#include "app/AttributeTable.hpp"
#include "app/CoordinationPanel.hpp"
#include "app/MainWindow.hpp"
#include "app/MapCanvas.hpp"

using namespace redline;

namespace
{

std::string yongjia(const std::string& file)
{
    return std::string(REDLINE_SOURCE_DIR) + "/datasets/yongjia/" + file;
}

bool haveYongjia()
{
    return std::filesystem::exists(yongjia("zoning.gpkg"));
}

// The store is loaded once for all tests (it is immutable).
std::shared_ptr<const ZoningStore> yongjiaStore()
{
    static const auto store = ZoningStore::load(yongjia("zoning.gpkg"));
    return store;
}

QString run(const QString& command)
{
    QProcess p;
    p.start(QStringLiteral("sh"), {QStringLiteral("-c"), command});
    p.waitForFinished(120000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

// cs2cs (PROJ) from `from` to EPSG:4549; input and output in the CRSs' own axis order
// (northing first for the Gauss-Krüger CRSs, latitude first for EPSG:4490).
Point cs2cs(const QString& from, const QString& input)
{
    const QStringList v =
        run(QStringLiteral("echo \"%1\" | cs2cs -f %.6f %2 EPSG:4549").arg(input, from))
            .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    return v.size() >= 2 ? Point{v[1].toDouble(), v[0].toDouble()} : Point{};
}

struct Window
{
    MainWindow w;
    Window()
    {
        w.openStore(yongjiaStore());
        w.resize(1400, 900);
        w.show();
        (void)QTest::qWaitForWindowExposed(&w);
        w.canvas()->waitForRender();
    }
    PlannerTools& tools() { return *w.tools(); }
};

} // namespace

TEST(PlannerTools, GoToEveryCoordinateForm)
{
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    Window f;
    const auto expectAt = [&](const QString& text, Point expected, double tolerance)
    {
        ASSERT_TRUE(f.tools().goTo(text)) << text.toStdString();
        const auto& t = f.tools().lastTarget();
        ASSERT_TRUE(t.has_value());
        EXPECT_NEAR(t->point.x, expected.x, tolerance) << text.toStdString();
        EXPECT_NEAR(t->point.y, expected.y, tolerance) << text.toStdString();
        // The view is centred on it.
        EXPECT_NEAR(f.w.canvas()->view().center().x, expected.x, 1) << text.toStdString();
        EXPECT_NEAR(f.w.canvas()->view().center().y, expected.y, 1) << text.toStdString();
    };
    // EPSG:4549 in either order: the 7-digit value is the northing.
    expectAt(QStringLiteral("560123.4, 3112345.6"), {560123.4, 3112345.6}, 1e-9);
    expectAt(QStringLiteral("X=3112345.6 Y=560123.4"), {560123.4, 3112345.6}, 1e-9);
    // Zone-prefixed 3° zone 40 (EPSG:4528) differs from EPSG:4549 by its false easting only:
    // 40,560,123.4 − 40,000,000 (hand-computed).
    expectAt(QStringLiteral("3112345.6，40560123.4"), {560123.4, 3112345.6}, 1e-6);
    // 6° zone 21 (EPSG:4499, CM 123°E): PROJ's cs2cs.
    expectAt(QStringLiteral("3112345.6 21260123.4"),
             cs2cs(QStringLiteral("EPSG:4499"), QStringLiteral("3112345.6 21260123.4")), 1e-3);
    // Decimal lon/lat on CGCS2000, either order, with or without hemisphere letters.
    const Point ll = cs2cs(QStringLiteral("EPSG:4490"), QStringLiteral("28.15 120.65"));
    expectAt(QStringLiteral("120.65, 28.15"), ll, 1e-3);
    expectAt(QStringLiteral("28.15N 120.65E"), ll, 1e-3);
    expectAt(QStringLiteral("N28.15 E120.65"), ll, 1e-3);
    // 度分秒: cs2cs reads the same angle in its own DMS syntax.
    const Point dms =
        cs2cs(QStringLiteral("EPSG:4490"), QStringLiteral("28d9'3\\\"N 120d39'12.5\\\"E"));
    expectAt(QStringLiteral("120°39′12.5″E 28°9′3″N"), dms, 1e-3);
    expectAt(QStringLiteral("东经120度39分12.5秒 北纬28度9分3秒"), dms, 1e-3);
    expectAt(QStringLiteral("28°09'03\"N, 120°39'12.5\"E"), dms, 1e-3);
    // Not a coordinate: refused, the view stays.
    EXPECT_FALSE(f.tools().goTo(QStringLiteral("岩头镇")));
    EXPECT_FALSE(f.tools().goTo(QStringLiteral("1234567.0 2345678.0")));
}

TEST(PlannerTools, PastedJzdListIsATemporarySite)
{
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    Window f;
    // The rows of D27 (datasets/yongjia/sites_jzd.txt), 3° zone 40 with the zone prefix.
    ASSERT_TRUE(f.tools().goTo(QStringLiteral("J1,1,3121193.857,40543643.605\n"
                                              "J2,1,3121209.097,40543744.440\n"
                                              "J3,1,3121286.662,40543732.717\n"
                                              "J4,1,3121271.422,40543631.882\n"
                                              "J1,1,3121193.857,40543643.605\n")));
    f.w.waitForScreening();
    const auto& sites = f.w.session().sites();
    ASSERT_TRUE(sites);
    ASSERT_EQ(sites->features.size(), 1u);
    const Ring& ring = sites->features[0].geometry.parts()[0][0];
    ASSERT_GE(ring.size(), 4u);
    // EPSG:4528 → EPSG:4549: easting − 40,000,000 (hand-computed), northing unchanged.
    bool found = false;
    for (const Point& p : ring)
        found =
            found || (std::fabs(p.x - 543643.605) < 1e-6 && std::fabs(p.y - 3121193.857) < 1e-6);
    EXPECT_TRUE(found);
    EXPECT_EQ(f.w.session().results().size(), 1u); // screened like a drawn site
}

TEST(PlannerTools, MeasureDistanceAndAreaByMouse)
{
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    Window f;
    MapCanvas* canvas = f.w.canvas();
    // 2 m per pixel around (560000, 3112000) so that clicks land on whole metres.
    canvas->setView(MapTransform({560000, 3112000}, 2, QSizeF(canvas->width(), canvas->height())));
    const auto pixel = [&](double x, double y) { return canvas->view().toPixel(x, y).toPoint(); };
    const auto map = [&](QPoint p) { return canvas->view().toMap(QPointF(p)); };

    // Distance: three clicks and a double-click (at the last vertex).
    canvas->setMeasuring(MapCanvas::Measure::Distance);
    const QPoint a = pixel(559700, 3111800), b = pixel(560100, 3111800), c = pixel(560100, 3112100);
    for (const QPoint& p : {a, b, c})
        QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, p);
    QTest::mouseDClick(canvas, Qt::LeftButton, Qt::NoModifier, c);
    const Point pa = map(a), pb = map(b), pc = map(c);
    ASSERT_TRUE(f.tools().lastMeasurement());
    const Measurement d = *f.tools().lastMeasurement();
    // Hand: |ab| + |bc| from the clicked points.
    const double planar =
        std::hypot(pb.x - pa.x, pb.y - pa.y) + std::hypot(pc.x - pb.x, pc.y - pb.y);
    EXPECT_NEAR(d.planarLengthM, planar, 1e-6);
    EXPECT_NEAR(planar, 700, 4); // 400 m east, then 300 m north, give or take the pixels
    // PROJ: the points to CGCS2000 lon/lat (cs2cs), then geodesic lengths (geod -I, GRS80 as
    // CGCS2000's ellipsoid to 0.1 mm in semi-minor axis).
    double geodesic = 0;
    for (const auto& [p, q] : {std::pair{pa, pb}, std::pair{pb, pc}})
    {
        const auto ll = [](Point m)
        {
            const QStringList v =
                run(QStringLiteral("echo \"%1 %2\" | cs2cs -f %.10f EPSG:4549 EPSG:4490")
                        .arg(m.y, 0, 'f', 6)
                        .arg(m.x, 0, 'f', 6))
                    .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            return std::pair{v[0], v[1]}; // lat lon
        };
        const auto [lat1, lon1] = ll(p);
        const auto [lat2, lon2] = ll(q);
        const QStringList g =
            run(QStringLiteral("echo \"%1 %2 %3 %4\" | geod -I -f %.6f "
                               "+ellps=GRS80 +units=m")
                    .arg(lat1, lon1, lat2, lon2))
                .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        ASSERT_GE(g.size(), 3);
        geodesic += g[2].toDouble();
    }
    EXPECT_NEAR(d.ellipsoidalLengthM, geodesic, 1e-3);
    EXPECT_TRUE(f.tools().measureText().contains(QStringLiteral("距离（椭球面）")));

    // Area: a 600 m × 400 m rectangle by four clicks and a double-click.
    canvas->setMeasuring(MapCanvas::Measure::Area);
    const QPoint r1 = pixel(559500, 3111600), r2 = pixel(560100, 3111600),
                 r3 = pixel(560100, 3112000), r4 = pixel(559500, 3112000);
    for (const QPoint& p : {r1, r2, r3, r4})
        QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, p);
    QTest::mouseDClick(canvas, Qt::LeftButton, Qt::NoModifier, r4);
    ASSERT_TRUE(f.tools().lastMeasurement());
    const Measurement m = *f.tools().lastMeasurement();
    const Point q1 = map(r1), q3 = map(r3);
    const double w = q3.x - q1.x, h = q3.y - q1.y;
    EXPECT_NEAR(m.planarAreaM2, w * h, 1e-6);
    EXPECT_NEAR(m.planarLengthM, 2 * (w + h), 1e-6);
    // SpatiaLite's geodesic area of the same rectangle taken to CGCS2000 lon/lat.
    const QString wkt = QStringLiteral("POLYGON((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2))")
                            .arg(q1.x, 0, 'f', 6)
                            .arg(q1.y, 0, 'f', 6)
                            .arg(q3.x, 0, 'f', 6)
                            .arg(q3.y, 0, 'f', 6);
    const QString out = run(QStringLiteral("ogrinfo -q '%1' -dialect sqlite -sql \"SELECT "
                                           "ST_Area(ST_Transform(ST_GeomFromText('%2', 4549), "
                                           "4490), 1) AS a\" | grep 'a (Real)'")
                                .arg(QString::fromStdString(yongjia("zoning.gpkg")), wkt));
    const double spatialite = out.section(QLatin1Char('='), 1).trimmed().toDouble();
    ASSERT_GT(spatialite, 0) << out.toStdString();
    // Within 1e-7: SpatiaLite joins the vertices by geodesics, the engine measures the region
    // bounded by the projected straight edges (areal scale k² at its centroid for small polygons).
    EXPECT_NEAR(m.ellipsoidalAreaM2, spatialite, spatialite * 1e-7);
    EXPECT_GT(std::fabs(m.ellipsoidalAreaM2 - m.planarAreaM2), 10); // the scale factor shows
    EXPECT_TRUE(f.tools().measureText().contains(QStringLiteral("亩")));
}

TEST(PlannerTools, SearchFindsZonesTownshipsRiversAndSites)
{
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    Window f;
    f.w.openSites(QString::fromStdString(yongjia("sites.gpkg")));
    f.w.waitForScreening();
    auto hits = f.tools().search(QStringLiteral("hx-01"));
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits[0].layer, "ecological_redline");
    EXPECT_TRUE(hits[0].text.startsWith(QStringLiteral("HX-01")));
    hits = f.tools().search(QStringLiteral("岩头镇"));
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits[0].layer, "townships"); // the exact name first
    // The view now shows the township.
    const Envelope e = hits[0].geometry->envelope();
    const Envelope v = f.w.canvas()->view().extent();
    EXPECT_TRUE(v.minX <= e.minX && v.maxX >= e.maxX && v.minY <= e.minY && v.maxY >= e.maxY);
    hits = f.tools().search(QStringLiteral("楠溪江"));
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits[0].layer, "rivers");
    hits = f.tools().search(QStringLiteral("P09"));
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits[0].layer, "sites");
    EXPECT_TRUE(f.tools().search(QStringLiteral("没有这个地名")).empty());
}

TEST(PlannerTools, AttributeTableInChineseWithFilterSortAndZoom)
{
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    Window f;
    AttributeTable* t = f.tools().attributeTable();
    t->showLayer("ecological_redline");
    ASSERT_EQ(t->rowCount(), 7);
    QStringList titles;
    for (int c = 0; c < t->columnCount(); ++c)
        titles << t->columnTitle(c);
    EXPECT_TRUE(titles.contains(QStringLiteral("编号")));
    EXPECT_TRUE(titles.contains(QStringLiteral("红线类型")));
    int typeColumn = -1;
    for (int c = 0; c < titles.size(); ++c)
        if (titles[c] == QStringLiteral("红线类型"))
            typeColumn = c;
    ASSERT_GE(typeColumn, 0);
    // The three soil-conservation zones (HX-05, HX-06, HX-07) by their Chinese value.
    t->setFilter(QStringLiteral("水土保持"));
    EXPECT_EQ(t->rowCount(), 3);
    for (int r = 0; r < t->rowCount(); ++r)
        EXPECT_EQ(t->cell(r, typeColumn), QStringLiteral("水土保持"));
    t->setFilter({});
    // Sorted by area, largest first; the last column is the planar area.
    const int last = t->columnCount() - 1;
    EXPECT_EQ(t->columnTitle(last), QStringLiteral("面积 m²"));
    t->sortBy(last, Qt::DescendingOrder);
    for (int r = 1; r < t->rowCount(); ++r)
        EXPECT_GE(t->cell(r - 1, last).toDouble(), t->cell(r, last).toDouble());
    // Zoom to the first row: the view holds that feature.
    t->zoomToRow(0);
    const auto& features = yongjiaStore()->findLayer("ecological_redline")->layer->features;
    const Envelope e = features[t->featureIndex(0)].geometry.envelope();
    const Envelope v = f.w.canvas()->view().extent();
    EXPECT_TRUE(v.minX <= e.minX && v.maxX >= e.maxX && v.minY <= e.minY && v.maxY >= e.maxY);
}

TEST(PlannerTools, CoordinationPanelListsThePlantedOverlapsWithSpatialiteAreas)
{
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    // SpatiaLite's areas of red line × farmland / development boundary (GDAL's SQLite dialect).
    std::map<std::string, double> expected;
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(yongjia("zoning.gpkg").c_str(), GDAL_OF_VECTOR));
        ASSERT_TRUE(ds);
        for (const char* other : {"permanent_farmland", "urban_development_boundary"})
        {
            const std::string sql = std::string("SELECT r.zone_id AS rid, o.zone_id AS oid, "
                                                "ST_Area(ST_Intersection(r.geom, o.geom)) AS a "
                                                "FROM ecological_redline r, ") +
                                    other + " o WHERE ST_Intersects(r.geom, o.geom)";
            OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, "SQLITE");
            ASSERT_NE(result, nullptr);
            for (const auto& feature : *result)
                if (feature->GetFieldAsDouble("a") > 1.0)
                    expected[std::string(feature->GetFieldAsString("rid")) + "/" +
                             feature->GetFieldAsString("oid")] = feature->GetFieldAsDouble("a");
            ds->ReleaseResultSet(result);
        }
    }
    ASSERT_EQ(expected.size(), 3u);
    Window f;
    CoordinationPanel* panel = f.tools().coordinationPanel();
    panel->waitForCheck();
    const auto& overlaps = panel->overlaps();
    ASSERT_EQ(overlaps.size(), expected.size());
    for (const CoordinationOverlap& c : overlaps)
    {
        const auto it = expected.find(c.redlineId + "/" + c.otherId);
        ASSERT_NE(it, expected.end()) << c.redlineId << "/" << c.otherId;
        EXPECT_NEAR(c.areaM2, it->second, 1e-3);
    }
    EXPECT_EQ(panel->list()->topLevelItemCount(), 3);
    EXPECT_TRUE(panel->summary().contains(QStringLiteral("发现 3 处重叠")))
        << panel->summary().toStdString();
    // Stepping to the second one shows it: the view holds the overlap.
    panel->select(1);
    const Envelope e = overlaps[1].region.envelope();
    const Envelope v = f.w.canvas()->view().extent();
    EXPECT_TRUE(v.minX <= e.minX && v.maxX >= e.maxX && v.minY <= e.minY && v.maxY >= e.maxY);
    // The township and the 亩 are in the list (1 亩 = 10000/15 m²).
    const QTreeWidgetItem* row = panel->list()->topLevelItem(1);
    EXPECT_FALSE(row->text(3).isEmpty());
    EXPECT_NEAR(row->text(5).toDouble(), overlaps[1].areaM2 * 15 / 10000, 0.01);
}
