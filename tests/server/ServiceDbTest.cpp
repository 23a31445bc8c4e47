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

std::string queryPlan(Database& db, const std::string& sql)
{
    auto plan = db.prepare("EXPLAIN QUERY PLAN " + sql);
    std::string steps;
    while (plan.step())
        steps += plan.text(3) + "\n";
    return steps;
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

// A schema 2 database (jobs indexed by status, the ledger by time) opens as schema 4: its rows
// kept, the two indexes replaced by one of unfinished jobs, which the restart's search for
// interrupted jobs uses, and jobs indexed by creation time for the job list.
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
    EXPECT_EQ(version.integer(0), 4);
    EXPECT_EQ(indexes(*db), (std::vector<std::string>{"jobs_created", "jobs_unfinished",
                                                      "jobs_user", "ledger_job"}));
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

// The job list reads the jobs newest first through an index and stops at the page's end: every
// combination of owner/every job and status filter, as SQLite plans it on the real schema. A
// full scan ("SCAN j" without an index) or a sort of every row ("USE TEMP B-TREE FOR ORDER BY";
// sorting ties within one created_at, "RIGHT PART OF ORDER BY", is fine) would make each page
// cost as much as the whole table.
TEST(ServiceDb, TheJobListReadsInIndexOrderForEveryRoleAndFilter)
{
    test::TempDir dir;
    auto db = openServiceDb(dir.file("service.sqlite"), true);
    for (const bool everyJob : {false, true})
        for (const bool byStatus : {false, true})
        {
            const std::string steps = queryPlan(*db, jobListSql(everyJob, byStatus));
            SCOPED_TRACE(steps);
            EXPECT_NE(steps.find(everyJob ? "SCAN j USING INDEX jobs_created"
                                          : "SEARCH j USING INDEX jobs_user (user_id=?)"),
                      std::string::npos);
            EXPECT_EQ(steps.find("USE TEMP B-TREE FOR ORDER BY"), std::string::npos);
        }
}

// What the list holds: an approver's own jobs only, a reviewer's every job, newest first, without
// dismissed ones, filtered by status, paged.
TEST(ServiceDb, TheJobListHoldsWhatEachRoleMayReadNewestFirst)
{
    test::TempDir dir;
    auto db = openServiceDb(dir.file("service.sqlite"), true);
    db->exec("INSERT INTO users (id, name, role, created_at, updated_at) VALUES "
             "(1, 'alice', 'approver', '2026-11-30T00:00:00Z', '2026-11-30T00:00:00Z'), "
             "(2, 'bob', 'approver', '2026-11-30T00:00:00Z', '2026-11-30T00:00:00Z'), "
             "(3, 'rita', 'reviewer', '2026-11-30T00:00:00Z', '2026-11-30T00:00:00Z')");
    // job("…N", …) is created at 10:00:0N: a1 oldest.
    const auto add = [&](const std::string& id, std::int64_t user, const std::string& status)
    {
        JobRecord j = job(id, status);
        j.userId = user;
        insertJob(*db, j);
    };
    add("a1", 1, "successful");
    add("b2", 2, "successful");
    add("a3", 1, "failed");
    add("a4", 1, "dismissed");
    add("b5", 2, "running");
    add("a6", 1, "successful");
    const auto ids = [&](const Principal& who, std::size_t limit, std::size_t offset,
                         const std::optional<std::string>& status)
    {
        std::string out;
        for (const auto& j : listJobs(*db, who, limit, offset, status))
            out += (out.empty() ? "" : " ") + j.id;
        return out;
    };
    Principal alice;
    alice.userId = 1;
    alice.role = Role::Approver;
    Principal rita;
    rita.userId = 3;
    rita.role = Role::Reviewer;
    EXPECT_EQ(ids(alice, 10, 0, std::nullopt), "a6 a3 a1");
    EXPECT_EQ(ids(alice, 10, 0, std::string("successful")), "a6 a1");
    EXPECT_EQ(ids(alice, 1, 1, std::nullopt), "a3");
    EXPECT_EQ(ids(rita, 10, 0, std::nullopt), "a6 b5 a3 b2 a1");
    EXPECT_EQ(ids(rita, 10, 0, std::string("successful")), "a6 b2 a1");
    EXPECT_EQ(ids(rita, 2, 2, std::nullopt), "a3 b2");
    EXPECT_EQ(ids(rita, 10, 0, std::string("dismissed")), "");
}
