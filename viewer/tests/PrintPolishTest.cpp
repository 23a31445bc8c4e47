// Print polish (issue 14): the overview inset shows the whole printed extent (red box found on its
// four sides inside the inset in a rendered whole-county page), a print at the reviewer's scale,
// and headless atlases (one page per township or site) and maps with a raster basemap, checked
// with poppler's pdfinfo / pdftotext / pdfimages.
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <filesystem>

#include <gtest/gtest.h>

#include "redline/model/ZoningStore.hpp"

#include "app/ViewerSession.hpp"
#include "render/PrintLayout.hpp"

using namespace redline;

namespace
{

QString run(const QString& program, const QStringList& args, int* exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(600000);
    if (exitCode != nullptr)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput()) +
           QString::fromUtf8(p.readAllStandardError());
}

std::string yongjia(const std::string& file)
{
    return std::string(REDLINE_SOURCE_DIR) + "/datasets/yongjia/" + file;
}

bool haveYongjia()
{
    return std::filesystem::exists(yongjia("zoning.gpkg"));
}

bool isRed(QColor c)
{
    return c.red() > 180 && c.green() < 90 && c.blue() < 90;
}

// A red pixel within 2 px of `p`.
bool redNear(const QImage& img, QPointF p)
{
    for (int dx = -2; dx <= 2; ++dx)
        for (int dy = -2; dy <= 2; ++dy)
        {
            const QPoint q(static_cast<int>(p.x()) + dx, static_cast<int>(p.y()) + dy);
            if (img.rect().contains(q) && isRed(img.pixelColor(q)))
                return true;
        }
    return false;
}

// A 3-band raster over the demo county with its DESCRIPTION, as a planner's basemap would be.
QString writeBasemap(const QTemporaryDir& dir)
{
    const QString raw = dir.filePath(QStringLiteral("raw.tif"));
    const QString out = dir.filePath(QStringLiteral("base.tif"));
    run(QStringLiteral("gdal_create"), {QStringLiteral("-q"),      QStringLiteral("-outsize"),
                                        QStringLiteral("280"),     QStringLiteral("292"),
                                        QStringLiteral("-bands"),  QStringLiteral("3"),
                                        QStringLiteral("-burn"),   QStringLiteral("200"),
                                        QStringLiteral("-burn"),   QStringLiteral("190"),
                                        QStringLiteral("-burn"),   QStringLiteral("160"),
                                        QStringLiteral("-a_srs"),  QStringLiteral("EPSG:4549"),
                                        QStringLiteral("-a_ullr"), QStringLiteral("529000"),
                                        QStringLiteral("3170000"), QStringLiteral("599000"),
                                        QStringLiteral("3097000"), raw});
    run(QStringLiteral("gdal_translate"), {QStringLiteral("-q"), QStringLiteral("-mo"),
                                           QStringLiteral("DESCRIPTION=测试底图"), raw, out});
    return out;
}

} // namespace

TEST(PrintPolish, OverviewInsetShowsTheWholePrintedExtent)
{
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    ViewerSession session;
    session.setStore(ZoningStore::load(yongjia("zoning.gpkg")));
    PrintOptions o;
    o.paper = QPageSize::A3;
    o.landscape = true;
    o.dpi = 100;
    const PrintLayout layout(o);
    const PrintContent content = session.printContent(std::nullopt);
    const Envelope printed = layout.mapView(content.focus).extent();
    const Envelope county = content.overviewExtent;
    // The case that was clipped: at its round scale the page shows more than the county.
    ASSERT_TRUE(printed.minX < county.minX || printed.maxX > county.maxX);

    QImage page(layout.pageSizePx(), QImage::Format_ARGB32_Premultiplied);
    page.fill(Qt::white);
    {
        QPainter p(&page);
        layout.paint(p, content);
    }
    const QRectF inset = layout.overviewFrame();
    const MapTransform ov =
        MapTransform::fit(overviewExtentFor(county, printed), inset.size(), o.dpi, 0.0);
    const QRectF box = ov.toPixel(printed).translated(inset.topLeft());
    EXPECT_TRUE(inset.contains(box)) << "box outside the inset";
    // The red box is drawn on all four sides (midpoints and corners), inside the inset.
    for (const QPointF& p :
         {QPointF(box.center().x(), box.top()), QPointF(box.center().x(), box.bottom()),
          QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y()),
          box.topLeft(), box.bottomRight()})
        EXPECT_TRUE(redNear(page, p)) << p.x() << "," << p.y();
}

