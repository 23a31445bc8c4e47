#include "db/ServiceDb.hpp"

#include <gtest/gtest.h>

#include "TestSupport.hpp"
#include "jobs/JobStore.hpp"

using namespace redline;
using namespace redline::service;

namespace
{

std::vector<std::string> indexes(Database& db)
{
    auto s = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE "
                        "'sqlite_%' ORDER BY name");
    std::vector<std::string> names;
    while (s.step())
        names.push_back(s.text(0));
    return names;
}

JobRecord job(const std::string& id, const std::string& status)
{
    JobRecord j;
    j.id = id;
    j.userId = 1;
    j.status = status;
    j.createdAt = j.updatedAt = "2026-11-30T10:00:0" + id.substr(id.size() - 1) + "Z";
    return j;
}

} // namespace

// A schema 2 database (jobs indexed by status, the ledger by time) opens as schema 3: its rows
// kept, the two indexes replaced by one of unfinished jobs, which the restart's search for
// interrupted jobs uses.
TEST(ServiceDb, ASchema2DatabaseIsUpgradedAndItsInterruptedJobsStillFound)
{
    test::TempDir dir;
    const std::string path = dir.file("service.sqlite");
    {
        auto db = openServiceDb(path, true);
        db->exec("INSERT INTO users (id, name, role, created_at, updated_at) VALUES "
                 "(1, 'alice', 'approver', '2026-11-30T00:00:00Z', '2026-11-30T00:00:00Z')");
        insertJob(*db, job("job1", "successful"));
        insertJob(*db, job("job2", "running"));
        insertJob(*db, job("job3", "accepted"));
        // Back to schema 2 as redline wrote it before.
        db->exec("DROP INDEX jobs_unfinished; CREATE INDEX jobs_status ON jobs (status); "
                 "CREATE INDEX ledger_time ON ledger (screened_at); PRAGMA user_version=2");
    }
    auto db = openServiceDb(path, false);
    auto version = db->prepare("PRAGMA user_version");
    ASSERT_TRUE(version.step());
    EXPECT_EQ(version.integer(0), 3);
    EXPECT_EQ(indexes(*db),
              (std::vector<std::string>{"jobs_unfinished", "jobs_user", "ledger_job"}));
    auto plan = db->prepare("EXPLAIN QUERY PLAN SELECT id FROM jobs j WHERE j.status IN "
                            "('accepted', 'running') ORDER BY j.created_at");
    std::string steps;
    while (plan.step())
        steps += plan.text(3) + "\n";
    EXPECT_NE(steps.find("USING INDEX jobs_unfinished"), std::string::npos) << steps;

    EXPECT_EQ(failInterruptedJobs(*db, "catalog.yaml"), 2u);
    auto jobs = db->prepare("SELECT id, status FROM jobs ORDER BY id");
    std::vector<std::string> rows;
    while (jobs.step())
        rows.push_back(jobs.text(0) + " " + jobs.text(1));
    EXPECT_EQ(rows, (std::vector<std::string>{"job1 successful", "job2 failed", "job3 failed"}));
    auto ledger = db->prepare("SELECT count(*) FROM ledger WHERE outcome = 'failed'");
    ASSERT_TRUE(ledger.step());
    EXPECT_EQ(ledger.integer(0), 2);
}
