#pragma once
// Jobs of the screening process (OGC API – Processes job status) in the service database, with
// object-level authorization in every read: a job another approver owns is "not found", never
// "forbidden", so job ids cannot be probed. Functions take the caller's Database: writes run on
// the DbWriter, reads on the calling thread's connection.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/Principal.hpp"
#include "db/Sqlite.hpp"

namespace redline::service
{

struct JobRecord
{
    std::string id;
    std::int64_t userId = 0;
    std::string userName;
    std::string processId = "screen";
    std::string status; // accepted | running | successful | failed | dismissed
    std::optional<std::string> message;
    std::string createdAt;
    std::optional<std::string> startedAt;
    std::optional<std::string> finishedAt;
    std::string updatedAt;
    std::optional<std::string> inputName;
    std::optional<std::string> inputSha256;
};

// 32 hex digits: the time in milliseconds (48 bits), then 80 random bits. Still unguessable, and a
// new job's entries land at the end of the jobs and ledger_job indexes rather than on a random
// page of each: half the pages a screening adds to the WAL.
[[nodiscard]] std::string newJobId();

void insertJob(Database& db, const JobRecord& job);
void markJobRunning(Database& db, const std::string& id);
// Sets a final status unless the job was dismissed meanwhile.
void finishJob(Database& db, const std::string& id, const std::string& status,
               const std::optional<std::string>& message);
// accepted/running/successful/failed -> dismissed; false when there was nothing to dismiss.
bool dismissJob(Database& db, const std::string& id);

// The job if `who` may read it (its owner, or a role that reads every job).
[[nodiscard]] std::optional<JobRecord> findJob(Database& db, const std::string& id,
                                               const Principal& who);
// Newest first; dismissed jobs are left out.
// The SELECT listJobs runs for one user's jobs or every job, with or without a status filter
// (?1 user id, ?2 status, ?3 limit, ?4 offset); tests check its query plan.
[[nodiscard]] std::string jobListSql(bool everyJob, bool byStatus);
[[nodiscard]] std::vector<JobRecord> listJobs(Database& db, const Principal& who, std::size_t limit,
                                              std::size_t offset,
                                              const std::optional<std::string>& status);

// Jobs left accepted or running by a process that died: failed, with the reason, and entered in
// the ledger as failed screenings. Returns how many. Run once at start-up, before serving.
std::size_t failInterruptedJobs(Database& db, const std::string& store);

} // namespace redline::service
