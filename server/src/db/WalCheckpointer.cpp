#include "db/WalCheckpointer.hpp"

#include <algorithm>
#include <iostream>

#include <pthread.h>

namespace redline::service
{

WalCheckpointer::WalCheckpointer(const std::string& path, bool synchronousFull, WalSizes sizes)
    : m_path(path), m_full(synchronousFull), m_sizes(sizes), m_thread([this] { loop(); })
{
}

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void WalCheckpointer::walCommitted(int walFrames)
{
    {
        std::lock_guard lock(m_mutex);
        m_frames = walFrames;
        if (walFrames < m_copied) // the WAL started over
            m_copied = 0;
        const int waiting = walFrames - m_copied;
        // Near the limit, eight times as often: catchUp then finds little left to copy (a
        // checkpoint after every commit would spend two syncs on each).
        const int trigger = walFrames + m_sizes.trigger >= m_sizes.limit
                                ? std::max(1, m_sizes.trigger / 8)
                                : m_sizes.trigger;
        if (waiting < trigger || m_pending)
            return;
        m_pending = true;
    }
    m_wake.notify_all();
}

void WalCheckpointer::catchUp(Database& writer)
{
    {
        std::unique_lock lock(m_mutex);
        if (m_frames < m_sizes.limit)
            return;
        m_wake.wait(lock, [this] { return !m_running; }); // this thread's checkpoint, if any
        m_running = true;
    }
    Database::CheckpointResult result{true, 0, 0}; // what copied() hears if it throws
    try
    {
        result = writer.checkpoint(Database::Checkpoint::Passive);
    }
    catch (...)
    {
        copied(result);
        throw;
    }
    copied(result);
}

void WalCheckpointer::copied(const Database::CheckpointResult& result)
{
    {
        std::lock_guard lock(m_mutex);
        if (!result.busy)
            m_copied = result.checkpointed;
        m_running = false;
    }
    m_wake.notify_all();
}

void WalCheckpointer::loop()
{
    pthread_setname_np(pthread_self(), "redline-wal"); // for top, perf and /proc
    try
    {
        Database db(m_path, false);
        db.exec(m_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
        while (true)
        {
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stopping || (m_pending && !m_running); });
                if (m_stopping)
                    break;
                m_pending = false;
                m_running = true;
            }
            Database::CheckpointResult result;
            try
            {
                result = db.checkpoint(Database::Checkpoint::Passive);
            }
            catch (const std::exception& e)
            {
                result.busy = true;
                std::cerr << "redline serve: WAL checkpoint: " << e.what() << "\n";
            }
            copied(result);
        }
        (void)db.checkpoint(Database::Checkpoint::Truncate);
    }
    catch (const std::exception& e)
    {
        std::cerr << "redline serve: WAL checkpoint: " << e.what() << "\n";
    }
}

} // namespace redline::service
