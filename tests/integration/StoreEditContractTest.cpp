// The edit-session contract on both kinds of store (issue 10, item 3): the same tests run on a
// GeoPackage and on a PostGIS schema — QA on what changed, revision and audit rows, optimistic
// concurrency naming the conflicting features, disjoint edits from two planners (two processes
// at once) both landing, SIGKILL mid-commit leaving the previous revision, `--at-rev`
// reproducing a verdict from before a planted red-line change, and whole-layer imports.
// Expected areas come from the hand-made squares of SyntheticZoning.hpp; on PostGIS the audit
// rows are also read back with psql.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "redline/edit/EditSession.hpp"
#include "redline/edit/LayerImport.hpp"
#include "redline/edit/Revision.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/model/ZoningStore.hpp"

#include "../unit/qa/SyntheticZoning.hpp"
#include "StoreCompare.hpp"
#include "TestSupport.hpp"

namespace redline
{
namespace
{

using test::rect;

enum class Backend
{
    GeoPackage,
    PostGis
};

class StoreEditContract : public ::testing::TestWithParam<Backend>
{
  protected:
    void SetUp() override
    {
        gdalInit();
        m_gpkg = m_dir.file("zoning.gpkg");
        test::writeSyntheticGpkg(test::cleanSyntheticStore(), m_gpkg);
        m_store = m_gpkg;
        if (GetParam() == Backend::PostGis)
        {
            std::string whyNot;
            m_pg = test::PgCluster::get(&whyNot);
            if (!m_pg)
                GTEST_SKIP() << whyNot;
            m_store = test::pushToFreshDatabase(*m_pg, m_gpkg);
            m_db = test::PgCluster::databaseOf(m_store);
        }
    }

    std::int64_t fidOf(const EditSession& s, const std::string& layer, const std::string& id)
    {
        for (const auto& f : s.features(layer))
            if (f.attributes.text(s.layerInfo(layer).idField) == id)
                return f.fid;
        ADD_FAILURE() << "no " << id << " in " << layer;
        return 0;
    }

    // Every feature as text, to compare a store before and after.
    std::string snapshot()
    {
        std::string out;
        const auto store = loadZoningRaw(m_store);
        for (const auto& zl : store->layers())
            for (const auto& f : zl.layer->features)
            {
                out += zl.name + "#" + std::to_string(f.fid) + ":";
                for (const auto& part : f.geometry.parts())
                    for (const auto& ring : part)
                        for (const auto& p : ring)
                            out += std::to_string(p.x) + "," + std::to_string(p.y) + ";";
                for (const auto& [k, v] : f.attributes.items())
                    out += k + "=" + toText(v) + ";";
                out += "\n";
            }
        return out;
    }

    test::CommandResult redline(const std::string& args)
    {
        auto r = test::runRedline(args);
        if (m_pg)
            test::expectNoSecret(r.out + r.err, m_pg->superuserPassword());
        return r;
    }

