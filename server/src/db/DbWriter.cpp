#include "db/DbWriter.hpp"

#include <future>
#include <iostream>

#include <pthread.h>

namespace redline::service
{

DbWriter::DbWriter(const std::string& path, bool synchronousFull,
                   std::chrono::microseconds commitInterval, WalSizes checkpoints)
    : m_path(path), m_full(synchronousFull), m_interval(commitInterval),
      m_checkpointer(path, synchronousFull, checkpoints), m_thread([this] { loop(); })
{
}

DbWriter::~DbWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void DbWriter::submit(Work work, Done done)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back({std::move(work), std::move(done)});
    }
    m_wake.notify_one();
}

void DbWriter::run(Work work)
{
    std::promise<void> committed;
    auto future = committed.get_future();
    submit(std::move(work),
           [&committed](std::exception_ptr error)
           {
               if (error)
                   committed.set_exception(error);
               else
                   committed.set_value();
           });
    future.get();
}

void DbWriter::loop()
{
    pthread_setname_np(pthread_self(), "redline-writer"); // for top, perf and /proc
    Database db(m_path, false);
    db.exec(m_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    db.onWalCommit([this](int frames) { m_checkpointer.walCommitted(frames); });
    std::vector<Item> batch;
    auto lastCommit = std::chrono::steady_clock::now() - m_interval;
    while (true)
    {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            // Gather the rest of the interval's work (no wait when the last commit is older).
            m_wake.wait_until(lock, lastCommit + m_interval, [this] { return m_stopping; });
            if (m_queue.empty())
                return; // stopping and drained
            batch.swap(m_queue);
        }
        std::vector<std::exception_ptr> errors(batch.size());
        std::exception_ptr commitError;
        try
        {
            db.cached("BEGIN IMMEDIATE").run();
            try
            {
                for (std::size_t i = 0; i < batch.size(); ++i)
                {
                    db.cached("SAVEPOINT item").run();
                    try
                    {
                        batch[i].work(db);
                        db.cached("RELEASE item").run();
                    }
                    catch (...)
                    {
                        errors[i] = std::current_exception();
                        db.cached("ROLLBACK TO item").run();
                        db.cached("RELEASE item").run();
                    }
                }
                db.cached("COMMIT").run();
            }
            catch (...)
            {
                db.exec("ROLLBACK");
                throw;
            }
        }
        catch (...)
        {
            commitError = std::current_exception();
        }
        lastCommit = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < batch.size(); ++i)
        {
            if (!batch[i].done)
            {
                if (errors[i] || commitError)
                    std::cerr << "redline serve: a database write failed\n";
                continue;
            }
            try
            {
                batch[i].done(commitError ? commitError : errors[i]);
            }
            catch (const std::exception& e)
            {
                std::cerr << "redline serve: after a database write: " << e.what() << "\n";
            }
        }
        batch.clear();
        try
        {
            m_checkpointer.catchUp(db);
        }
        catch (const std::exception& e)
        {
            std::cerr << "redline serve: WAL checkpoint: " << e.what() << "\n";
        }
    }
}

} // namespace redline::service
