// The PDF screening report read back by an independent reader (pdftotext): searchable Chinese
// (龙湾潭), every hit's zone name, the verdict sentence and the provenance, lengths for line
// sites, the input warnings (datum, header area), the same 所在乡镇 as the HTML report, and no
// other applicant's site on the map.
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <sstream>

#include <gtest/gtest.h>

#include "redline/io/VectorWriter.hpp"

#include "TestStore.hpp"
#include "app/ViewerSession.hpp"
#include "exporters/html/HtmlReport.hpp"
#include "render/SiteReportPdf.hpp"
#include "report/ReportTerms.hpp"
#include "report/SiteReportModel.hpp"

using namespace redline;

namespace
{

QString run(const QString& program, const QStringList& args, int* exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(180000);
    if (exitCode != nullptr)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput()) +
           QString::fromUtf8(p.readAllStandardError());
}

// pdftotext's text with every blank and line break removed: table cells wrap names over lines.
std::string pdfText(const QString& pdf)
{
    QString t = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    t.remove(QRegularExpression(QStringLiteral("\\s")));
    return t.toStdString();
}

std::string squeezed(std::string s)
{
    std::erase_if(s, [](char c) { return c == ' ' || c == '\n' || c == '\t'; });
    return s;
}

bool contains(const std::string& s, const std::string& part)
{
    return s.find(part) != std::string::npos;
}

// The Yongjia demonstration data screened by the viewer session, as the headless printer does.
ViewerSession& yongjia()
{
    static ViewerSession* session = []
    {
        auto* s = new ViewerSession;
        s->loadZones(REDLINE_SOURCE_DIR "/datasets/yongjia/catalog.yaml");
        s->loadSites(REDLINE_SOURCE_DIR "/datasets/yongjia/sites.gpkg");
        s->setResults(s->screen());
        return s;
    }();
    return *session;
}

std::size_t indexOf(const ViewerSession& s, const std::string& id)
{
    const auto i = s.findSite(id);
    EXPECT_TRUE(i.has_value()) << id;
    return i.value_or(0);
}

} // namespace

TEST(ReportPdf, YongjiaReportIsSearchableAndNamesEveryHit)
{
    QTemporaryDir dir;
    ViewerSession& s = yongjia();
    for (const char* id : {"D12", "D13"}) // both in 龙湾潭 forest park
    {
        const std::size_t i = indexOf(s, id);
        const QString pdf = dir.filePath(QString::fromLatin1(id) + QStringLiteral(".pdf"));
        writeSiteReportPdf(s.reportInput(i), pdf);
        const std::string text = pdfText(pdf);
        EXPECT_TRUE(contains(text, "龙湾潭")) << id << "\n" << text;
        const SiteResult& site = s.results()[i];
        ASSERT_FALSE(site.hits.empty()) << id;
        for (const Hit& h : site.hits)
            EXPECT_TRUE(contains(text, squeezed(h.zoneName))) << id << ": " << h.zoneName;
        // What the verdict means, and against what it was computed.
        const SiteReportModel m = siteReportModel(*s.report(), i, "2026-01-02");
        EXPECT_TRUE(contains(text, squeezed(m.verdictMeaning).substr(0, 60))) << m.verdictMeaning;
        EXPECT_TRUE(contains(text, "rules.yongjia（版本" + s.ruleSet()->version() + "）")) << text;
        EXPECT_TRUE(contains(text, "datasets/yongjia/catalog.yaml")) << text;
        EXPECT_TRUE(contains(text, "数据版本")) << text;
    }
}

