// A printed PDF has the chosen page size (pdfinfo) and contains the title, the Chinese legend
// labels and the scale (pdftotext). PNG and SVG exports have the page's size.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "redline/io/VectorWriter.hpp"

#include "TestStore.hpp"
#include "app/ViewerSession.hpp"
#include "render/Exporters.hpp"

using namespace redline;

namespace
{

QString run(const QString& program, const QStringList& args, int* exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(120000);
    if (exitCode != nullptr)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput()) +
           QString::fromUtf8(p.readAllStandardError());
}

// Page size in points from pdfinfo's "Page size: W x H pts" line.
QSizeF pageSizePts(const QString& info)
{
    for (const QString& line : info.split(QLatin1Char('\n')))
        if (line.startsWith(QStringLiteral("Page size:")))
        {
            const QStringList w = line.mid(10).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (w.size() >= 3)
                return {w[0].toDouble(), w[2].toDouble()};
        }
    return {};
}

PrintContent tinyContent(ViewerSession& session)
{
    session.setStore(test::makeTinyStore());
    return session.printContent(std::nullopt);
}

} // namespace

TEST(PrintPdf, A3LandscapeHasPageSizeTitleLegendAndScale)
{
    QTemporaryDir dir;
    ViewerSession session;
    PrintOptions o;
    o.paper = QPageSize::A3;
    o.landscape = true;
    o.title = QStringLiteral("测试叠加图");
    const QString pdf = dir.filePath(QStringLiteral("map.pdf"));
    exportPrint(PrintLayout(o), tinyContent(session), pdf, ExportFormat::Pdf);

    // ISO A3 is 297 x 420 mm: 420 / 25.4 * 72 = 1190.55 pt by 297 / 25.4 * 72 = 841.89 pt.
    const QString info = run(QStringLiteral("pdfinfo"), {pdf});
    const QSizeF a3 = pageSizePts(info);
    EXPECT_NEAR(a3.width(), 1190.55, 1.0) << info.toStdString(); // Qt rounds to whole points
    EXPECT_NEAR(a3.height(), 841.89, 1.0) << info.toStdString();
    const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    for (const char* s :
         {"测试叠加图", "图例", "优先保护单元", "重点管控单元", "饮用水水源一级保护区",
          "生态保护红线（水源涵养）", "县界", "CGCS2000", "免责声明"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(s))) << s << "\n" << text.toStdString();
    // The county square (5000 x 3000 m) at 1:20,000 (see ScaleBarTest for the arithmetic).
    EXPECT_TRUE(text.contains(QStringLiteral("1:20,000"))) << text.toStdString();
    // Its 500 m scale bar: 0, 250, 500 m.
    EXPECT_TRUE(text.contains(QStringLiteral("500 m"))) << text.toStdString();
}

TEST(PrintPdf, A4PortraitPageSizeAndFontsEmbedded)
{
    QTemporaryDir dir;
    ViewerSession session;
    PrintOptions o; // A4 portrait by default
    const QString pdf = dir.filePath(QStringLiteral("a4.pdf"));
    exportPrint(PrintLayout(o), tinyContent(session), pdf, ExportFormat::Pdf);
    // 210 / 25.4 * 72 = 595.28 pt, 297 / 25.4 * 72 = 841.89 pt.
    const QString info = run(QStringLiteral("pdfinfo"), {pdf});
    const QSizeF a4 = pageSizePts(info);
    EXPECT_NEAR(a4.width(), 595.28, 1.0) << info.toStdString();
    EXPECT_NEAR(a4.height(), 841.89, 1.0) << info.toStdString();
    const QString fonts = run(QStringLiteral("pdffonts"), {pdf});
    EXPECT_TRUE(fonts.contains(QStringLiteral("Noto"))) << fonts.toStdString();
    // Every font line ends "emb sub uni object ID": no "no" in the emb column.
    for (const QString& line : fonts.split(QLatin1Char('\n')))
        if (line.contains(QStringLiteral("Noto")))
        {
            const QStringList cols = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            ASSERT_GE(cols.size(), 5);
            EXPECT_EQ(cols[cols.size() - 5], QStringLiteral("yes")) << line.toStdString();
        }
}

