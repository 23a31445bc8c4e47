// A QTest drives pan, zoom and identify on the canvas of the main window (offscreen).
#include <QApplication>
#include <QMouseEvent>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include "TestStore.hpp"
#include "app/MainWindow.hpp"
#include "app/MapCanvas.hpp"
#include "app/ScreeningPanel.hpp"

using namespace redline;

namespace
{

bool tableContains(const QTableWidget* t, const QString& text)
{
    for (int r = 0; r < t->rowCount(); ++r)
        for (int c = 0; c < t->columnCount(); ++c)
            if (t->item(r, c) != nullptr && t->item(r, c)->text() == text)
                return true;
    return false;
}

QPoint pixelOf(const MapCanvas* canvas, double x, double y)
{
    return canvas->view().toPixel(test::kX0 + x, test::kY0 + y).toPoint();
}

} // namespace

TEST(Canvas, PanZoomAndIdentify)
{
    MainWindow w;
    w.openStore(test::makeTinyStore());
    w.resize(1200, 800);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    MapCanvas* canvas = w.canvas();
    canvas->zoomFull();
    canvas->waitForRender();
    ASSERT_FALSE(canvas->image().isNull());

    // The rendered image shows the level-I water zone in dark blue at its centre (1000, 1000).
    const QPoint water = pixelOf(canvas, 1000, 1000);
    const QColor c = canvas->image().pixelColor(water);
    EXPECT_GT(c.blue(), c.red() + 60) << c.name().toStdString();

    // Pan: drag by (+100, +50) px moves the view centre by (-100, +50) pixels' worth of metres.
    const MapTransform before = canvas->view();
    const double mpp = before.metresPerPixel();
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, QPoint(300, 300));
    for (int i = 1; i <= 10; ++i)
    {
        QMouseEvent move(QEvent::MouseMove, QPointF(300 + 10 * i, 300 + 5 * i),
                         canvas->mapToGlobal(QPointF(300 + 10 * i, 300 + 5 * i)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(canvas, &move);
    }
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, QPoint(400, 350));
    EXPECT_NEAR(canvas->view().center().x, before.center().x - 100 * mpp, 1e-6);
    EXPECT_NEAR(canvas->view().center().y, before.center().y + 50 * mpp, 1e-6);
    EXPECT_DOUBLE_EQ(canvas->view().metresPerPixel(), mpp);

    // Wheel zoom one notch about (250, 200): 1.25x closer, the point under the cursor stays put.
    const Point under = canvas->view().toMap(QPointF(250, 200));
    QWheelEvent wheel(QPointF(250, 200), canvas->mapToGlobal(QPointF(250, 200)), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas, &wheel);
    EXPECT_NEAR(canvas->view().metresPerPixel(), mpp / 1.25, 1e-9);
    const Point after = canvas->view().toMap(QPointF(250, 200));
    EXPECT_NEAR(after.x, under.x, 1e-6);
    EXPECT_NEAR(after.y, under.y, 1e-6);

    // Keys: '-' zooms out by 2, Home goes back to the full extent.
    const double zoomed = canvas->view().metresPerPixel();
    QTest::keyClick(canvas, Qt::Key_Minus);
    EXPECT_NEAR(canvas->view().metresPerPixel(), zoomed * 2, 1e-9);
    QTest::keyClick(canvas, Qt::Key_Home);
    EXPECT_NEAR(canvas->view().metresPerPixel(), mpp, 1e-9);
    canvas->waitForRender();

    // Identify: a click on the water zone lists its attributes; a click in the red line's hole
    // finds the control unit under it, not the red line.
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, pixelOf(canvas, 1000, 1000));
    EXPECT_TRUE(tableContains(w.identifyTable(), QStringLiteral("测试水库")));
    // In the planner's words (Terms.hpp): field 保护级别, coded value I as 一级保护区.
    EXPECT_TRUE(tableContains(w.identifyTable(), QStringLiteral("保护级别")));
    EXPECT_TRUE(tableContains(w.identifyTable(), QStringLiteral("一级保护区")));
    EXPECT_TRUE(tableContains(w.identifyTable(), QStringLiteral("饮用水水源保护区")));
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, pixelOf(canvas, 3000, 1000));
    EXPECT_TRUE(tableContains(w.identifyTable(), QStringLiteral("重点单元B")));
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, pixelOf(canvas, 2700, 1000));
    EXPECT_TRUE(tableContains(w.identifyTable(), QStringLiteral("测试红线")));
    EXPECT_TRUE(tableContains(w.identifyTable(), QStringLiteral("红线类型")));
    EXPECT_TRUE(tableContains(w.identifyTable(), QStringLiteral("水源涵养")));
    EXPECT_FALSE(tableContains(w.identifyTable(), QStringLiteral("water_conservation")));

    // The status bar shows the 1:N scale and the cursor's coordinates.
    QTest::mouseMove(canvas, pixelOf(canvas, 1000, 1000));
    EXPECT_TRUE(w.statusText().contains(QStringLiteral("1:"))) << w.statusText().toStdString();
    EXPECT_TRUE(w.statusText().contains(QStringLiteral("EPSG:4549")));
}

TEST(Canvas, DrawASiteAndScreenIt)
{
    MainWindow w;
    w.openStore(test::makeTinyStore());
    w.resize(1200, 800);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    MapCanvas* canvas = w.canvas();
    canvas->zoomFull();
    // A square [1400,1600]^2 drawn with four clicks and Enter: it overlaps the
    // water zone [500,1500]^2 on [1400,1500]^2 = 10000 m² and lies wholly in unit A.
    canvas->setDrawing(true);
    for (const auto& [x, y] :
         {std::pair{1400.0, 1400.0}, {1600.0, 1400.0}, {1600.0, 1600.0}, {1400.0, 1600.0}})
        QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, pixelOf(canvas, x, y));
    QTest::keyClick(canvas, Qt::Key_Return);
    w.waitForScreening();
    ASSERT_EQ(w.session().results().size(), 1U);
    const SiteResult& r = w.session().results().front();
    // Clicks land on whole pixels: the drawn square is 200 m +- one pixel's worth per side.
    const double mpp = canvas->view().metresPerPixel();
    EXPECT_NEAR(r.areaM2, 40000, 4 * 200 * mpp + 4 * mpp * mpp);
    bool water = false;
    for (const Hit& h : r.hits)
        if (h.kind == "water_protection_zones")
        {
            water = true;
            EXPECT_NEAR(h.overlapM2, 10000, 2 * 100 * mpp + mpp * mpp);
        }
    EXPECT_TRUE(water);
    EXPECT_EQ(w.screeningPanel()->siteList()->topLevelItemCount(), 1);
}