TEST(ReportPdf, LineSiteGivesLengthsAndTheSameTownshipAsTheHtml)
{
    QTemporaryDir dir;
    ViewerSession& s = yongjia();
    const std::size_t i = indexOf(s, "D06"); // a 6.4 km county road across the red line
    const QString pdf = dir.filePath(QStringLiteral("D06.pdf"));
    writeSiteReportPdf(s.reportInput(i), pdf);
    const std::string text = pdfText(pdf);
    EXPECT_TRUE(contains(text, "重叠长度（m）")) << text;
    EXPECT_TRUE(contains(text, "占线路长度比例")) << text;
    EXPECT_FALSE(contains(text, "重叠面积")) << text;
    for (const Hit& h : s.results()[i].hits)
    {
        if (h.isBufferOnly())
            continue;
        EXPECT_TRUE(contains(text, formatFixed(h.overlapLengthM, 1))) << h.zoneName;
    }

    // 所在乡镇: the township line of the HTML report of the same screening, in the PDF too.
    std::ostringstream html;
    writeHtmlReport(*s.report(), html, "2026-01-02");
    const std::string h = html.str();
    const std::size_t section = h.find("<h2>D06 ");
    ASSERT_NE(section, std::string::npos);
    const std::string key = "<th>所在乡镇</th><td>";
    const std::size_t at = h.find(key, section) + key.size();
    const std::string township = h.substr(at, h.find("</td>", at) - at);
    EXPECT_NE(township.find("、"), std::string::npos) << township; // crosses two townships
    EXPECT_TRUE(contains(text, "所在乡镇" + township)) << township << "\n" << text;
}

TEST(ReportPdf, HandMadeLineLengthsAndNoOtherSiteOnTheMap)
{
    // The tiny store (TestStore.hpp). L runs at y = 1000 from x = 100 to 1900: 1800 m, of which
    // [500,1500] lies in the water zone: 1000 m = 55.6 %. S2 is another applicant's parcel 50 m
    // from L, inside L's map.
    ViewerSession session;
    session.setStore(test::makeTinyStore());
    auto sites = std::make_shared<Layer>();
    sites->name = "sites";
    sites->crs = Crs::fromEpsg(4549);
    Feature l;
    l.fid = 1;
    l.geometry = Geometry::lineString(
        {{test::kX0 + 100, test::kY0 + 1000}, {test::kX0 + 1900, test::kY0 + 1000}});
    l.attributes.set("site_id", std::string("L1"));
    l.attributes.set("name", std::string("测试管线"));
    sites->features.push_back(l);
    sites->features.push_back(test::squareSite("S2", "他人项目", 800, 1050, 900, 1150));
    sites->features.back().fid = 2;
    session.setSites(sites, "tiny-sites");
    session.setResults(session.screen());

    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("L1.pdf"));
    writeSiteReportPdf(session.reportInput(0), pdf);
    std::string text = pdfText(pdf);
    EXPECT_TRUE(contains(text, "线路长度1800.0m")) << text;
    EXPECT_TRUE(contains(text, "测试水库W11000.055.6%")) << text;
    // Before, every site of the session was drawn and labelled on each report's map.
    text.erase(text.find("CGCS2000"), 8);
    EXPECT_FALSE(contains(text, "S2")) << text;
    EXPECT_FALSE(contains(text, "他人项目")) << text;
}

TEST(ReportPdf, InputWarningsOfTheSiteFileAreInThePdf)
{
    // A 界址点 list on the Xian 1980 datum whose header says 0.5 ha for a 100 m x 100 m parcel
    // (1 ha): the two warnings the HTML report lists, in the PDF report too.
    QTemporaryDir dir;
    const QString zones = dir.filePath(QStringLiteral("zones.gpkg"));
    writeLayers(zones.toStdString(), test::tinyStoreLayers());
    const QString jzd = dir.filePath(QStringLiteral("w.txt"));
    QFile f(jzd);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("[属性描述]\n格式版本号=1.01\n坐标系=1980西安坐标系\n几度分带=3\n投影类型=高斯克吕格\n"
            "计量单位=米\n带号=40\n精度=0.001\n[地块坐标]\n5,0.5000,W1,测试地块,面,,,,@\n"
            "J1,1,3121400.000,40571400.000\nJ2,1,3121400.000,40571500.000\n"
            "J3,1,3121500.000,40571500.000\nJ4,1,3121500.000,40571400.000\n"
            "J1,1,3121400.000,40571400.000\n");
    f.close();
    int rc = -1;
    const QString out = run(QStringLiteral(REDLINE_VIEWER),
                            {QStringLiteral("--zones"), zones, QStringLiteral("--sites"), jzd,
                             QStringLiteral("--report"), dir.filePath(QStringLiteral("reports"))},
                            &rc);
    ASSERT_EQ(rc, 0) << out.toStdString();
    const std::string text = pdfText(dir.filePath(QStringLiteral("reports/W1_report.pdf")));
    EXPECT_TRUE(contains(text, "Xian1980datum")) << text;
    EXPECT_TRUE(contains(text, "headerarea0.5000hadiffers")) << text;
}
