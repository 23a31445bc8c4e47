// Edit sessions on a GeoPackage built from hand-made squares (see tests/unit/qa/SyntheticZoning):
// commits with audit rows, refused commits, concurrent sessions, a commit killed with SIGKILL,
// undo/redo, split/merge and diffs between revisions. Expected areas are computed by hand.

#include "redline/edit/EditSession.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "redline/edit/Revision.hpp"
#include "redline/edit/StoreDiff.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/qa/RawZoning.hpp"

#include "../unit/qa/SyntheticZoning.hpp"
#include "TestSupport.hpp"

namespace redline
{
namespace
{

using test::rect;

class EditSessionTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        gdalInit();
        m_store = m_dir.file("zoning.gpkg");
        test::writeSyntheticGpkg(test::cleanSyntheticStore(), m_store);
    }

    // fid of the feature whose id field has `id`.
    std::int64_t fidOf(const EditSession& s, const std::string& layer, const std::string& id)
    {
        for (const auto& f : s.features(layer))
            if (f.attributes.text(s.layerInfo(layer).idField) == id)
                return f.fid;
        ADD_FAILURE() << "no " << id << " in " << layer;
        return 0;
    }

    // Layer contents as text, to compare a store before and after.
    std::string snapshot(const std::string& path)
    {
        std::string out;
        const auto store = loadZoningRaw(path);
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

    test::TempDir m_dir;
    std::string m_store;
};

TEST_F(EditSessionTest, CommitWritesChangeRevisionAndAudit)
{
    EditSession s(m_store, "alice");
    EXPECT_EQ(s.baseRevision(), 0);
    const auto u4 = fidOf(s, "control_units", "ZH33032430002");
    s.setAttribute("control_units", u4, "name", std::string("北片一般单元"));
    const CommitResult r = s.commit("rename after the 2024 review");
    EXPECT_EQ(r.revision, 1);
    EXPECT_EQ(r.modified, 1);
    EXPECT_EQ(s.baseRevision(), 1);
    EXPECT_FALSE(s.hasChanges());

    EditSession fresh(m_store, "carol");
    EXPECT_EQ(fresh.feature("control_units", u4)->attributes.text("name"), "北片一般单元");
    const auto history = readHistory(m_store);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].user, "alice");
    EXPECT_EQ(history[0].reason, "rename after the 2024 review");
    EXPECT_EQ(history[0].modified, 1);
    const auto audit = readAudit(m_store, 0, 1);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].layer, "control_units");
    EXPECT_EQ(audit[0].fid, u4);
    EXPECT_EQ(audit[0].operation, "update");
    ASSERT_TRUE(audit[0].before && audit[0].after);
    EXPECT_EQ(audit[0].before->attributes.text("name"), "U4");
    EXPECT_EQ(audit[0].after->attributes.text("name"), "北片一般单元");
    // Geometry stored in the audit row: the 1000 m × 1000 m square of U4.
    EXPECT_NEAR(audit[0].after->geometry.planarArea(), 1e6, 1e-6);
    // The revision tables are not zoning layers.
    const auto store = loadZoningRaw(m_store);
    EXPECT_EQ(store->layers().size(), test::cleanSyntheticStore().size());
    for (const auto& zl : store->layers())
        EXPECT_EQ(zl.name.rfind("redline_", 0), std::string::npos) << zl.name;
}

TEST_F(EditSessionTest, RefusedCommitLeavesStoreUnchanged)
{
    const std::string before = snapshot(m_store);
    EditSession s(m_store, "alice");
    // U2 pushed 10 m into U1: a 10000 m² overlap.
    s.setGeometry("control_units", fidOf(s, "control_units", "ZH33032420001"),
                  rect(990, 0, 2000, 1000));
    try
    {
        (void)s.commit("try");
        FAIL() << "the overlap was saved";
    }
    catch (const CommitRefused& e)
    {
        EXPECT_NE(std::string(e.what()).find("overlaps"), std::string::npos) << e.what();
        ASSERT_EQ(e.report().errorCount(), 1u);
        EXPECT_NEAR(e.report().findings[0].areaM2, 10000, 1e-6);
    }
    EXPECT_EQ(snapshot(m_store), before);
    EXPECT_EQ(currentRevision(m_store), 0);
    EXPECT_TRUE(readAudit(m_store, 0, 100).empty());
    EXPECT_TRUE(s.hasChanges()); // the session keeps its work
    s.undo();
    EXPECT_FALSE(s.hasChanges());
}

