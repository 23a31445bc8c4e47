#pragma once
// The one writer of the service database: a thread that takes every pending piece of work, runs
// each inside its own savepoint of one transaction, commits once, and then reports to each
// submitter (group commit). Many screenings per second thus share one fsync, and a submitter
// hears back only after its rows are durable: a response is never sent for a screening the
// ledger could still lose. With `synchronousFull` the WAL is synced at every commit (power
// loss safe); otherwise a process crash loses nothing but an OS crash may lose the last commits.
// With a commit interval the writer commits at most once per interval: under load, the work of
// an interval shares one commit (fewer, larger disk writes and syncs), at the cost of up to one
// interval of latency; work arriving after a quiet interval is committed at once.
// WAL checkpoints happen beside the commits, not inside them (WalCheckpointer).

#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "db/Sqlite.hpp"
#include "db/WalCheckpointer.hpp"

namespace redline::service
{

class DbWriter
{
  public:
    using Work = std::function<void(Database&)>;
    // Called on the writer thread after the commit; nullptr, or the work's (or commit's) error.
    using Done = std::function<void(std::exception_ptr)>;

    DbWriter(const std::string& path, bool synchronousFull,
             std::chrono::microseconds commitInterval = {}, WalSizes checkpoints = {});
    ~DbWriter(); // finishes everything submitted, then stops
    DbWriter(const DbWriter&) = delete;
    DbWriter& operator=(const DbWriter&) = delete;

    void submit(Work work, Done done = nullptr);
    // Runs `work` and waits for its commit; rethrows its error.
    void run(Work work);

  private:
    void loop();

    struct Item
    {
        Work work;
        Done done;
    };
    std::string m_path;
    bool m_full;
    std::chrono::microseconds m_interval;
    WalCheckpointer m_checkpointer; // outlives the writer thread: the last checkpoint is after it
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Item> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace redline::service
