#include "jobs/JobStore.hpp"

#include <chrono>

#include "auth/Crypto.hpp"
#include "ledger/Ledger.hpp"
#include "util/Clock.hpp"

namespace redline::service
{

namespace
{

constexpr const char* kColumns =
    "SELECT j.id, j.user_id, u.name, j.process_id, j.status, j.message, j.created_at, "
    "j.started_at, j.finished_at, j.updated_at, j.input_name, j.input_sha256 FROM jobs j "
    "JOIN users u ON u.id = j.user_id ";

JobRecord jobFrom(const Statement& s)
{
    JobRecord j;
    j.id = s.text(0);
    j.userId = s.integer(1);
    j.userName = s.text(2);
    j.processId = s.text(3);
    j.status = s.text(4);
    j.message = s.optionalText(5);
    j.createdAt = s.text(6);
    j.startedAt = s.optionalText(7);
    j.finishedAt = s.optionalText(8);
    j.updatedAt = s.text(9);
    j.inputName = s.optionalText(10);
    j.inputSha256 = s.optionalText(11);
    return j;
}

} // namespace

std::string newJobId()
{
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    std::string id(12, '0');
    for (int i = 0; i < 12; ++i)
        id[static_cast<std::size_t>(11 - i)] = "0123456789abcdef"[(ms >> (4 * i)) & 0xf];
    return id + randomHex(10);
}

void insertJob(Database& db, const JobRecord& job)
{
    db.cached("INSERT INTO jobs (id, user_id, process_id, status, message, created_at, "
              "started_at, finished_at, updated_at, input_name, input_sha256) VALUES (?1, ?2, "
              "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        .bind(1, job.id)
        .bind(2, job.userId)
        .bind(3, job.processId)
        .bind(4, job.status)
        .bind(5, job.message)
        .bind(6, job.createdAt)
        .bind(7, job.startedAt)
        .bind(8, job.finishedAt)
        .bind(9, job.updatedAt)
        .bind(10, job.inputName)
        .bind(11, job.inputSha256)
        .run();
}

void markJobRunning(Database& db, const std::string& id)
{
    const std::string now = nowRfc3339();
    db.cached("UPDATE jobs SET status = 'running', started_at = ?1, updated_at = ?1 WHERE id = "
              "?2 AND status = 'accepted'")
        .bind(1, now)
        .bind(2, id)
        .run();
}

void finishJob(Database& db, const std::string& id, const std::string& status,
               const std::optional<std::string>& message)
{
    const std::string now = nowRfc3339();
    db.cached("UPDATE jobs SET status = ?1, message = ?2, finished_at = ?3, updated_at = ?3 "
              "WHERE id = ?4 AND status IN ('accepted', 'running')")
        .bind(1, status)
        .bind(2, message)
        .bind(3, now)
        .bind(4, id)
        .run();
}

bool dismissJob(Database& db, const std::string& id)
{
    db.prepare("UPDATE jobs SET status = 'dismissed', updated_at = ?1 WHERE id = ?2 AND status "
               "<> 'dismissed'")
        .bind(1, nowRfc3339())
        .bind(2, id)
        .run();
    return db.changes() > 0;
}

std::optional<JobRecord> findJob(Database& db, const std::string& id, const Principal& who)
{
    auto s = db.prepare(std::string(kColumns) + "WHERE j.id = ?1 AND (j.user_id = ?2 OR ?3)");
    s.bind(1, id).bind(2, who.userId).bind(3, readsEveryJob(who.role) ? 1 : 0);
    if (!s.step())
        return std::nullopt;
    return jobFrom(s);
}

std::string jobListSql(bool everyJob, bool byStatus)
{
    // Written so that SQLite reads the jobs in created_at order through an index (jobs_user for
    // one user's jobs, jobs_created for all) and stops at the page's end, instead of sorting the
    // whole table for each page: no `? OR` around the owner test or the status filter (which
    // kept SQLite from using any index).
    return std::string(kColumns) + (everyJob ? "WHERE " : "WHERE j.user_id = ?1 AND ") +
           "j.status <> 'dismissed' " + (byStatus ? "AND j.status = ?2 " : "") +
           "ORDER BY j.created_at DESC, j.id LIMIT ?3 OFFSET ?4";
}

std::vector<JobRecord> listJobs(Database& db, const Principal& who, std::size_t limit,
                                std::size_t offset, const std::optional<std::string>& status)
{
    const bool everyJob = readsEveryJob(who.role);
    auto s = db.prepare(jobListSql(everyJob, status.has_value()));
    if (!everyJob)
        s.bind(1, who.userId);
    if (status)
        s.bind(2, *status);
    s.bind(3, static_cast<std::int64_t>(limit)).bind(4, static_cast<std::int64_t>(offset));
    std::vector<JobRecord> out;
    while (s.step())
        out.push_back(jobFrom(s));
    return out;
}

std::size_t failInterruptedJobs(Database& db, const std::string& store)
{
    std::vector<JobRecord> stuck;
    {
        auto s = db.prepare(std::string(kColumns) +
                            "WHERE j.status IN ('accepted', 'running') ORDER BY j.created_at");
        while (s.step())
            stuck.push_back(jobFrom(s));
    }
    if (stuck.empty())
        return 0;
    const std::string reason = "The service stopped while this job was " +
                               std::string("waiting or running (restart at ") + nowRfc3339() +
                               "); no result was produced. Submit it again.";
    Transaction t(db);
    for (const auto& job : stuck)
    {
        finishJob(db, job.id, "failed", reason);
        LedgerEntry e;
        e.jobId = job.id;
        e.userName = job.userName;
        e.inputName = job.inputName;
        e.inputSha256 = job.inputSha256;
        e.store = store;
        appendFailure(db, e, reason);
    }
    t.commit();
    return stuck.size();
}

} // namespace redline::service
