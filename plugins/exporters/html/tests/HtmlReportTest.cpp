// The HTML report on the hand-made store of plugins/report/tests/ReportTestStore.hpp: the
// content (verdict sentence, provenance, lengths for lines, notes), and its map, rasterised by an
// independent SVG renderer (librsvg's rsvg-convert) and read back with GDAL: zoning colours at
// pixels computed by hand from the geometry, and no other applicant's site on the map.
#include "exporters/html/HtmlReport.hpp"

#include <array>
#include <cmath>
#include <regex>
#include <sstream>

#include <gdal.h>
#include <gtest/gtest.h>

#include "redline/io/SiteSource.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/plugin/Registry.hpp"
#include "redline/rules/Terms.hpp"
#include "redline/rules/Vocabulary.hpp"

#include "BuiltinPlugins.hpp"
#include "TestSupport.hpp"
#include "report/tests/ReportTestStore.hpp"

using namespace redline;

namespace
{

bool contains(const std::string& s, const std::string& part)
{
    return s.find(part) != std::string::npos;
}

// The section of site `id` (from its <section> to the next).
std::string sectionOf(const std::string& html, const std::string& id)
{
    const std::size_t h2 = html.find("<h2>" + id + " ");
    if (h2 == std::string::npos)
        return {};
    const std::size_t start = html.rfind("<section", h2);
    return html.substr(start, html.find("</section>", h2) - start);
}

// The site's map as PNG pixels, rendered by rsvg-convert and decoded by GDAL.
class Raster
{
  public:
    Raster(const std::string& svg, const test::TempDir& dir, const std::string& name)
    {
        const std::string svgPath = dir.file(name + ".svg");
        const std::string pngPath = dir.file(name + ".png");
        test::writeFile(svgPath, svg);
        const auto r = test::runCommand("rsvg-convert -o '" + pngPath + "' '" + svgPath + "'");
        EXPECT_EQ(r.exitCode, 0) << r.err;
        GDALAllRegister();
        m_ds = GDALOpen(pngPath.c_str(), GA_ReadOnly);
        EXPECT_NE(m_ds, nullptr) << pngPath;
    }
    ~Raster()
    {
        if (m_ds != nullptr)
            GDALClose(m_ds);
    }
    Raster(const Raster&) = delete;
    Raster& operator=(const Raster&) = delete;

    [[nodiscard]] int width() const { return m_ds ? GDALGetRasterXSize(m_ds) : 0; }
    [[nodiscard]] int height() const { return m_ds ? GDALGetRasterYSize(m_ds) : 0; }
    // RGB at pixel (x, y) (the PNG is RGBA; rsvg composites onto the SVG's white background).
    [[nodiscard]] std::array<int, 3> rgb(double x, double y) const
    {
        std::array<int, 3> out{-1, -1, -1};
        for (int b = 0; b < 3 && m_ds != nullptr; ++b)
        {
            unsigned char v = 0;
            if (GDALRasterIO(GDALGetRasterBand(m_ds, b + 1), GF_Read, static_cast<int>(x),
                             static_cast<int>(y), 1, 1, &v, 1, 1, GDT_Byte, 0, 0) == CE_None)
                out[static_cast<std::size_t>(b)] = v;
        }
        return out;
    }

  private:
    GDALDatasetH m_ds = nullptr;
};

// `over` with opacity alpha/255 composited onto `under` (source-over).
std::array<double, 3> over(std::array<double, 3> under, std::array<double, 3> colour, double alpha)
{
    for (std::size_t i = 0; i < 3; ++i)
        under[i] += (colour[i] - under[i]) * alpha / 255.0;
    return under;
}

void expectColour(const Raster& r, double x, double y, std::array<double, 3> expected,
                  const char* what)
{
    const auto got = r.rgb(x, y);
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_NEAR(got[i], expected[i], 2.0)
            << what << " at (" << x << ", " << y << "): channel " << i << " is " << got[i]
            << ", expected " << expected[i];
}

std::string mapOf(const std::string& section)
{
    const std::size_t start = section.find("<svg class=\"map\"");
    return section.substr(start, section.find("</svg>", start) + 6 - start);
}

const std::array<double, 3> kWhite{255, 255, 255};

} // namespace