TEST(PrintPolish, ReviewersScaleAndBasemapInTheFooter)
{
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    QTemporaryDir dir;
    const QString base = writeBasemap(dir);
    const QString pdf = dir.filePath(QStringLiteral("map.pdf"));
    int code = -1;
    const QString out =
        run(QStringLiteral(REDLINE_VIEWER),
            {QStringLiteral("--zones"), QString::fromStdString(yongjia("zoning.gpkg")),
             QStringLiteral("--basemap"), base, QStringLiteral("--scale"), QStringLiteral("50000"),
             QStringLiteral("--dpi"), QStringLiteral("150"), QStringLiteral("--print"), pdf},
            &code);
    ASSERT_EQ(code, 0) << out.toStdString();
    const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    EXPECT_TRUE(text.contains(QStringLiteral("1:50,000"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("底图：base.tif（测试底图）"))) << text.toStdString();
    // The raster is in the PDF as an image.
    const QString images = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
    EXPECT_GE(images.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 3)
        << images.toStdString();
    // Scales outside 1:2,000 … 1:500,000 are refused (usage error).
    run(QStringLiteral(REDLINE_VIEWER),
        {QStringLiteral("--zones"), QString::fromStdString(yongjia("zoning.gpkg")),
         QStringLiteral("--scale"), QStringLiteral("1000"), QStringLiteral("--print"), pdf},
        &code);
    EXPECT_EQ(code, 2);
}

TEST(PrintPolish, AtlasOnePagePerTownshipAndPerSite)
{
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    QTemporaryDir dir;
    const QString base = writeBasemap(dir);
    const QString towns = dir.filePath(QStringLiteral("townships.pdf"));
    int code = -1;
    QString out = run(QStringLiteral(REDLINE_VIEWER),
                      {QStringLiteral("--zones"), QString::fromStdString(yongjia("zoning.gpkg")),
                       QStringLiteral("--basemap"), base, QStringLiteral("--dpi"),
                       QStringLiteral("100"), QStringLiteral("--atlas"), towns,
                       QStringLiteral("--atlas-by"), QStringLiteral("township")},
                      &code);
    ASSERT_EQ(code, 0) << out.toStdString();
    // 22 townships in the demo store (datasets/yongjia/README.md).
    EXPECT_TRUE(run(QStringLiteral("pdfinfo"), {towns})
                    .contains(QRegularExpression(QStringLiteral("Pages:\\s+22\\n"))));
    const QString first = run(QStringLiteral("pdftotext"),
                              {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                               QStringLiteral("1"), towns, QStringLiteral("-")});
    EXPECT_TRUE(first.contains(QStringLiteral("乡镇街道："))) << first.toStdString();
    EXPECT_TRUE(first.contains(QStringLiteral("测试底图"))) << first.toStdString();

    const QString sites = dir.filePath(QStringLiteral("sites.pdf"));
    out = run(QStringLiteral(REDLINE_VIEWER),
              {QStringLiteral("--zones"), QString::fromStdString(yongjia("zoning.gpkg")),
               QStringLiteral("--sites"), QString::fromStdString(yongjia("sites.gpkg")),
               QStringLiteral("--dpi"), QStringLiteral("100"), QStringLiteral("--atlas"), sites},
              &code);
    ASSERT_EQ(code, 0) << out.toStdString();
    EXPECT_TRUE(run(QStringLiteral("pdfinfo"), {sites})
                    .contains(QRegularExpression(QStringLiteral("Pages:\\s+48\\n"))));
    const QString page9 = run(QStringLiteral("pdftotext"),
                              {QStringLiteral("-f"), QStringLiteral("9"), QStringLiteral("-l"),
                               QStringLiteral("9"), sites, QStringLiteral("-")});
    EXPECT_TRUE(page9.contains(QStringLiteral("项目 P09"))) << page9.toStdString();
}
