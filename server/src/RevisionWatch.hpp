#pragma once
// Follows the store's newest revision while the service runs (issue 11 §1): on its own thread,
// every `interval`, it asks the store (one ZoningSource it keeps open: a GeoPackage's revision
// table, or one PostgreSQL connection) for its newest revision; when that is not the revision
// being served, `load` builds the new engine snapshot there, off the request threads, and swaps
// it in. Requests in flight keep the snapshot they started with, so none is dropped or screened
// against a mix, and each reports the revision it used. A failed check or load is logged (the
// store's label, never its password) and retried at the next tick; the served revision stays.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <thread>

namespace redline::service
{

class RevisionWatch
{
  public:
    // `served`: the revision being served now; `load(revision)` replaces the snapshot.
    RevisionWatch(std::string store, int served, std::chrono::milliseconds interval,
                  std::function<void(int)> load);
    ~RevisionWatch(); // stops and joins the thread
    RevisionWatch(const RevisionWatch&) = delete;
    RevisionWatch& operator=(const RevisionWatch&) = delete;

  private:
    void run(std::stop_token stop);

    std::string m_store;
    int m_served;
    std::chrono::milliseconds m_interval;
    std::function<void(int)> m_load;
    std::jthread m_thread;
};

} // namespace redline::service