TEST(PrintPng, HasThePageSizeAtTheChosenDpi)
{
    QTemporaryDir dir;
    ViewerSession session;
    PrintOptions o;
    o.dpi = 150;
    const QString png = dir.filePath(QStringLiteral("a4.png"));
    exportPrint(PrintLayout(o), tinyContent(session), png, ExportFormat::Png);
    const QImage img(png);
    // 210 mm / 25.4 * 150 = 1240.2 px, 297 mm -> 1753.9 px.
    EXPECT_EQ(img.width(), 1240);
    EXPECT_EQ(img.height(), 1754);
    const QString svg = dir.filePath(QStringLiteral("a4.svg"));
    exportPrint(PrintLayout(o), tinyContent(session), svg, ExportFormat::Svg);
    QFile f(svg);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray content = f.readAll();
    EXPECT_TRUE(content.contains("<svg"));
    EXPECT_TRUE(content.contains("width=\"210mm\"") || content.contains("1240"));
}

TEST(HeadlessPrint, PrintsMapsAndReportsForEverySiteOfAGeoPackage)
{
    QTemporaryDir dir;
    const QString zones = dir.filePath(QStringLiteral("zones.gpkg"));
    const QString sites = dir.filePath(QStringLiteral("sites.gpkg"));
    writeLayers(zones.toStdString(), test::tinyStoreLayers());
    Layer s;
    s.name = "sites";
    s.crs = Crs::fromEpsg(4549);
    s.fieldNames = {"site_id", "name"};
    s.features.push_back(test::squareSite("S1", "水库旁项目", 1400, 1400, 1600, 1600));
    s.features.push_back(test::squareSite("S2", "空地项目", 3700, 1700, 3800, 1800));
    s.features[1].fid = 2;
    writeLayers(sites.toStdString(), {s});

    int rc = -1;
    const QString out = run(QStringLiteral(REDLINE_VIEWER),
                            {QStringLiteral("--zones"), zones, QStringLiteral("--sites"), sites,
                             QStringLiteral("--per-site"), dir.filePath(QStringLiteral("maps")),
                             QStringLiteral("--report"), dir.filePath(QStringLiteral("reports")),
                             QStringLiteral("--dpi"), QStringLiteral("150")},
                            &rc);
    ASSERT_EQ(rc, 0) << out.toStdString();
    for (const char* f :
         {"maps/S1.pdf", "maps/S2.pdf", "reports/S1_report.pdf", "reports/S2_report.pdf"})
    {
        const QString path = dir.filePath(QString::fromLatin1(f));
        int infoRc = -1;
        const QString info = run(QStringLiteral("pdfinfo"), {path}, &infoRc);
        EXPECT_EQ(infoRc, 0) << f << ": " << info.toStdString();
        EXPECT_NEAR(pageSizePts(info).width(), 595.28, 1.0) << f;
        EXPECT_NEAR(pageSizePts(info).height(), 841.89, 1.0) << f;
    }
    // S1 overlaps the water zone [500,1500]^2 on 100 x 100 m = 10000 m² = 15.00 亩 and unit A.
    const QString report =
        run(QStringLiteral("pdftotext"),
            {dir.filePath(QStringLiteral("reports/S1_report.pdf")), QStringLiteral("-")});
    EXPECT_TRUE(report.contains(QStringLiteral("测试水库"))) << report.toStdString();
    EXPECT_TRUE(report.contains(QStringLiteral("10000.00"))) << report.toStdString();
    EXPECT_TRUE(report.contains(QStringLiteral("15.00"))) << report.toStdString();
    EXPECT_TRUE(report.contains(QStringLiteral("不涉及"))) << report.toStdString(); // red line
    EXPECT_TRUE(report.contains(QStringLiteral("仅供参考")) ||
                report.contains(QStringLiteral("初筛参考")));

    // Bad input: one line naming the file.
    const QString bad =
        run(QStringLiteral(REDLINE_VIEWER),
            {QStringLiteral("--zones"), dir.filePath(QStringLiteral("missing.gpkg")),
             QStringLiteral("--print"), dir.filePath(QStringLiteral("x.pdf"))},
            &rc);
    EXPECT_EQ(rc, 1);
    EXPECT_TRUE(bad.contains(QStringLiteral("missing.gpkg"))) << bad.toStdString();
}
