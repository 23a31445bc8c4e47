#include "RevisionWatch.hpp"

#include <condition_variable>
#include <iostream>
#include <memory>
#include <mutex>

#include "redline/model/ZoningSource.hpp"
#include "redline/pg/ConnectionString.hpp"

namespace redline::service
{

RevisionWatch::RevisionWatch(std::string store, int served, std::chrono::milliseconds interval,
                             std::function<void(int)> load)
    : m_store(std::move(store)), m_served(served), m_interval(interval), m_load(std::move(load)),
      m_thread([this](std::stop_token stop) { run(stop); })
{
}

RevisionWatch::~RevisionWatch()
{
    m_thread.request_stop();
}

void RevisionWatch::run(std::stop_token stop)
{
    std::mutex mutex;
    std::condition_variable_any wake;
    std::unique_ptr<ZoningSource> source;
    const std::string label = pg::redactLocator(m_store);
    while (!stop.stop_requested())
    {
        {
            std::unique_lock lock(mutex);
            if (wake.wait_for(lock, stop, m_interval, [] { return false; }))
                break;
        }
        if (stop.stop_requested())
            break;
        try
        {
            if (!source)
                source = ZoningSource::open(m_store);
            const std::optional<int> newest = source->revision();
            if (!newest || *newest == m_served)
                continue;
            std::cerr << "redline serve: " << label << " is at revision " << *newest
                      << "; loading it (revision " << m_served << " serves meanwhile)\n";
            m_load(*newest);
            m_served = *newest;
            std::cerr << "redline serve: now serving revision " << m_served << "\n";
        }
        catch (const std::exception& e)
        {
            // Engine and database errors carry the store's label, never its password.
            std::cerr << "redline serve: revision check of " << label
                      << " failed; still serving revision " << m_served << ": "
                      << pg::redactText(e.what()) << "\n";
            source.reset(); // reconnect at the next tick
        }
    }
}

} // namespace redline::service