    test::TempDir m_dir;
    std::string m_gpkg;
    std::string m_store;
    test::PgCluster* m_pg = nullptr;
    std::string m_db;
};

TEST_P(StoreEditContract, CommitWritesTheChangeARevisionAndAuditRows)
{
    EditSession s(m_store, "alice");
    EXPECT_EQ(s.baseRevision(), 0);
    EXPECT_EQ(s.storeLabel().find("password"), std::string::npos);
    const std::int64_t r1 = fidOf(s, "ecological_redline", "R1");
    s.setGeometry("ecological_redline", r1, rect(100, 100, 500, 600)); // 0.25 -> 0.20 km²
    const CommitResult c = s.commit("shrink R1 to the survey");
    EXPECT_EQ(c.revision, 1);
    EXPECT_EQ(c.modified, 1);
    EXPECT_EQ(currentRevision(m_store), 1);
    const auto history = readHistory(m_store);
    ASSERT_EQ(history.size(), 1U);
    EXPECT_EQ(history[0].user, "alice");
    EXPECT_EQ(history[0].reason, "shrink R1 to the survey");
    EXPECT_EQ(history[0].time.size(), 20U) << history[0].time; // 2026-01-02T03:04:05Z
    const auto audit = readAudit(m_store, 0, 1);
    ASSERT_EQ(audit.size(), 1U);
    EXPECT_EQ(audit[0].operation, "update");
    EXPECT_EQ(audit[0].fid, r1);
    ASSERT_TRUE(audit[0].before && audit[0].after);
    EXPECT_DOUBLE_EQ(audit[0].before->geometry.planarArea(), 250000.0);
    EXPECT_DOUBLE_EQ(audit[0].after->geometry.planarArea(), 200000.0);
    const auto store = ZoningStore::load(m_store, StoreReadOptions{});
    EXPECT_DOUBLE_EQ(
        store->findLayer("ecological_redline")->layer->features[0].geometry.planarArea(), 200000.0);
    EXPECT_EQ(store->revision(), 1);
    if (m_pg) // the same rows seen by another client, areas by PostGIS
    {
        EXPECT_EQ(m_pg->psql(m_db, "SELECT revision || '|' || operation || '|' || fid || '|' || "
                                   "ST_Area(old_geometry) || '|' || ST_Area(new_geometry) || '|' "
                                   "|| \"user\" || '|' || (new_attributes->>'zone_id') FROM "
                                   "zoning.redline_audit"),
                  "1|update|" + std::to_string(r1) + "|250000|200000|alice|R1");
    }
}

TEST_P(StoreEditContract, RefusedCommitLeavesTheStoreUnchanged)
{
    const std::string before = snapshot();
    EditSession s(m_store, "bob");
    // U1 grown over U2: control units overlap (a partition error).
    s.setGeometry("control_units", fidOf(s, "control_units", "ZH33032410001"),
                  rect(0, 0, 1500, 1000));
    EXPECT_THROW((void)s.commit("try"), CommitRefused);
    EXPECT_EQ(snapshot(), before);
    EXPECT_EQ(currentRevision(m_store), 0);
    EXPECT_TRUE(readAudit(m_store, 0, 100).empty());
    EXPECT_TRUE(s.canUndo()) << "the session keeps its operations";
}

TEST_P(StoreEditContract, ConflictingCommitIsRefusedNamingTheFeature)
{
    EditSession alice(m_store, "alice");
    EditSession bob(m_store, "bob");
    const std::int64_t r1 = fidOf(alice, "ecological_redline", "R1");
    alice.setGeometry("ecological_redline", r1, rect(100, 100, 550, 600));
    bob.setAttribute("ecological_redline", r1, "name", std::string("bob's name"));
    EXPECT_EQ(alice.commit("alice's edit").revision, 1);
    try
    {
        (void)bob.commit("bob's edit");
        FAIL() << "a conflicting commit landed";
    }
    catch (const EditConflict& e)
    {
        const std::string what = e.what();
        EXPECT_NE(what.find("layer 'ecological_redline' fid " + std::to_string(r1)),
                  std::string::npos)
            << what;
        EXPECT_NE(what.find("by alice"), std::string::npos) << what;
        EXPECT_NE(what.find("revision 1"), std::string::npos) << what;
        if (m_pg)
            test::expectNoSecret(what, m_pg->superuserPassword());
    }
    EXPECT_EQ(currentRevision(m_store), 1);
    bob.rebase();
    EXPECT_EQ(bob.commit("bob's edit on top").revision, 2);
    const auto stored = loadZoningRaw(m_store);
    const auto r = stored->findLayer("ecological_redline")->layer->features[0];
    EXPECT_DOUBLE_EQ(r.geometry.planarArea(), 450.0 * 500.0) << "alice's shape kept";
    EXPECT_EQ(r.attributes.text("name"), "bob's name");
}

TEST_P(StoreEditContract, DisjointEditsFromTwoProcessesAtOnceBothLand)
{
    // Two planners commit at the same moment from two processes: one waits for the other's
    // write lock, then both land as revisions 1 and 2.
    int go[2];
    ASSERT_EQ(pipe(go), 0);
    std::vector<pid_t> children;
    for (const std::string who : {"alice", "bob"})
    {
        const pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0)
        {
            close(go[1]);
            int rc = 1;
            try
            {
                EditSession s(m_store, who);
                if (who == "alice")
                    s.setGeometry("ecological_redline", fidOf(s, "ecological_redline", "R1"),
                                  rect(100, 100, 500, 500));
                else
                    s.setAttribute("protected_areas", fidOf(s, "protected_areas", "P1"), "name",
                                   std::string("bob's park"));
                char c = 0;
                (void)!read(go[0], &c, 1); // wait for the start signal
                rc = s.commit(who + "'s edit").revision > 0 ? 0 : 1;
            }
            catch (const std::exception& e)
            {
                std::fprintf(stderr, "%s failed: %s\n", who.c_str(), e.what());
            }
            _exit(rc);
        }
        children.push_back(child);
    }
    close(go[0]);
    close(go[1]); // both children read EOF now: go
    for (const pid_t child : children)
    {
        int status = 0;
        waitpid(child, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a planner's commit failed";
    }
    EXPECT_EQ(currentRevision(m_store), 2);
    const auto store = loadZoningRaw(m_store);
    EXPECT_DOUBLE_EQ(
        store->findLayer("ecological_redline")->layer->features[0].geometry.planarArea(), 160000.0);
    EXPECT_EQ(store->findLayer("protected_areas")->layer->features[0].attributes.text("name"),
              "bob's park");
    std::set<std::string> users;
    for (const auto& r : readHistory(m_store))
        users.insert(r.user);
    EXPECT_EQ(users, (std::set<std::string>{"alice", "bob"}));
}

TEST_P(StoreEditContract, CommitKilledMidwayLeavesThePreviousRevision)
{
    {
        EditSession s(m_store, "alice");
        s.setAttribute("protected_areas", fidOf(s, "protected_areas", "P1"), "name",
                       std::string("revision one"));
        ASSERT_EQ(s.commit("r1").revision, 1);
    }
    const std::string before = snapshot();
    int pipeFds[2];
    ASSERT_EQ(pipe(pipeFds), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0)
    {
        close(pipeFds[0]);
        try
        {
            EditSession s(m_store, "doomed");
            for (int i = 0; i < 2000; ++i)
            {
                const double x = 20.0 * (i % 90);
                const double y = 20.0 * (i / 90);
                Attributes a;
                a.set("zone_id", std::string("PZ") + std::to_string(i));
                a.set("zoning", std::string("general"));
                s.addFeature("protected_areas", rect(x, y, x + 10, y + 10), a);
            }
            CommitOptions o;
            o.reason = "bulk";
            o.progress = [&](std::size_t done, std::size_t)
            {
                if (done == 1000)
                {
                    const char c = 'k';
                    (void)!write(pipeFds[1], &c, 1);
                    for (;;)
                        pause();
                }
            };
            (void)s.commit(o);
        }
        catch (const std::exception& e)
        {
            std::fprintf(stderr, "child failed: %s\n", e.what());
        }
        _exit(3);
    }
    close(pipeFds[1]);
    char c = 0;
    const ssize_t n = read(pipeFds[0], &c, 1); // the child is inside its transaction now
    close(pipeFds[0]);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_EQ(n, 1) << "the child never reached the middle of its commit";
    ASSERT_TRUE(WIFSIGNALED(status));

    EXPECT_EQ(snapshot(), before);
    EXPECT_EQ(currentRevision(m_store), 1);
    EXPECT_EQ(readAudit(m_store, 1, 100).size(), 0U);
    if (m_pg)
    {
        // The server has rolled the dead client's transaction back: nothing half-written.
        EXPECT_EQ(m_pg->psql(m_db, "SELECT count(*) FROM zoning.protected_areas"), "1");
        EXPECT_EQ(m_pg->psql(m_db, "SELECT count(*) FROM zoning.redline_audit"), "1");
    }
    EditSession s(m_store, "alice");
    s.setAttribute("protected_areas", fidOf(s, "protected_areas", "P1"), "name",
                   std::string("after the crash"));
    EXPECT_EQ(s.commit("works again").revision, 2);
}

TEST_P(StoreEditContract, AtRevReproducesTheVerdictFromBeforeARedLineChange)
{
    // A factory 50 m east of red line R1 (x <= 600): near it, not inside. Then the red line is
    // moved east over the whole site (planted change): inside at revision 1.
    const std::string sites = m_dir.file("sites.geojson");
    test::writeFile(
        sites,
        R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4549"}},"features":[{"type":"Feature","properties":{"site_id":"F1","name":"工厂","project_type":"industrial"},"geometry":{"type":"Polygon","coordinates":[[[560650,3110300],[560700,3110300],[560700,3110350],[560650,3110350],[560650,3110300]]]}}]})");
    const std::string screen = "screen --zones '" + m_store + "' --sites " + sites;
    const auto atZero = redline(screen + " --format json");
    const auto csvAtZero = redline(screen + " --format csv");
    ASSERT_EQ(atZero.exitCode, 0) << atZero.err;
    const auto j0 = nlohmann::json::parse(atZero.out);
    EXPECT_EQ(j0["store_revision"], 0);
    double overlap0 = -1;
    for (const auto& h : j0["sites"][0]["hits"])
        if (h["layer"] == "ecological_redline")
            overlap0 = h["overlap_m2"].get<double>();
    EXPECT_EQ(overlap0, 0.0) << "within the 100 m buffer, outside the line";

    {
        EditSession s(m_store, "planner");
        s.setGeometry("ecological_redline", fidOf(s, "ecological_redline", "R1"),
                      rect(100, 100, 800, 600));
        ASSERT_EQ(s.commit("red line adjusted by the province").revision, 1);
    }
    const auto now = redline(screen + " --format json");
    ASSERT_EQ(now.exitCode, 0) << now.err;
    const auto j1 = nlohmann::json::parse(now.out);
    EXPECT_EQ(j1["store_revision"], 1);
    double overlap1 = -1;
    for (const auto& h : j1["sites"][0]["hits"])
        if (h["layer"] == "ecological_redline")
            overlap1 = h["overlap_m2"].get<double>();
    EXPECT_EQ(overlap1, 2500.0) << "50 m x 50 m, all inside the moved line";
    EXPECT_NE(j1["sites"][0]["verdict"], j0["sites"][0]["verdict"]);

    // Every format states what it was computed against: the GeoJSON's members, the CSV's last
    // four columns, the GeoPackage's metadata (read back with sqlite3).
    const auto geojson = nlohmann::json::parse(redline(screen + " --format geojson").out);
    EXPECT_EQ(geojson["store_revision"], 1);
    EXPECT_EQ(geojson["store"], j1["store"]);
    EXPECT_EQ(geojson["rule_set"], "rules.yongjia");
    const std::string csv = redline(screen + " --format csv").out;
    const std::string row = csv.substr(csv.find('\n') + 1);
    EXPECT_NE(row.find("," + j1["store"].get<std::string>() + ",1,rules.yongjia," +
                       j1["rule_set_version"].get<std::string>() + "\n"),
              std::string::npos)
        << csv;
    const std::string out = m_dir.file("result.gpkg");
    ASSERT_EQ(redline(screen + " --format gpkg --output " + out).exitCode, 0);
    const auto meta = test::runCommand("sqlite3 " + out + " 'SELECT metadata FROM gpkg_metadata'");
    EXPECT_NE(meta.out.find("<MDI key=\"store_revision\">1</MDI>"), std::string::npos) << meta.out;
    EXPECT_NE(meta.out.find("<MDI key=\"rule_set\">rules.yongjia</MDI>"), std::string::npos)
        << meta.out;
    if (m_pg)
        test::expectNoSecret(meta.out, m_pg->superuserPassword());

    // The old screening, re-run at its recorded revision: byte for byte.
    const auto again = redline(screen + " --format json --at-rev 0");
    EXPECT_EQ(again.out, atZero.out);
    EXPECT_EQ(redline(screen + " --format csv --at-rev 0").out, csvAtZero.out);
    const auto future = redline(screen + " --at-rev 7");
    EXPECT_EQ(future.exitCode, 1);
    EXPECT_NE(future.err.find("no revision 7 (the store is at revision 1)"), std::string::npos)
        << future.err;
    // history and diff tell the same story.
    const auto h = redline("history --zones '" + m_store + "'");
    EXPECT_NE(h.out.find("r1"), std::string::npos) << h.out;
    EXPECT_NE(h.out.find("red line adjusted by the province"), std::string::npos) << h.out;
    const auto d = redline("diff --zones '" + m_store + "' --from-rev 0 --to-rev 1");
    EXPECT_NE(d.out.find("total: 0.250 -> 0.350 km²"), std::string::npos) << d.out;
    // An offline copy at revision 0 screens like the store did then.
    const std::string copy = m_dir.file("r0.gpkg");
    ASSERT_EQ(redline("store pull '" + m_store + "' " + copy + " --at-rev 0").exitCode, 0);
    const auto offline = redline("screen --zones " + copy + " --sites " + sites);
    EXPECT_EQ(nlohmann::json::parse(offline.out)["sites"].dump(), j0["sites"].dump());
}

// A red line as the province sends it: a Shapefile with R1 moved and a new R2.
void writeProvinceShapefile(const std::string& path, bool withR2)
{
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.importFromEPSG(4549);
    const char* options[] = {"ENCODING=UTF-8", nullptr};
    OGRLayer* layer = ds->CreateLayer("redline", &srs, wkbPolygon, const_cast<char**>(options));
    // dBase cuts field names to 10 characters: redline_type arrives as redline_ty.
    for (const char* name : {"zone_id", "name", "redline_type", "Shape_Area"})
    {
        OGRFieldDefn f(name, std::string(name) == "Shape_Area" ? OFTReal : OFTString);
        ASSERT_EQ(layer->CreateField(&f), OGRERR_NONE);
    }
    ASSERT_STREQ(layer->GetLayerDefn()->GetFieldDefn(2)->GetNameRef(), "redline_ty");
    const auto add = [&](const Geometry& g, const char* id, const char* type)
    {
        OGRFeature f(layer->GetLayerDefn());
        f.SetField(0, id);
        f.SetField(1, "红线1");
        f.SetField(2, type);
        f.SetField(3, g.planarArea());
        OGRPolygon poly;
        OGRLinearRing ring;
        for (const auto& p : g.parts()[0][0])
            ring.addPoint(p.x, p.y);
        poly.addRing(&ring);
        f.SetGeometry(&poly);
        ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
    };
    add(rect(100, 100, 700, 600), "R1", "water_conservation");
    if (withR2)
        add(rect(1000, 1500, 1200, 1700), "R2", "scenic");
}

TEST_P(StoreEditContract, ImportLayerIsOneRevisionWithAreasPerClass)
{
    const std::string shp = m_dir.file("province.shp");
    writeProvinceShapefile(shp, true);
    const auto r = redline("store import-layer '" + m_store + "' ecological_redline " + shp +
                           " --reason '省厅调整红线（2026）' --match-by zone_id");
    ASSERT_EQ(r.exitCode, 0) << r.err << r.out;
    EXPECT_NE(r.out.find("revision 1: 1 added, 1 modified, 0 deleted, 0 unchanged"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("field 'Shape_Area'"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("field 'redline_ty' of " + shp + " taken as 'redline_type'"),
              std::string::npos)
        << r.out;
    // 0.25 km² (R1) -> 0.30 (R1 moved) + 0.04 (R2); per class by hand.
    EXPECT_NE(r.out.find("total: 0.250 -> 0.340 km²"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("redline_type=water_conservation: 0.250 -> 0.300 km²"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("redline_type=scenic: 0.000 -> 0.040 km²"), std::string::npos) << r.out;
    EXPECT_EQ(readHistory(m_store).at(0).reason, "省厅调整红线（2026）");
    EXPECT_EQ(readAudit(m_store, 0, 1).size(), 2U);

    // The province withdraws R2: one deletion; the same file again changes nothing.
    const std::string shp2 = m_dir.file("province2.shp");
    writeProvinceShapefile(shp2, false);
    const auto r2 = redline("store import-layer '" + m_store + "' ecological_redline " + shp2 +
                            " --reason 'R2 withdrawn'");
    ASSERT_EQ(r2.exitCode, 0) << r2.err;
    EXPECT_NE(r2.out.find("revision 2: 0 added, 0 modified, 1 deleted, 1 unchanged"),
              std::string::npos)
        << r2.out;
    const auto same = redline("store import-layer '" + m_store + "' ecological_redline " + shp2 +
                              " --reason again");
    EXPECT_EQ(same.exitCode, 1);
    EXPECT_NE(same.err.find("no revision was written"), std::string::npos) << same.err;
    EXPECT_EQ(currentRevision(m_store), 2);
}

TEST_P(StoreEditContract, ImportLayerThatFailsQaWritesNothing)
{
    // The province's file gives R1 a red-line type outside the domain: the QA refuses the
    // revision, naming the feature, field and value, and nothing is written.
    const std::string shp = m_dir.file("bad.shp");
    {
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
        GDALDatasetUniquePtr ds(driver->Create(shp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        OGRSpatialReference srs;
        srs.importFromEPSG(4549);
        OGRLayer* layer = ds->CreateLayer("bad", &srs, wkbPolygon, nullptr);
        OGRFieldDefn id("zone_id", OFTString);
        ASSERT_EQ(layer->CreateField(&id), OGRERR_NONE);
        OGRFieldDefn type("redline_type", OFTString);
        ASSERT_EQ(layer->CreateField(&type), OGRERR_NONE);
        OGRFeature f(layer->GetLayerDefn());
        f.SetField(0, "R1");
        f.SetField(1, "not_a_type");
        OGRPolygon poly;
        OGRLinearRing ring;
        const Geometry square = rect(100, 100, 600, 600);
        for (const auto& p : square.parts()[0][0])
            ring.addPoint(p.x, p.y);
        poly.addRing(&ring);
        f.SetGeometry(&poly);
        ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
    }
    const std::string before = snapshot();
    const auto r = redline("store import-layer '" + m_store + "' ecological_redline " + shp +
                           " --reason test");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("redline_type 'not_a_type'"), std::string::npos) << r.err;
    EXPECT_EQ(snapshot(), before);
    EXPECT_EQ(currentRevision(m_store), 0);
}

INSTANTIATE_TEST_SUITE_P(Stores, StoreEditContract,
                         ::testing::Values(Backend::GeoPackage, Backend::PostGis),
                         [](const ::testing::TestParamInfo<Backend>& p)
                         { return p.param == Backend::GeoPackage ? "GeoPackage" : "PostGis"; });

} // namespace
} // namespace redline
