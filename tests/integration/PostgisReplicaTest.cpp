// The scale-out path of issue 10, item 5, on a real hot standby streaming from the test cluster
// (pg_basebackup -R): screening on the standby gives the primary's results at the primary's
// revision once replayed, a revision committed on the primary reaches it, `--at-rev` works there,
// and an edit sent to the standby is refused in one line without writing anything.

#include <algorithm>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "redline/edit/EditSession.hpp"
#include "redline/io/VectorReader.hpp"

#include "StoreCompare.hpp"
#include "TestSupport.hpp"

namespace redline
{
namespace
{

const std::string kCatalog = "datasets/yongjia/catalog.yaml";
const std::string kSites = "datasets/yongjia/sites.gpkg";

nlohmann::json screen(const std::string& zones, const std::string& extra = {})
{
    const auto r = test::runRedline("screen --zones '" + zones + "' --sites " + kSites +
                                    " --format json " + extra);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return r.exitCode == 0 ? nlohmann::json::parse(r.out) : nlohmann::json{};
}

// Waits until the standby has replayed revision `revision` (psql on the standby).
void waitForRevision(test::PgCluster& pg, const std::string& db, int revision)
{
    const std::string sql = "SELECT coalesce(max(revision), 0) FROM zoning.redline_revisions";
    for (int i = 0; i < 300; ++i)
    {
        if (pg.psqlStandby(db, sql) == std::to_string(revision))
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    FAIL() << "the standby did not replay revision " << revision << " within 30 s";
}

TEST(PostgisReplica, StandbyScreensLikeThePrimaryAndRefusesEdits)
{
    gdalInit();
    REDLINE_REQUIRE_POSTGIS(pg);
    const std::string primary = test::pushToFreshDatabase(*pg, kCatalog);
    const std::string db = test::PgCluster::databaseOf(primary);
    const int port = pg->standbyPort();
    ASSERT_EQ(pg->psqlStandby(db, "SELECT pg_is_in_recovery()"), "t");
    const std::string standby =
        "PG:host=" + pg->host() + " port=" + std::to_string(port) + " dbname=" + db +
        " user=postgres password=" + pg->superuserPassword() + " schemas=zoning";
    waitForRevision(*pg, db, 0);

    const auto onPrimary = screen(primary);
    const auto onStandby = screen(standby);
    EXPECT_EQ(onStandby["sites"].dump(), onPrimary["sites"].dump());
    EXPECT_EQ(onStandby["store_revision"], 0);
    EXPECT_NE(onStandby["store"].get<std::string>().find("port=" + std::to_string(port)),
              std::string::npos);

    // An edit on the primary reaches the standby: HX-04's name changes at revision 1.
    {
        EditSession s(primary, "planner");
        std::int64_t fid = 0;
        for (const auto& f : s.features("ecological_redline"))
            if (f.attributes.text("zone_id") == "HX-04")
                fid = f.fid;
        ASSERT_NE(fid, 0);
        s.setAttribute("ecological_redline", fid, "name", std::string("生态公益林（调整后）"));
        ASSERT_EQ(s.commit("renamed on the primary").revision, 1);
    }
    waitForRevision(*pg, db, 1);
    const auto now = screen(standby);
    EXPECT_EQ(now["store_revision"], 1);
    EXPECT_NE(now["sites"].dump().find("生态公益林（调整后）"), std::string::npos);
    EXPECT_EQ(screen(standby, "--at-rev 0")["sites"].dump(), onPrimary["sites"].dump());
    EXPECT_EQ(screen(primary)["sites"].dump(), now["sites"].dump());

    // An edit sent to the standby: one line, exit 1, nothing written, no password.
    const std::string before =
        pg->psql(db, "SELECT count(*) || '|' || max(revision) FROM zoning.redline_revisions");
    const std::string shp = "datasets/yongjia/zoning.gpkg";
    const auto r = test::runRedline("store import-layer '" + standby + "' ecological_redline " +
                                    shp + " --src-layer ecological_redline --reason test");
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find("the server is read-only (a standby?); edits go to the primary"),
              std::string::npos)
        << r.err;
    test::expectNoSecret(r.err + r.out, pg->superuserPassword());
    EXPECT_EQ(pg->psql(db, "SELECT count(*) || '|' || max(revision) FROM "
                           "zoning.redline_revisions"),
              before);
}

} // namespace
} // namespace redline