TEST(HtmlReport, StatesVerdictMeaningProvenanceAndLengthsForLines)
{
    std::ostringstream out;
    writeHtmlReport(test::reportTestReport(), out, "2026-01-02");
    const std::string html = out.str();
    EXPECT_TRUE(contains(html, "<meta charset=\"utf-8\">"));
    const std::string p = sectionOf(html, "P");
    ASSERT_FALSE(p.empty());
    // What the verdict means, at the top of the section (before the profile).
    EXPECT_LT(p.find("<p class=\"meaning\">需进一步论证："), p.find("一、项目概况")) << p;
    EXPECT_TRUE(contains(p, "<td>甲镇</td>"));
    EXPECT_TRUE(contains(p, "10000.00 m²（15.00 亩）"));
    EXPECT_TRUE(contains(p, "<td>修订版本 7</td>"));
    EXPECT_TRUE(contains(p, "<td>none（版本 1）</td>"));
    EXPECT_TRUE(contains(p, "不构成行政许可"));

    const std::string l = sectionOf(html, "L");
    EXPECT_TRUE(contains(l, "<th>重叠长度（m）</th><th>占线路长度比例</th>")) << l;
    // 400 m of the 1000 m line in the red line.
    EXPECT_TRUE(contains(l, "<td>测试红线<br>R1</td><td>400.0</td><td>40.0%</td>")) << l;
    EXPECT_FALSE(contains(l, "重叠面积")) << l;
    EXPECT_FALSE(contains(l, "0.00 m²")) << l;
    EXPECT_TRUE(contains(l, "<td>乙镇、甲镇</td>"));

    const std::string o = sectionOf(html, "O");
    EXPECT_TRUE(contains(o, "<td>县域范围外</td>"));
    EXPECT_TRUE(contains(o, "站点位于县域范围外"));
}

TEST(HtmlReport, EscapesTextAndListsInputWarnings)
{
    ScreeningReport r = test::reportTestReport();
    r.results[0].name = "测试<项目>";
    r.warnings = {"sites.txt, parcel 'P' (line 3): header area 1.5 ha differs"};
    std::ostringstream out;
    writeHtmlReport(r, out, "2026-01-02");
    const std::string p = sectionOf(out.str(), "P");
    EXPECT_TRUE(contains(p, "测试&lt;项目&gt;"));
    EXPECT_TRUE(contains(p, "输入数据：sites.txt, parcel 'P' (line 3): header area 1.5 ha"));
}

