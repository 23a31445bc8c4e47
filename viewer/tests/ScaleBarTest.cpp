// The scale bar's ground length matches the map scale, with round numbers.
#include "render/ScaleBar.hpp"

#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

#include "render/PrintLayout.hpp"

using namespace redline;

TEST(ScaleBar, PicksRoundLengthsThatFit)
{
    // 10 m/px, 200 px available -> 2000 m fits exactly: a 2 km bar of 200 px.
    ScaleBarSpec s = computeScaleBar(10, 200);
    EXPECT_DOUBLE_EQ(s.groundM, 2000);
    EXPECT_DOUBLE_EQ(s.lengthPx, 200);
    // 7.3 m/px, 200 px -> at most 1460 m: 1000 m, drawn 1000 / 7.3 = 136.986 px long.
    s = computeScaleBar(7.3, 200);
    EXPECT_DOUBLE_EQ(s.groundM, 1000);
    EXPECT_NEAR(s.lengthPx, 136.986, 1e-3);
    // 0.9 m/px, 150 px -> at most 135 m: 100 m.
    EXPECT_DOUBLE_EQ(computeScaleBar(0.9, 150).groundM, 100);
    // 30 m/px, 100 px -> 3000 m: 2000 m.
    EXPECT_DOUBLE_EQ(computeScaleBar(30, 100).groundM, 2000);
}

TEST(ScaleBar, RoundPrintScales)
{
    // Leading digit rounded up to the next half step.
    EXPECT_DOUBLE_EQ(roundPrintScale(37000), 40000);
    EXPECT_DOUBLE_EQ(roundPrintScale(100000), 100000);
    EXPECT_DOUBLE_EQ(roundPrintScale(120000), 150000);
    EXPECT_DOUBLE_EQ(roundPrintScale(230000), 250000);
    EXPECT_DOUBLE_EQ(roundPrintScale(319000), 350000);
    EXPECT_DOUBLE_EQ(roundPrintScale(16490), 20000);
    EXPECT_EQ(formatScaleRatio(25000).toStdString(), "1:25,000");
    EXPECT_EQ(formatDistance(2500, true).toStdString(), "2.5 km");
    EXPECT_EQ(formatDistance(500, false).toStdString(), "500 m");
}

TEST(ScaleBar, DrawnBarIsAsLongAsItsGroundLengthAtTheMapScale)
{
    // 5 m/px at 96 dpi, up to 300 px -> a 1000 m bar, which must be 200 px of ink.
    const MapTransform view({0, 0}, 5, QSizeF(400, 100), 96);
    const ScaleBarSpec spec = computeScaleBar(view.metresPerPixel(), 300);
    ASSERT_DOUBLE_EQ(spec.groundM, 1000);
    QImage img(400, 100, QImage::Format_ARGB32);
    img.fill(Qt::white);
    QRectF used;
    {
        QPainter p(&img);
        p.setRenderHint(QPainter::Antialiasing, false);
        used = drawScaleBar(p, QPointF(50, 10), spec, view, false);
    }
    // Scan the row through the middle of the bar (just above its bottom edge).
    const int row = static_cast<int>(used.bottom()) - 3;
    int first = -1;
    int last = -1;
    for (int x = 0; x < img.width(); ++x)
    {
        if (qGray(img.pixel(x, row)) < 128)
        {
            if (first < 0)
                first = x;
            last = x;
        }
    }
    ASSERT_GE(first, 0);
    EXPECT_NEAR(last - first, 200, 2);
    EXPECT_NEAR(first, 50, 1);
}

TEST(PrintLayout, ScaleBarOnPaperMatchesTheRoundPrintScale)
{
    PrintOptions o;
    o.paper = QPageSize::A3;
    o.landscape = true;
    o.dpi = 300;
    const PrintLayout layout(o);
    // A3 landscape frame: 420 - 2*10 (margins) - 2*6 (grid labels) - 62 (side panel) = 326 mm wide,
    // 297 - 10 - 18 - 6 - 10 - 14 - 6 = 233 mm high. A 5000 x 3000 m focus with 3 % margins
    // needs 5300 m / 0.326 m = 1:16258 (3180 m / 0.233 m = 1:13648) -> rounded to 1:20,000.
    Envelope focus{0, 0, 5000, 3000};
    const MapTransform view = layout.mapView(focus);
    EXPECT_NEAR(layout.mapFrame().width() / 300 * 25.4, 326, 0.01);
    EXPECT_NEAR(view.scaleDenominator(), 20000, 1e-6);
    // At 1:20,000, 40 mm of paper is 800 m: the bar shows 500 m, 25 mm long.
    const ScaleBarSpec bar = computeScaleBar(view.metresPerPixel(), 40 * 300 / 25.4);
    EXPECT_DOUBLE_EQ(bar.groundM, 500);
    EXPECT_NEAR(bar.lengthPx / 300 * 25.4, 25.0, 1e-9);
}
