// The viewer's editing tools on a shared PostGIS store (issue 10, item 3), unchanged: the window
// opens the Yongjia store pushed into a throw-away cluster, a vertex of a red-line polygon is
// dragged with simulated mouse events and saved with a reason; psql (another client) then sees
// the moved vertex and the audit row. The window title and messages never show the password.
#include <QApplication>
#include <QMouseEvent>
#include <QTest>
#include <cmath>

#include <gtest/gtest.h>

#include "redline/edit/EditSession.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/model/StoreTransfer.hpp"

#include "PgCluster.hpp"
#include "app/MainWindow.hpp"
#include "app/MapCanvas.hpp"
#include "edit/EditController.hpp"
#include "render/LayerCache.hpp"

using namespace redline;

namespace
{

QPoint pixelOf(const MapCanvas* canvas, Point p)
{
    const MapTransform& v = canvas->view();
    return QPoint(static_cast<int>(std::lround((p.x - v.center().x) / v.metresPerPixel() +
                                               v.sizePx().width() / 2)),
                  static_cast<int>(std::lround(v.sizePx().height() / 2 -
                                               (p.y - v.center().y) / v.metresPerPixel())));
}

Point mapOf(const MapCanvas* canvas, QPoint px)
{
    const MapTransform& v = canvas->view();
    return {v.center().x + (px.x() - v.sizePx().width() / 2) * v.metresPerPixel(),
            v.center().y - (px.y() - v.sizePx().height() / 2) * v.metresPerPixel()};
}

void look(MapCanvas* canvas, Point p, double mpp)
{
    canvas->setView(MapTransform(p, mpp, QSizeF(canvas->width(), canvas->height())));
    canvas->waitForRender();
}

} // namespace

TEST(EditToolsPostgis, DragVertexAndSaveOnASharedStore)
{
    gdalInit();
    REDLINE_REQUIRE_POSTGIS(pg);
    const std::string store = pg->createDatabase() + " schemas=yongjia";
    (void)pushStore(std::string(REDLINE_SOURCE_DIR) + "/datasets/yongjia/catalog.yaml", store, {});

    MainWindow window;
    window.resize(1400, 900);
    window.openZones(QString::fromStdString(store));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    EXPECT_FALSE(window.windowTitle().contains(QString::fromStdString(pg->superuserPassword())));
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("schemas=yongjia")))
        << window.windowTitle().toStdString();
    auto* edit = window.findChild<EditController*>(QStringLiteral("editController"));
    ASSERT_NE(edit, nullptr);
    QString messages;
    QObject::connect(edit, &EditController::message, [&](const QString& m) { messages += m; });
    ASSERT_TRUE(edit->start("tester")) << edit->lastError().toStdString();
    edit->setActiveLayer("ecological_redline");
    window.findChild<QAction*>(QStringLiteral("editSnapping"))->setChecked(false);

    MapCanvas* canvas = window.canvas();
    const Feature zone = edit->session()->features("ecological_redline").front();
    look(canvas, labelAnchorOf(zone.geometry), 2.0);
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier,
                      pixelOf(canvas, labelAnchorOf(zone.geometry)));
    ASSERT_EQ(edit->selection(), std::vector<std::int64_t>{zone.fid});
    const Point v = zone.geometry.parts()[0][0][1];
    look(canvas, v, 0.5);
    const QPoint from = pixelOf(canvas, v);
    const QPoint to = from + QPoint(6, 4);
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, from);
    for (int i = 1; i <= 10; ++i)
    {
        const QPointF p = QPointF(from) + (QPointF(to - from) * i / 10.0);
        QMouseEvent move(QEvent::MouseMove, p, canvas->mapToGlobal(p), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(canvas, &move);
    }
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, to);
    const Point expected = mapOf(canvas, to);

    edit->setSavePrompt([](const QaReport&)
                        { return std::optional<std::string>("界桩复测（共享库）"); });
    ASSERT_TRUE(edit->save()) << edit->lastError().toStdString();
    EXPECT_FALSE(messages.contains(QString::fromStdString(pg->superuserPassword())));

    // psql sees the moved vertex (second point of the first ring) and the audit row.
    const std::string db = test::PgCluster::databaseOf(store);
    const std::string point =
        pg->psql(db, "SELECT ST_X(p) || ' ' || ST_Y(p) FROM (SELECT ST_PointN(ST_ExteriorRing("
                     "ST_GeometryN(geom, 1)), 2) AS p FROM yongjia.ecological_redline WHERE fid "
                     "= " +
                         std::to_string(zone.fid) + ") q");
    const double x = std::stod(point.substr(0, point.find(' ')));
    const double y = std::stod(point.substr(point.find(' ') + 1));
    EXPECT_NEAR(x, expected.x, 1e-6);
    EXPECT_NEAR(y, expected.y, 1e-6);
    EXPECT_EQ(pg->psql(db, "SELECT revision || '|' || \"user\" || '|' || reason || '|' || fid "
                           "FROM yongjia.redline_audit"),
              "1|tester|界桩复测（共享库）|" + std::to_string(zone.fid));
}
