#pragma once
// Checkpoints of the service database's write-ahead log, off the writer's commit path. SQLite's
// automatic checkpoint runs inside the commit that crosses its threshold: the WAL's frames are
// copied into the database and both files are synced while every answer waiting for that commit
// waits too. Here the writer's connection only reports its WAL size after each commit
// (Database::onWalCommit), and once `WalSizes::trigger` frames wait to be copied this thread runs a
// PASSIVE checkpoint on its own connection: it waits for nobody, and the writer goes on
// committing meanwhile.
//
// SQLite starts the WAL over only at a write transaction that begins when every frame has been
// copied, which a busy writer, appending while this thread copies, may never give it. So near
// `WalSizes::limit` this thread checkpoints eight times as often, and at the limit the writer,
// between two transactions and after its answers have gone out, waits for a checkpoint still
// running and copies the few frames left itself (catchUp): its next transaction starts the WAL
// over (unless a reader still reads old frames; then at the next one). The WAL stays near the
// limit at most; the writer never waits for a reader. On destruction (after the writer has
// stopped) a TRUNCATE checkpoint leaves an empty WAL.
//
// Durability is unchanged: a commit is exactly as durable as before (synchronous NORMAL: in the
// WAL, safe from a process crash; FULL: synced at commit), and a checkpoint syncs the WAL before
// and the database after copying, as SQLite's own does.

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "db/Sqlite.hpp"

namespace redline::service
{

// In WAL frames (one 4 KiB page each).
struct WalSizes
{
    int trigger = 4000; // a checkpoint every ~16 MB written
    int limit = 16000;  // the WAL stays near ~64 MB at most under sustained load
};

class WalCheckpointer
{
  public:
    WalCheckpointer(const std::string& path, bool synchronousFull, WalSizes sizes = {});
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // The writer's Database::onWalCommit hook: cheap, never waits for a checkpoint.
    void walCommitted(int walFrames);
    // On the writer's thread between transactions: at the WAL's limit, copies what is left so
    // that the next transaction starts the WAL over (see above); a no-op below it.
    void catchUp(Database& writer);

  private:
    void loop();
    void copied(const Database::CheckpointResult& result);

    std::string m_path;
    bool m_full;
    WalSizes m_sizes;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    int m_frames = 0;       // the WAL's size after the last commit
    int m_copied = 0;       // frames of the WAL copied by the last checkpoint
    bool m_pending = false; // a checkpoint is asked for
    bool m_running = false; // a checkpoint (this thread's or catchUp's) is running
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace redline::service