TEST_F(EditSessionTest, WarningsNeedAReason)
{
    EditSession s(m_store, "alice");
    // Splitting U1 at x = 500 gives two units with the same code: a duplicate-id warning.
    const auto u1 = fidOf(s, "control_units", "ZH33032410001");
    const auto pieces = s.splitPolygon("control_units", u1,
                                       Geometry::lineString({{test::kX0 + 500, test::kY0 - 10},
                                                             {test::kX0 + 500, test::kY0 + 1010}}));
    ASSERT_EQ(pieces.size(), 2u);
    EXPECT_NEAR(s.feature("control_units", pieces[0])->geometry.planarArea(), 500000, 1e-6);
    EXPECT_NEAR(s.feature("control_units", pieces[1])->geometry.planarArea(), 500000, 1e-6);
    EXPECT_THROW((void)s.commit(""), CommitRefused);
    EXPECT_EQ(currentRevision(m_store), 0);
    const CommitResult r = s.commit("split pending the new code from the province");
    EXPECT_EQ(r.added, 1);
    EXPECT_EQ(r.modified, 1);
    EXPECT_EQ(r.qa.warningCount(), 1u);
    EXPECT_NE(readHistory(m_store).at(0).warnings.find("id 'ZH33032410001'"), std::string::npos);
}

TEST_F(EditSessionTest, SplitThenMergeRestoresTheArea)
{
    EditSession s(m_store, "alice");
    const auto u1 = fidOf(s, "control_units", "ZH33032410001");
    const auto pieces = s.splitPolygon("control_units", u1,
                                       Geometry::lineString({{test::kX0 - 5, test::kY0 + 300},
                                                             {test::kX0 + 1005, test::kY0 + 300}}));
    ASSERT_EQ(pieces.size(), 2u);
    const double a0 = s.feature("control_units", pieces[0])->geometry.planarArea();
    const double a1 = s.feature("control_units", pieces[1])->geometry.planarArea();
    EXPECT_NEAR(std::min(a0, a1), 300000, 1e-6);
    EXPECT_NEAR(std::max(a0, a1), 700000, 1e-6);
    const auto merged = s.mergePolygons("control_units", pieces);
    EXPECT_EQ(merged, u1);
    EXPECT_NEAR(s.feature("control_units", u1)->geometry.planarArea(), 1e6, 1e-6);
    EXPECT_EQ(s.features("control_units").size(), 4u);
    // A line that misses the polygon does not split it.
    EXPECT_THROW((void)s.splitPolygon("control_units", u1,
                                      Geometry::lineString({{test::kX0 + 5000, test::kY0},
                                                            {test::kX0 + 5000, test::kY0 + 10}})),
                 EditError);
}

TEST_F(EditSessionTest, UndoRedo)
{
    EditSession s(m_store, "alice");
    const auto r1 = fidOf(s, "ecological_redline", "R1");
    const Feature original = *s.feature("ecological_redline", r1);
    s.setGeometry("ecological_redline", r1, rect(100, 100, 700, 600));
    const auto added = s.addFeature("ecological_redline", rect(200, 1200, 400, 1400), {});
    s.deleteFeature("protected_areas", fidOf(s, "protected_areas", "P1"));
    EXPECT_EQ(s.changes().size(), 3u);
    s.undo();
    s.undo();
    EXPECT_EQ(s.changes().size(), 1u);
    EXPECT_FALSE(s.feature("ecological_redline", added));
    s.undo();
    EXPECT_FALSE(s.hasChanges());
    EXPECT_EQ(s.feature("ecological_redline", r1)->geometry.parts(), original.geometry.parts());
    EXPECT_FALSE(s.canUndo());
    s.redo();
    s.redo();
    EXPECT_EQ(s.changes().size(), 2u);
    EXPECT_NEAR(s.feature("ecological_redline", added)->geometry.planarArea(), 40000, 1e-6);
    EXPECT_TRUE(s.canRedo());
}

