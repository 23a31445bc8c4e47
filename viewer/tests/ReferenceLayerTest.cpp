// Reference vector layers (issue 14 item 2): a GeoJSON in lon/lat added to the map is reprojected
// to EPSG:4549 (vertices against PROJ's cs2cs), identified by a click inside it, a snapping target
// while a red-line zone is edited (the dragged vertex lands exactly on the reference vertex), and
// printed headless with --layer (its name in the PDF's legend and label, pdftotext).
#include <QApplication>
#include <QMouseEvent>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "redline/edit/EditSession.hpp"

#include "app/IdentifyTool.hpp"
#include "app/MainWindow.hpp"
#include "app/MapCanvas.hpp"
#include "app/ViewerSession.hpp"
#include "edit/EditController.hpp"
#include "render/LayerCache.hpp"

using namespace redline;
namespace fs = std::filesystem;

namespace
{

const fs::path kYongjia = fs::path(REDLINE_SOURCE_DIR) / "datasets" / "yongjia";

bool haveYongjia()
{
    return fs::exists(kYongjia / "catalog.yaml") && fs::exists(kYongjia / "zoning.gpkg");
}

QString run(const QString& command)
{
    QProcess p;
    p.start(QStringLiteral("sh"), {QStringLiteral("-c"), command});
    p.waitForFinished(120000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

QStringList fields(const QString& text)
{
    return text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
}

// PROJ's cs2cs between EPSG:4326 (lat lon) and EPSG:4549 (northing easting).
Point toGk(double lon, double lat)
{
    const QStringList v =
        fields(run(QStringLiteral("echo \"%1 %2\" | cs2cs -f %.6f EPSG:4326 EPSG:4549")
                       .arg(lat, 0, 'f', 10)
                       .arg(lon, 0, 'f', 10)));
    return v.size() >= 2 ? Point{v[1].toDouble(), v[0].toDouble()} : Point{};
}

std::pair<double, double> toLonLat(Point p)
{
    const QStringList v =
        fields(run(QStringLiteral("echo \"%1 %2\" | cs2cs -f %.10f EPSG:4549 EPSG:4326")
                       .arg(p.y, 0, 'f', 6)
                       .arg(p.x, 0, 'f', 6)));
    return v.size() >= 2 ? std::pair{v[1].toDouble(), v[0].toDouble()} : std::pair{0.0, 0.0};
}

// A GeoJSON (lon/lat) triangle named 参考地块 with the given vertices.
std::string writeTriangle(const QTemporaryDir& dir, const std::vector<std::pair<double, double>>& v)
{
    const std::string path = dir.filePath(QStringLiteral("parcels.geojson")).toStdString();
    std::ofstream out(path);
    out.precision(12);
    out << R"({"type":"FeatureCollection","name":"parcels","features":[{"type":"Feature",)"
        << R"("properties":{"name":"参考地块"},"geometry":{"type":"Polygon","coordinates":[[)";
    for (std::size_t i = 0; i <= v.size(); ++i)
        out << (i > 0 ? "," : "") << "[" << v[i % v.size()].first << "," << v[i % v.size()].second
            << "]";
    out << "]]}}]}\n";
    return path;
}

QPoint pixelOf(const MapCanvas* canvas, Point p)
{
    return canvas->view().toPixel(p.x, p.y).toPoint();
}

} // namespace

TEST(ReferenceLayer, ReprojectedIdentifiedAndPrinted)
{
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    QTemporaryDir dir;
    const std::vector<std::pair<double, double>> ll{
        {120.651, 28.151}, {120.659, 28.152}, {120.655, 28.158}};
    const std::string path = writeTriangle(dir, ll);
    ViewerSession session;
    session.loadZones((kYongjia / "zoning.gpkg").string());
    session.addReferenceLayers(path);
    const RenderLayer& ref = session.layers().back();
    EXPECT_EQ(ref.kind, "reference");
    ASSERT_TRUE(ref.cache);
    const Feature& f = ref.cache->layer().features.at(0);
    const Ring& ring = f.geometry.parts().at(0).at(0);
    ASSERT_EQ(ring.size(), 4u);
    Point centre{0, 0};
    for (std::size_t i = 0; i < 3; ++i)
    {
        const Point expected = toGk(ll[i].first, ll[i].second);
        EXPECT_NEAR(ring[i].x, expected.x, 1e-3) << i;
        EXPECT_NEAR(ring[i].y, expected.y, 1e-3) << i;
        centre.x += expected.x / 3;
        centre.y += expected.y / 3;
    }
    // A click at the triangle's centroid names the reference feature (it is drawn on top).
    const auto hit = identifyAt(session.layers(), centre, 1.0);
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->kind, "reference");
    ASSERT_NE(hit->feature, nullptr);
    EXPECT_EQ(hit->feature->attributes.text("name").value_or(""), "参考地块");

    // Printed with --layer: the layer is in the legend and its feature labelled.
    const QString pdf = dir.filePath(QStringLiteral("map.pdf"));
    QProcess p;
    p.start(QStringLiteral(REDLINE_VIEWER),
            {QStringLiteral("--zones"), QString::fromStdString((kYongjia / "zoning.gpkg").string()),
             QStringLiteral("--layer"), QString::fromStdString(path), QStringLiteral("--dpi"),
             QStringLiteral("100"), QStringLiteral("--print"), pdf});
    p.waitForFinished(300000);
    ASSERT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    const QString text = run(QStringLiteral("pdftotext '%1' -").arg(pdf));
    EXPECT_TRUE(text.contains(QStringLiteral("parcels"))) << text.toStdString();
}

TEST(ReferenceLayer, EditedVertexSnapsToAReferenceVertex)
{
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    QTemporaryDir dir;
    const fs::path d = dir.path().toStdString();
    fs::copy_file(kYongjia / "catalog.yaml", d / "catalog.yaml");
    fs::copy_file(kYongjia / "zoning.gpkg", d / "zoning.gpkg");
    MainWindow window;
    window.resize(1400, 900);
    window.openZones(QString::fromStdString((d / "catalog.yaml").string()));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto* edit = window.findChild<EditController*>(QStringLiteral("editController"));
    ASSERT_NE(edit, nullptr);
    ASSERT_TRUE(edit->start("tester"));
    edit->setActiveLayer("ecological_redline");
    const Feature zone = edit->session()->features("ecological_redline").front();
    const Point v = zone.geometry.parts()[0][0][1];

    // A reference triangle whose first vertex lies 60 m east and 40 m north of v.
    std::vector<std::pair<double, double>> ll;
    for (const Point& p :
         {Point{v.x + 60, v.y + 40}, Point{v.x + 400, v.y + 50}, Point{v.x + 200, v.y + 400}})
        ll.push_back(toLonLat(p));
    window.addReferenceLayers(QString::fromStdString(writeTriangle(dir, ll)));
    const RenderLayer& ref = window.session().layers().back();
    ASSERT_EQ(ref.kind, "reference");
    const Point target = ref.cache->layer().features.at(0).geometry.parts()[0][0][0];
    EXPECT_NEAR(target.x, v.x + 60, 1e-3);
    EXPECT_NEAR(target.y, v.y + 40, 1e-3);

    MapCanvas* canvas = window.canvas();
    // Select the zone by a click inside it, then show v and the target at 0.5 m per pixel.
    canvas->setView(
        MapTransform(labelAnchorOf(zone.geometry), 2.0, QSizeF(canvas->width(), canvas->height())));
    canvas->waitForRender();
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier,
                      pixelOf(canvas, labelAnchorOf(zone.geometry)));
    canvas->setView(
        MapTransform({v.x + 30, v.y + 20}, 0.5, QSizeF(canvas->width(), canvas->height())));
    canvas->waitForRender();
    // Drag the vertex and release 2 px off the reference vertex.
    const QPoint from = pixelOf(canvas, v);
    const QPoint to = pixelOf(canvas, target) + QPoint(2, 1);
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, from);
    for (int i = 1; i <= 10; ++i)
    {
        const QPointF p = QPointF(from) + (QPointF(to - from) * i / 10.0);
        QMouseEvent move(QEvent::MouseMove, p, canvas->mapToGlobal(p), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(canvas, &move);
    }
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, to);
    const auto moved = edit->feature(zone.fid);
    ASSERT_TRUE(moved.has_value());
    EXPECT_EQ(moved->geometry.parts()[0][0][1], target);
}
