// The Yongjia store in a real PostGIS (issue 10, items 1, 2, 5): push creates tables with GiST
// indexes, SRID and constraints (checked with psql and sqlite3, independent clients); a round trip
// GeoPackage -> PostGIS -> GeoPackage gives the same features; screening reads the same from
// both; pushing over a store needs --replace; bad rows are refused; a window loads only what
// the sites need; passwords never appear.

#include <cmath>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "redline/core/Error.hpp"
#include "redline/edit/EditSession.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/model/StoreTransfer.hpp"
#include "redline/model/ZoningSource.hpp"
#include "redline/model/ZoningStore.hpp"

#include "../unit/qa/SyntheticZoning.hpp"
#include "StoreCompare.hpp"
#include "TestSupport.hpp"

namespace redline
{
namespace
{

const std::string kCatalog = "datasets/yongjia/catalog.yaml";
const std::string kGpkg = "datasets/yongjia/zoning.gpkg";
const std::string kSites = "datasets/yongjia/sites.gpkg";

TEST(PostgisStore, PushCreatesIndexedConstrainedTables)
{
    gdalInit();
    REDLINE_REQUIRE_POSTGIS(pg);
    const std::string store = test::pushToFreshDatabase(*pg, kCatalog);
    const std::string db = test::PgCluster::databaseOf(store);
    const auto source = ZoningStore::load(kCatalog, StoreReadOptions{});
    for (const ZoneLayer& zl : source->layers())
    {
        // Feature counts: psql on the store against sqlite3 on the GeoPackage.
        const auto sqlite =
            test::runCommand("sqlite3 " + kGpkg + " 'SELECT count(*) FROM " + zl.name + "'");
        ASSERT_EQ(sqlite.exitCode, 0) << sqlite.err;
        EXPECT_EQ(pg->psql(db, "SELECT count(*) FROM zoning." + zl.name) + "\n", sqlite.out)
            << zl.name;
        // Areas: PostGIS's ST_Area against the engine's shoelace sum.
        double engine = 0;
        for (const auto& f : zl.layer->features)
            engine += f.geometry.planarArea();
        const double postgis =
            std::stod(pg->psql(db, "SELECT sum(ST_Area(geom)) FROM zoning." + zl.name));
        EXPECT_NEAR(postgis, engine, 1e-6 * std::max(1.0, engine)) << zl.name;
    }
    EXPECT_EQ(pg->psql(db, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'zoning' AND "
                           "indexdef LIKE '%USING gist (geom)%'"),
              std::to_string(source->layers().size()));
    EXPECT_EQ(pg->psql(db, "SELECT string_agg(DISTINCT srid::text, ',') FROM geometry_columns "
                           "WHERE f_table_schema = 'zoning' AND f_geometry_column = 'geom'"),
              "4549");
    EXPECT_EQ(pg->psql(db, "SELECT kind || ':' || id_field || ':' || name_field FROM "
                           "zoning.redline_catalog WHERE layer = 'water_protection_zones'"),
              "water_protection_zones:zone_id:name")
        << "the catalog.yaml's name field, not the conventional source_name";
    EXPECT_EQ(pg->psql(db, "SELECT value FROM zoning.redline_meta WHERE key = 'analysis_crs'"),
              "EPSG:4549");
    // The database itself refuses what the QA calls domain errors.
    for (const std::string bad :
         {"UPDATE zoning.ecological_redline SET redline_type = 'bogus'",
          "UPDATE zoning.ecological_redline SET zone_id = NULL",
          "UPDATE zoning.control_units SET unit_code = 'ZH330324X0001'",
          "UPDATE zoning.control_units SET unit_type = 'general' WHERE unit_type = 'priority'",
          "UPDATE zoning.water_protection_zones SET level = 'III'",
          "INSERT INTO zoning.ecological_redline (geom, zone_id, redline_type) VALUES "
          "(ST_GeomFromText('POINT(560000 3110000)', 4549), 'X', 'scenic')",
          "INSERT INTO zoning.ecological_redline (geom, zone_id, redline_type) VALUES "
          "(ST_Multi(ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))', 4490)), 'X', 'scenic')"})
        EXPECT_THROW((void)pg->psql(db, bad), std::runtime_error) << bad;
    // …and accepts every spelling the QA accepts (the vocabulary's, full-width, padded).
    for (const std::string good :
         {"UPDATE zoning.water_protection_zones SET level = '一级保护区' WHERE zone_id LIKE '%-I'",
          "UPDATE zoning.water_protection_zones SET level = ' Ｉ ' WHERE zone_id LIKE '%-I'",
          "UPDATE zoning.protected_areas SET category = NULL"})
        EXPECT_NO_THROW((void)pg->psql(db, good)) << good;
    const auto check = test::runRedline("check --zones '" + store + "' --format json");
    EXPECT_EQ(check.out.find("attribute_domain"), std::string::npos) << check.out;
}

TEST(PostgisStore, RoundTripGivesTheSameFeatures)
{
    gdalInit();
    REDLINE_REQUIRE_POSTGIS(pg);
    test::TempDir dir;
    const std::string store = test::pushToFreshDatabase(*pg, kCatalog);
    test::expectSameFeatures(kCatalog, store);
    const std::string copy = dir.file("offline.gpkg");
    const auto summary = pullStore(store, copy, {});
    EXPECT_EQ(summary.layers, 11U); // with the synthetic farmland and development boundary
    test::expectSameFeatures(kCatalog, copy);
    // The copy carries the catalog: it needs no side file and pushes back the same.
    EXPECT_EQ(ZoningSource::open(copy)->layerInfo("water_protection_zones").nameField, "name");
    const std::string again = test::pushToFreshDatabase(*pg, copy, "yongjia");
    test::expectSameFeatures(copy, again);
    // A plain GeoPackage (conventional names) goes round too.
    const std::string plain = test::pushToFreshDatabase(*pg, kGpkg);
    const std::string plainCopy = dir.file("plain.gpkg");
    (void)pullStore(plain, plainCopy, {});
    test::expectSameFeatures(kGpkg, plainCopy);
}

TEST(PostgisStore, PushOverAStoreNeedsReplace)
{
    gdalInit();
    REDLINE_REQUIRE_POSTGIS(pg);
    const std::string store = test::pushToFreshDatabase(*pg, kGpkg);
    const std::string db = test::PgCluster::databaseOf(store);
    (void)pg->psql(db, "CREATE TABLE zoning.notes (t text); INSERT INTO zoning.notes VALUES ('x')");
    try
    {
        (void)pushStore(kCatalog, store, {});
        FAIL() << "pushed over a store";
    }
    catch (const ConfigError& e)
    {
        EXPECT_NE(std::string(e.what()).find("--replace"), std::string::npos) << e.what();
        test::expectNoSecret(e.what(), pg->superuserPassword());
    }
    EXPECT_EQ(pg->psql(db, "SELECT name_field FROM zoning.redline_catalog WHERE layer = "
                           "'water_protection_zones'"),
              "source_name")
        << "the refused push changed nothing";
    PushOptions replace;
    replace.replace = true;
    (void)pushStore(kCatalog, store, replace);
    EXPECT_EQ(pg->psql(db, "SELECT name_field FROM zoning.redline_catalog WHERE layer = "
                           "'water_protection_zones'"),
              "name");
    EXPECT_EQ(pg->psql(db, "SELECT t FROM zoning.notes"), "x") << "other tables are left alone";
}

TEST(PostgisStore, PushRefusesADomainErrorAndWritesNothing)
{
    gdalInit();
    REDLINE_REQUIRE_POSTGIS(pg);
    test::TempDir dir;
    auto layers = test::cleanSyntheticStore();
    test::layerNamed(layers, "control_units").features[1].attributes[2].second = "bogus";
    const std::string gpkg = dir.file("bad.gpkg");
    test::writeSyntheticGpkg(layers, gpkg);
    const std::string target = pg->createDatabase() + " schemas=bad";
    try
    {
        (void)pushStore(gpkg, target, {});
        FAIL() << "pushed a unit_type outside its domain";
    }
    catch (const ConfigError& e)
    {
        const std::string what = e.what();
        EXPECT_NE(what.find("ZH33032420001"), std::string::npos) << what;
        EXPECT_NE(what.find("unit_type 'bogus'"), std::string::npos) << what;
    }
    EXPECT_EQ(pg->psql(test::PgCluster::databaseOf(target),
                       "SELECT count(*) FROM pg_namespace WHERE nspname = 'bad'"),
              "0");
}

nlohmann::json screen(const std::string& zones, const std::string& extra = {})
{
    const auto r = test::runRedline("screen --zones '" + zones + "' --sites " + kSites +
                                    " --format json " + extra);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return nlohmann::json::parse(r.out);
}

TEST(PostgisStore, ScreeningIsIdenticalFromGeoPackageAndPostgis)
{
    gdalInit();
    REDLINE_REQUIRE_POSTGIS(pg);
    const std::string store = test::pushToFreshDatabase(*pg, kCatalog);
    const auto file = screen(kCatalog);
    const auto r =
        test::runRedline("screen --zones '" + store + "' --sites " + kSites + " --format json");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    test::expectNoSecret(r.out + r.err, pg->superuserPassword());
    const auto db = nlohmann::json::parse(r.out);
    ASSERT_EQ(file["sites"].size(), db["sites"].size());
    std::size_t hits = 0;
    for (std::size_t i = 0; i < file["sites"].size(); ++i)
    {
        EXPECT_EQ(file["sites"][i].dump(), db["sites"][i].dump()) << file["sites"][i]["site_id"];
        hits += file["sites"][i]["hits"].size();
    }
    EXPECT_GT(hits, 100U);
    EXPECT_EQ(file["store"], kCatalog);
    EXPECT_EQ(file["store_revision"], 0);
    EXPECT_EQ(db["store_revision"], 0);
    EXPECT_EQ(db["store"].get<std::string>().rfind("PG:host=127.0.0.1", 0), 0U) << db["store"];
    EXPECT_NE(db["store"].get<std::string>().find("schemas=zoning"), std::string::npos);
    EXPECT_EQ(db["rule_set"], "rules.yongjia");
    EXPECT_FALSE(db["rule_set_version"].get<std::string>().empty());
    // check and stats read the same zoning too.
    const auto checkFile = test::runRedline("check --zones " + kCatalog);
    const auto checkDb = test::runRedline("check --zones '" + store + "'");
    // Both find the three 三区三线 overlaps planted in the demo store (datasets/yongjia/README.md).
    const auto overlaps = [](const std::string& out)
    {
        std::size_t n = 0;
        for (auto at = out.find("[coordination_overlap]"); at != std::string::npos;
             at = out.find("[coordination_overlap]", at + 1))
            ++n;
        return n;
    };
    EXPECT_EQ(checkFile.exitCode, 1);
    EXPECT_EQ(checkDb.exitCode, 1) << checkDb.out << checkDb.err;
    EXPECT_EQ(overlaps(checkFile.out), 3U) << checkFile.out;
    EXPECT_EQ(overlaps(checkDb.out), 3U) << checkDb.out;
    // Same findings otherwise: only the store's name in the first line differs.
    const auto afterFirstLine = [](const std::string& text)
    { return text.substr(text.find('\n') + 1); };
    EXPECT_EQ(afterFirstLine(checkDb.out), afterFirstLine(checkFile.out));
    const auto statsFile = test::runRedline("stats --zones " + kCatalog + " --by township");
    const auto statsDb = test::runRedline("stats --zones '" + store + "' --by township");
    EXPECT_EQ(statsFile.out, statsDb.out);
    test::expectNoSecret(checkDb.out + checkDb.err + statsDb.out + statsDb.err,
                         pg->superuserPassword());
}

TEST(PostgisStore, WrongPasswordOrMissingSchemaIsOneClearLine)
{
    gdalInit();
    REDLINE_REQUIRE_POSTGIS(pg);
    const std::string store = test::pushToFreshDatabase(*pg, kGpkg);
    const std::string db = test::PgCluster::databaseOf(store);
    const std::string wrong = "NotTheRightOne42";
    const std::string bad = pg->connectionString(db, "postgres", wrong) + " schemas=zoning";
    for (const std::string& command :
         {"screen --zones '" + bad + "' --sites " + kSites, "check --zones '" + bad + "'",
          "stats --zones '" + bad + "'", "history --zones '" + bad + "'",
          "store pull '" + bad + "' /tmp/never.gpkg", "store push " + kGpkg + " '" + bad + "'"})
    {
        const auto r = test::runRedline(command);
        EXPECT_EQ(r.exitCode, 1) << command;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_NE(r.err.find("password authentication failed"), std::string::npos) << r.err;
        test::expectNoSecret(r.err + r.out, wrong);
        test::expectNoSecret(r.err + r.out, pg->superuserPassword());
    }
    const std::string missing =
        pg->connectionString(db, "postgres", pg->superuserPassword()) + " schemas=nope";
    const auto r = test::runRedline("screen --zones '" + missing + "' --sites " + kSites);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find("has no schema 'nope'"), std::string::npos) << r.err;
    test::expectNoSecret(r.err, pg->superuserPassword());
    // A URI with the password in it, and a usage error echoing it, stay clean too.
    const std::string uri = "postgresql://postgres:" + wrong +
                            "@127.0.0.1:" + std::to_string(pg->port()) + "/" + db +
                            "?schema=zoning";
    const auto u = test::runRedline("stats --zones '" + uri + "'");
    EXPECT_EQ(u.exitCode, 1);
    test::expectNoSecret(u.err + u.out, wrong);
    const auto usage = test::runRedline("stats --zones '" + uri + "' '" + bad + "'");
    EXPECT_EQ(usage.exitCode, 2);
    test::expectNoSecret(usage.err + usage.out, wrong);
}

TEST(PostgisStore, AWindowLoadsOnlyWhatTheSitesNeedWithTheSameResults)
{
    gdalInit();
    REDLINE_REQUIRE_POSTGIS(pg);
    const std::string store = test::pushToFreshDatabase(*pg, kCatalog);
    const std::string db = test::PgCluster::databaseOf(store);
    const Envelope window{560000, 3120000, 566000, 3126000};
    StoreReadOptions o;
    o.window = window;
    const auto part = ZoningStore::load(store, o);
    const auto whole = ZoningStore::load(store, StoreReadOptions{});
    std::size_t partCount = 0;
    for (const ZoneLayer& zl : part->layers())
    {
        // PostGIS's own answer for the same envelope, through psql.
        const std::string expected = pg->psql(
            db, "SELECT count(*) FROM zoning." + zl.name +
                    " WHERE geom && ST_MakeEnvelope(560000, 3120000, 566000, 3126000, 4549)");
        EXPECT_EQ(std::to_string(zl.layer->features.size()), expected) << zl.name;
        partCount += zl.layer->features.size();
    }
    std::size_t wholeCount = 0;
    for (const ZoneLayer& zl : whole->layers())
        wholeCount += zl.layer->features.size();
    EXPECT_LT(partCount, wholeCount / 2);
    EXPECT_EQ(part->provenance().window.has_value(), true);

    // Screening sites inside the window: the same JSON with and without the window.
    test::TempDir dir;
    const std::string sites = dir.file("few.geojson");
    test::writeFile(
        sites,
        R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4549"}},"features":[
{"type":"Feature","properties":{"site_id":"W1","project_type":"industrial"},"geometry":{"type":"Polygon","coordinates":[[[562000,3122000],[562400,3122000],[562400,3122400],[562000,3122400],[562000,3122000]]]}},
{"type":"Feature","properties":{"site_id":"W2","project_type":"road"},"geometry":{"type":"LineString","coordinates":[[561000,3121000],[564500,3124800]]}}]})");
    const auto windowed = test::runRedline("screen --zones '" + store + "' --sites " + sites);
    const auto file = test::runRedline("screen --zones " + kCatalog + " --sites " + sites);
    ASSERT_EQ(windowed.exitCode, 0) << windowed.err;
    ASSERT_EQ(file.exitCode, 0) << file.err;
    const auto a = nlohmann::json::parse(windowed.out);
    const auto b = nlohmann::json::parse(file.out);
    EXPECT_EQ(a["sites"].dump(), b["sites"].dump());
    EXPECT_GT(a["sites"][0]["hits"].size() + a["sites"][1]["hits"].size(), 2U);
}

} // namespace
} // namespace redline