TEST(HtmlReport, MapShowsTheZoningColoursAroundTheSiteAndNoOtherSite)
{
    test::TempDir dir;
    std::ostringstream out;
    writeHtmlReport(test::reportTestReport(), out, "2026-01-02");
    const std::string html = out.str();

    // P's map. P [300,400]^2 grows by 120 m to [180,520]^2, widened to 640:400 about its centre
    // x = 350: x in [78, 622], y in [180, 520], 640 / 544 px per metre; pixel = ((x - 78) * s,
    // (520 - y) * s).
    const std::string pMap = mapOf(sectionOf(html, "P"));
    const Raster p(pMap, dir, "p");
    ASSERT_EQ(p.width(), 640);
    ASSERT_EQ(p.height(), 400);
    const double s = 640.0 / 544.0;
    const auto px = [&](double x, double y) { return std::make_pair((x - 78) * s, (520 - y) * s); };
    // Unit A (priority: rgb(76,175,80) at alpha 110) over white, at (200, 250) in A only.
    const auto unitA = over(kWhite, {76, 175, 80}, 110);
    auto [ax, ay] = px(200, 250);
    expectColour(p, ax, ay, unitA, "unit A");
    // Inside S2 [550,650]x[300,400], another applicant's parcel: the unit's colour, nothing else.
    auto [sx, sy] = px(590, 350);
    expectColour(p, sx, sy, unitA, "another applicant's site");
    EXPECT_FALSE(contains(pMap, ">S2<"));
    // P's own outline: black, on its west edge x = 300.
    auto [ox, oy] = px(300, 350);
    const auto edge = p.rgb(ox, oy);
    EXPECT_LT(edge[0] + edge[1] + edge[2], 150) << edge[0] << "," << edge[1] << "," << edge[2];

    // L's map. The line (600,500)-(1600,500) grows by 600 m to [0,2200]x[-100,1100], widened to
    // 640:400: y in [-187.5, 1187.5], 640 / 2200 px per metre.
    const Raster l(mapOf(sectionOf(html, "L")), dir, "l");
    const double t = 640.0 / 2200.0;
    // (1500, 300): unit B (key: rgb(255,87,34) at 110) under the red line (water conservation:
    // rgb(255,96,96) at 150).
    expectColour(l, 1500 * t, (1187.5 - 300) * t,
                 over(over(kWhite, {255, 87, 34}, 110), {255, 96, 96}, 150),
                 "red line over unit B");
    // (500, 200): unit A only.
    expectColour(l, 500 * t, (1187.5 - 200) * t, unitA, "unit A");
    // (2100, 500): outside the county, where the store has nothing: white.
    expectColour(l, 2100 * t, (1187.5 - 500) * t, kWhite, "outside every layer");
}

TEST(HtmlReport, YongjiaReportShowsChineseTermsNotCodes)
{
    // The bundled sites screened by rules.yongjia, as `redline screen --format html` does.
    gdalInit();
    Registry registry;
    registerBuiltinPlugins(registry);
    ScreeningReport r;
    r.zones = test::sourcePath("datasets/yongjia/catalog.yaml");
    r.analysisCrs = "EPSG:4549";
    r.ruleSet = "rules.yongjia";
    r.zoning = ZoningStore::load(r.zones);
    const Layer sites = loadSites(test::sourcePath("datasets/yongjia/sites.gpkg"),
                                  r.zoning->analysisCrs(), {}, &registry);
    const Screening screening(r.zoning, registry.ruleSet("rules.yongjia"));
    r.results = screening.run(sites);
    std::ostringstream out;
    writeHtmlReport(r, out, "2026-01-02");
    // The text a reader sees: no style sheet, no tags.
    std::string text = std::regex_replace(out.str(), std::regex("<style>[^]*?</style>"), "");
    text = std::regex_replace(text, std::regex("<[^>]*>"), " ");

    // Canonical values of the vocabulary (four letters or more, to skip I, II, key, new …) and
    // the project attributes' names: each shown in Chinese, never as the code.
    std::vector<std::string> codes;
    for (const char* domain : {"zone_kind", "redline_type", "unit_type", "key_subtype", "category",
                               "zoning", "prohibition", "project_type", "construction"})
        for (const Term& t : findTermDomain(domain)->terms)
            codes.push_back(t.value);
    for (const std::string& flag : Vocabulary::builtin().flags)
        codes.push_back(flag);
    for (const char* v : {"prohibited", "restricted", "needs_review", "allowed", "Polygon",
                          "LineString", "MultiPoint", "project_type", "industry_code"})
        codes.emplace_back(v);
    for (const std::string& code : codes)
    {
        if (code.size() < 4)
            continue;
        const std::regex word("(^|[^A-Za-z_])" + code + "([^A-Za-z_]|$)");
        std::smatch m;
        EXPECT_FALSE(std::regex_search(text, m, word))
            << code << " in: …"
            << text.substr(static_cast<std::size_t>(std::max<long>(0, m.position(0) - 80)), 200)
            << "…";
    }
    EXPECT_TRUE(contains(text, "旅游设施"));       // D12's tourism_facility
    EXPECT_TRUE(contains(text, "是否排放污染物")); // a reason naming the attribute it lacks
}
