// Numbers read from and written to text do not depend on the locale (issue 9 item 5). Each test
// runs under de_DE.UTF-8, which writes 12,5 for 12.5 — set for C (setlocale, as Qt's
// QCoreApplication does) and for C++ streams (std::locale::global) — and checks that 界址点
// lists, vertex rows, --towgs84, catalog.yaml, rule files and every writer give the same numbers
// as in the C locale. The locale comes from scripts/install-deps.sh; the tests are skipped with
// a message only when it cannot be created.

#include <algorithm>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <locale>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "redline/core/Numbers.hpp"
#include "redline/io/SiteSource.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/io/VectorWriter.hpp"
#include "redline/model/ZoningStore.hpp"
#include "redline/plugin/Registry.hpp"
#include "redline/report/ReportWriter.hpp"
#include "redline/rules/ResolveRuleSet.hpp"

#include "BuiltinPlugins.hpp"
#include "TestSupport.hpp"
#include "exporters/html/HtmlReport.hpp"
#include "exporters/jzd/JzdExporter.hpp"

using namespace redline;
using redline::test::readFile;
using redline::test::runCommand;
using redline::test::sourcePath;
using redline::test::TempDir;
using redline::test::writeFile;

namespace
{

constexpr const char* kCommaLocale = "de_DE.UTF-8";

class LocaleIndependence : public testing::Test
{
  protected:
    void SetUp() override
    {
        gdalInit();
        registerBuiltinPlugins(m_registry);
        if (std::setlocale(LC_ALL, kCommaLocale) == nullptr)
            GTEST_SKIP() << "the " << kCommaLocale
                         << " locale is not installed (scripts/install-deps.sh generates it)";
        m_previous = std::locale::global(std::locale(kCommaLocale));
        // The locale really writes a decimal comma, or these tests would prove nothing.
        char buf[16];
        std::snprintf(buf, sizeof buf, "%.1f", 12.5);
        ASSERT_STREQ(buf, "12,5");
        ASSERT_EQ(std::strtod("12.5", nullptr), 12.0);
    }
    void TearDown() override
    {
        std::setlocale(LC_ALL, "C");
        std::locale::global(m_previous);
    }

    Registry m_registry;
    std::locale m_previous;
    TempDir m_dir;
};

// A hand-made report: one 100 m × 126.6675 m parcel (12666.75 m² = 19.000125 亩) with one hit.
ScreeningReport handMadeReport()
{
    ScreeningReport r;
    r.redlineVersion = "test";
    r.analysisCrs = "EPSG:4549";
    SiteResult s;
    s.siteId = "L1";
    s.name = "测试地块";
    s.geometry = Geometry::polygon({{563800, 3115200},
                                    {563900, 3115200},
                                    {563900, 3115326.6675},
                                    {563800, 3115326.6675},
                                    {563800, 3115200}});
    s.areaM2 = 12666.75;
    s.verdict = Verdict::Restricted;
    Hit h;
    h.layer = h.kind = "ecological_redline";
    h.zoneId = "HX-01";
    h.overlapM2 = 5000.5;
    h.siteShare = 0.25;
    h.distanceM = 0;
    h.verdict = Verdict::Restricted;
    s.hits.push_back(h);
    r.results.push_back(s);
    return r;
}

} // namespace

TEST_F(LocaleIndependence, NumbersParseAndPrintWithADot)
{
    EXPECT_EQ(parseNumber("3115200.125"), 3115200.125);
    EXPECT_EQ(parseNumber(" +1e-3 "), 0.001);
    EXPECT_EQ(parseNumber("12,5"), std::nullopt);
    EXPECT_EQ(parseNumber("1.2.3"), std::nullopt);
    EXPECT_EQ(parseNumber("inf"), std::nullopt);
    EXPECT_EQ(parseNumber(""), std::nullopt);
    EXPECT_EQ(parseInteger("42"), 42);
    EXPECT_EQ(parseInteger("4.2"), std::nullopt);
    EXPECT_EQ(formatFixed(1234.5, 2), "1234.50");
    EXPECT_EQ(formatFixed(-0.126, 1), "-0.1");
    EXPECT_EQ(formatFixed(std::nan(""), 2), "-");
    EXPECT_EQ(formatSigned(1.5, 2), "+1.50");
    EXPECT_EQ(formatSigned(-0.25, 2), "-0.25");
    EXPECT_EQ(formatSignificant(0.1, 15), "0.1");
    EXPECT_EQ(formatShortest(563847.123456789), "563847.123456789");
    Attributes a;
    a.set("v", 12.5);
    EXPECT_EQ(a.text("v"), "12.5");
    a.set("t", std::string("12.5"));
    EXPECT_EQ(a.number("t"), 12.5);
}