TEST_F(EditSessionTest, ConcurrentConflictIsRefusedAndCanBeReapplied)
{
    EditSession a(m_store, "alice");
    EditSession b(m_store, "bob");
    const auto u4 = fidOf(a, "control_units", "ZH33032430002");
    a.setAttribute("control_units", u4, "name", std::string("alice's name"));
    b.setAttribute("control_units", u4, "name", std::string("bob's name"));
    const auto r1 = fidOf(b, "ecological_redline", "R1");
    b.setAttribute("ecological_redline", r1, "name", std::string("bob's red line"));
    (void)a.commit("alice");
    try
    {
        (void)b.commit("bob");
        FAIL() << "conflicting commit accepted";
    }
    catch (const EditConflict& e)
    {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("revision 1 by alice"), std::string::npos) << msg;
        EXPECT_NE(msg.find("fid " + std::to_string(u4)), std::string::npos) << msg;
    }
    // Nothing of bob's was written, alice's change stands, bob still has his operations.
    EditSession check(m_store, "carol");
    EXPECT_EQ(check.feature("control_units", u4)->attributes.text("name"), "alice's name");
    EXPECT_EQ(check.feature("ecological_redline", r1)->attributes.text("name"), "红线1");
    EXPECT_EQ(currentRevision(m_store), 1);
    EXPECT_EQ(b.operationCount(), 2u);
    b.rebase();
    EXPECT_EQ(b.baseRevision(), 1);
    EXPECT_EQ(b.commit("bob, re-applied").revision, 2);
    EditSession after(m_store, "carol");
    EXPECT_EQ(after.feature("control_units", u4)->attributes.text("name"), "bob's name");
    EXPECT_EQ(after.feature("ecological_redline", r1)->attributes.text("name"), "bob's red line");
}

TEST_F(EditSessionTest, ConcurrentEditsOfDifferentFeaturesMerge)
{
    EditSession a(m_store, "alice");
    EditSession b(m_store, "bob");
    a.setAttribute("control_units", fidOf(a, "control_units", "ZH33032430002"), "name",
                   std::string("A"));
    b.setAttribute("protected_areas", fidOf(b, "protected_areas", "P1"), "name", std::string("B"));
    EXPECT_EQ(a.commit("a").revision, 1);
    EXPECT_EQ(b.commit("b").revision, 2);
    // b's session continues from the merged store.
    EXPECT_EQ(b.feature("control_units", fidOf(b, "control_units", "ZH33032430002"))
                  ->attributes.text("name"),
              "A");
}