namespace redline
{
namespace
{

// A province's store carries a county code on every feature: pushed with --partition-by, each
// layer that has it becomes a LIST-partitioned table (one partition per county, each with its
// GiST index); reading, windows, edits moving a feature to another county and --at-rev work the
// same.
TEST(PostgisStore, CountyPartitionedStoreReadsAndEditsLikeAPlainOne)
{
    gdalInit();
    REDLINE_REQUIRE_POSTGIS(pg);
    test::TempDir dir;
    auto layers = test::cleanSyntheticStore();
    for (auto& l : layers)
        for (std::size_t i = 0; i < l.features.size(); ++i)
            if (l.name != "county")
                l.features[i].attributes.emplace_back("county_code",
                                                      i % 2 == 0 ? "330324" : "330325");
    const std::string gpkg = dir.file("two-counties.gpkg");
    test::writeSyntheticGpkg(layers, gpkg);
    const std::string store = pg->createDatabase() + " schemas=province";
    PushOptions o;
    o.partitionBy = "county_code";
    (void)pushStore(gpkg, store, o);
    const std::string db = test::PgCluster::databaseOf(store);
    // control_units: 4 units in 2 counties -> 2 partitions + the default one, all indexed.
    EXPECT_EQ(pg->psql(db, "SELECT count(*) FROM pg_partitioned_table p JOIN pg_class c ON "
                           "c.oid = p.partrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE n.nspname = 'province'"),
              "5")
        << "every layer but county (which has no county_code) is partitioned";
    EXPECT_EQ(pg->psql(db, "SELECT count(*) FROM pg_inherits WHERE inhparent = "
                           "'province.control_units'::regclass"),
              "3");
    EXPECT_EQ(pg->psql(db, "SELECT count(*) FROM province.control_units_p1"), "2");
    EXPECT_EQ(pg->psql(db, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'province' AND "
                           "tablename LIKE 'control_units_%' AND indexdef LIKE '%gist (geom)%'"),
              "3");
    test::expectSameFeatures(gpkg, store);

    // An edit moves U2 to the other county (the row changes partition); at-rev 0 gives it back.
    {
        EditSession s(store, "planner");
        std::int64_t u2 = 0;
        for (const auto& f : s.features("control_units"))
            if (f.attributes.text("unit_code") == "ZH33032420001")
                u2 = f.fid;
        s.setAttribute("control_units", u2, "county_code", std::string("330324"));
        ASSERT_EQ(s.commit("U2 handed over").revision, 1);
    }
    EXPECT_EQ(pg->psql(db, "SELECT count(*) FROM province.control_units_p1"), "3");
    StoreReadOptions r0;
    r0.revision = 0;
    r0.repairInvalid = false;
    const auto before = ZoningStore::load(store, r0);
    std::size_t in325 = 0;
    for (const auto& f : before->findLayer("control_units")->layer->features)
        in325 += f.attributes.text("county_code") == "330325" ? 1 : 0;
    EXPECT_EQ(in325, 2U);
    // A window on the first county's corner reads only what PostGIS finds there.
    StoreReadOptions w;
    w.window = Envelope{test::kX0, test::kY0, test::kX0 + 400, test::kY0 + 400};
    const auto part = ZoningStore::load(store, w);
    EXPECT_EQ(std::to_string(part->findLayer("control_units")->layer->features.size()),
              pg->psql(db, "SELECT count(*) FROM province.control_units WHERE geom && "
                           "ST_MakeEnvelope(560000, 3110000, 560400, 3110400, 4549)"));
}

} // namespace
} // namespace redline