TEST_F(LocaleIndependence, JzdListCoordinatesKeepTheirDecimals)
{
    // A 100 m square at fractional coordinates (3-degree zone 40, easting prefix 40).
    const std::string path = m_dir.file("site.txt");
    writeFile(path, "[属性描述]\n坐标系=2000国家大地坐标系\n几度分带=3\n带号=40\n精度=0.001\n"
                    "[地块坐标]\n5,1.0000,YJ-01,测试地块,面,,工业用地,0601,@\n"
                    "J1,1,3115200.125,40567700.250\nJ2,1,3115200.125,40567800.250\n"
                    "J3,1,3115300.125,40567800.250\nJ4,1,3115300.125,40567700.250\n"
                    "J1,1,3115200.125,40567700.250\n");
    SiteSourceOptions so;
    so.reproject = false;
    const Layer l = loadSites(path, Crs::fromEpsg(4549), so, &m_registry);
    ASSERT_EQ(l.features.size(), 1u);
    const Envelope& e = l.features[0].geometry.envelope();
    EXPECT_EQ(e.minX, 40567700.25);
    EXPECT_EQ(e.minY, 3115200.125);
    EXPECT_DOUBLE_EQ(l.features[0].geometry.planarArea(), 10000.0);

    // And written back with dots.
    const std::string text = JzdExporter().render(l);
    EXPECT_NE(text.find("J1,1,3115200.125,40567700.250"), std::string::npos) << text;
    EXPECT_NE(text.find("精度=0.001"), std::string::npos) << text;
}

TEST_F(LocaleIndependence, VertexRowsAndTowgs84)
{
    const std::string csv = m_dir.file("rows.csv");
    writeFile(csv, "site_id,x,y\nA,563800.5,3115200.25\n");
    SiteSourceOptions so;
    so.siteCrs = "EPSG:4549";
    const Layer l = loadSites(csv, Crs::fromEpsg(4549), so, &m_registry);
    ASSERT_EQ(l.features.size(), 1u);
    EXPECT_EQ(l.features[0].geometry.parts()[0][0][0], (Point{563800.5, 3115200.25}));

    EXPECT_EQ(parseTowgs84("15.8,-154.4,-82.3"), (std::vector<double>{15.8, -154.4, -82.3}));
}

TEST_F(LocaleIndependence, CatalogAndRuleFileNumbers)
{
    const std::string catalog = m_dir.file("catalog.yaml");
    writeFile(catalog, "analysis_crs: EPSG:4549\nlayers:\n  - {source: " +
                           sourcePath("datasets/yongjia/zoning.gpkg") +
                           ", layer: prohibited_zones, kind: prohibited_zones, buffer_m: 150.5, "
                           "official_area_km2: 12.25}\n");
    const auto store = ZoningStore::load(catalog);
    ASSERT_EQ(store->layers().size(), 1u);
    EXPECT_EQ(store->layers()[0].bufferM, 150.5);
    EXPECT_EQ(store->layers()[0].officialAreaKm2, 12.25);
    // The built-in rule file (integer fields such as industrial classes) loads the same.
    EXPECT_NO_THROW((void)resolveRuleSet(m_registry, kDefaultRuleSet));
}

TEST_F(LocaleIndependence, ReportWritersWriteDots)
{
    const ScreeningReport r = handMadeReport();
    std::ostringstream json;
    writeReport(r, "json", json);
    const auto j = nlohmann::json::parse(json.str());
    EXPECT_EQ(j["sites"][0]["area_m2"].get<double>(), 12666.75);
    EXPECT_EQ(j["sites"][0]["area_mu"].get<double>(), 19.000125);

    std::ostringstream csv;
    writeReport(r, "csv", csv);
    EXPECT_NE(csv.str().find(",5000.5000,7.500750,0.250000000,0.0000,0.0000,"), std::string::npos)
        << csv.str();

    std::ostringstream html;
    writeHtmlReport(r, html);
    EXPECT_NE(html.str().find("12666.75 m²"), std::string::npos);
    EXPECT_EQ(html.str().find("12666,75"), std::string::npos);

    // GDAL's writers too (GeoJSON coordinates and a real attribute).
    Layer l;
    l.name = "sites";
    l.crs = Crs::fromEpsg(4549);
    l.fieldNames = {"share"};
    Feature f;
    f.geometry = Geometry::point(563847.5, 3115235.25);
    f.attributes.set("share", 0.25);
    l.features.push_back(f);
    const std::string out = m_dir.file("sites.geojson");
    (void)writeLayers(out, {l});
    const auto g = nlohmann::json::parse(readFile(out));
    EXPECT_EQ(g["features"][0]["properties"]["share"].get<double>(), 0.25);
    EXPECT_EQ(g["features"][0]["geometry"]["coordinates"][0].get<double>(), 563847.5);
}

TEST_F(LocaleIndependence, CliUnderACommaLocaleEnvironment)
{
    // The CLI never calls setlocale, so LC_ALL does not reach its numbers: --buffer 150.5 parses
    // and every CSV row keeps its 18 columns: DESIGN A4's 13, message and the 4 of the provenance
    // (a decimal comma would add columns).
    const auto r =
        runCommand(std::string("LC_ALL=") + kCommaLocale + " '" + REDLINE_CLI +
                   "' screen --zones " + sourcePath("datasets/yongjia/catalog.yaml") +
                   " --site-wkt 'POINT (563847.5 3115235.25)' --buffer 150.5 --format csv");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::stringstream rows(r.out);
    int count = 0;
    for (std::string row; std::getline(rows, row); ++count)
        EXPECT_EQ(std::count(row.begin(), row.end(), ','), 17) << row;
    EXPECT_GT(count, 1);
}