TEST_F(EditSessionTest, CommitKilledMidwayLeavesStoreUnchanged)
{
    const std::string before = snapshot(m_store);
    int pipeFds[2];
    ASSERT_EQ(pipe(pipeFds), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0)
    {
        // Child: add 3000 prohibited zones and stop for good half-way through writing them.
        close(pipeFds[0]);
        try
        {
            EditSession s(m_store, "doomed");
            for (int i = 0; i < 3000; ++i)
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
                if (done == 1500)
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
    const ssize_t n = read(pipeFds[0], &c, 1); // the child is inside the transaction now
    close(pipeFds[0]);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_EQ(n, 1) << "the child never reached the middle of its commit";
    ASSERT_TRUE(WIFSIGNALED(status));
    EXPECT_EQ(WTERMSIG(status), SIGKILL);

    // The store reads as before (SQLite rolls the hot journal back on the next open).
    EXPECT_EQ(snapshot(m_store), before);
    EXPECT_EQ(currentRevision(m_store), 0);
    EXPECT_TRUE(readAudit(m_store, 0, 100).empty());
    EditSession s(m_store, "alice");
    EXPECT_EQ(s.features("protected_areas").size(), 1u);
    s.setAttribute("protected_areas", fidOf(s, "protected_areas", "P1"), "name",
                   std::string("after the crash"));
    EXPECT_EQ(s.commit("works again").revision, 1);
}

TEST_F(EditSessionTest, DiffBetweenRevisionsReportsThePlantedChanges)
{
    const std::string copy = m_dir.file("zoning-r0.gpkg");
    std::filesystem::copy_file(m_store, copy);
    {
        EditSession s(m_store, "alice");
        // R1 500×500 -> 600×500 (+50000 m²); new scenic red line R2 200×200 (40000 m²).
        s.setGeometry("ecological_redline", fidOf(s, "ecological_redline", "R1"),
                      rect(100, 100, 700, 600));
        Attributes a;
        a.set("zone_id", std::string("R2"));
        a.set("name", std::string("红线2"));
        a.set("redline_type", std::string("scenic"));
        s.addFeature("ecological_redline", rect(200, 1200, 400, 1400), a);
        EXPECT_EQ(s.commit("red-line adjustment").revision, 1);
    }
    {
        EditSession s(m_store, "bob");
        s.deleteFeature("protected_areas", fidOf(s, "protected_areas", "P1")); // 400×800
        s.setAttribute("control_units", fidOf(s, "control_units", "ZH33032430002"), "name",
                       std::string("U4b"));
        EXPECT_EQ(s.commit("park delisted").revision, 2);
    }
    const StoreDiff d = diffRevisions(m_store, 0, 2);
    std::map<std::string, const LayerDiff*> byName;
    for (const auto& l : d.layers)
        byName[l.layer] = &l;
    const LayerDiff& red = *byName.at("ecological_redline");
    EXPECT_EQ(red.added, 1);
    EXPECT_EQ(red.removed, 0);
    EXPECT_EQ(red.changed, 1);
    std::map<std::string, ClassAreaChange> areas;
    for (const auto& a : red.areas)
        areas[a.className] = a;
    EXPECT_NEAR(areas["*"].beforeM2, 250000, 1e-6);
    EXPECT_NEAR(areas["*"].afterM2, 340000, 1e-6);
    EXPECT_NEAR(areas["water_conservation"].afterM2, 300000, 1e-6);
    EXPECT_NEAR(areas["scenic"].beforeM2, 0, 1e-9);
    EXPECT_NEAR(areas["scenic"].afterM2, 40000, 1e-6);
    const LayerDiff& parks = *byName.at("protected_areas");
    EXPECT_EQ(parks.removed, 1);
    EXPECT_NEAR(parks.areas.at(0).beforeM2, 320000, 1e-6);
    EXPECT_NEAR(parks.areas.at(0).afterM2, 0, 1e-9);
    const LayerDiff& units = *byName.at("control_units");
    ASSERT_EQ(units.changed, 1);
    EXPECT_FALSE(units.features.at(0).geometryChanged);
    EXPECT_EQ(units.features.at(0).attributesChanged, std::vector<std::string>{"name"});
    for (const auto* name : {"county", "townships", "water_protection_zones"})
        EXPECT_TRUE(byName.at(name)->empty()) << name;

    // 1 -> 2 holds bob's changes only.
    const StoreDiff d12 = diffRevisions(m_store, 1, 2);
    for (const auto& l : d12.layers)
    {
        if (l.layer == "ecological_redline")
        {
            EXPECT_TRUE(l.empty());
        }
    }
    // Two stores: the copy taken before any edit against the edited store gives the same counts.
    const StoreDiff ds = diffStores(copy, m_store);
    for (const auto& l : ds.layers)
    {
        EXPECT_EQ(l.added, byName.at(l.layer)->added) << l.layer;
        EXPECT_EQ(l.removed, byName.at(l.layer)->removed) << l.layer;
        EXPECT_EQ(l.changed, byName.at(l.layer)->changed) << l.layer;
    }
}

TEST_F(EditSessionTest, CatalogOfficialAreaRefusesSilentRedLineChange)
{
    const std::string catalog = m_dir.file("catalog.yaml");
    test::writeFile(catalog, "layers:\n"
                             "  - source: zoning.gpkg\n    layer: ecological_redline\n"
                             "    official_area_km2: 0.25\n"
                             "  - source: zoning.gpkg\n    layer: control_units\n");
    EditSession s(catalog, "alice");
    EXPECT_EQ(s.geoPackage(), m_store);
    s.setGeometry("ecological_redline", fidOf(s, "ecological_redline", "R1"),
                  rect(100, 100, 700, 600)); // 0.25 -> 0.30 km²
    try
    {
        (void)s.commit("bigger");
        FAIL() << "official area change accepted";
    }
    catch (const CommitRefused& e)
    {
        EXPECT_NE(std::string(e.what()).find("official figure is 0.25"), std::string::npos)
            << e.what();
    }
    EXPECT_EQ(currentRevision(catalog), 0);
}

} // namespace
} // namespace redline
