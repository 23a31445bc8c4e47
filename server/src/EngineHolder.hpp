#pragma once
// The store revision the service currently answers from: a ScreeningEngine with the zoning's
// Features catalog. Requests take a snapshot when they start and keep it to the end, so a new
// revision (replace()) never changes a request in flight; the old revision is freed when the
// last request that uses it finishes. Thread-safe.

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "redline/api/ScreeningEngine.hpp"

#include "features/FeatureCatalog.hpp"

namespace redline::service
{

struct EngineSnapshot
{
    std::shared_ptr<const ScreeningEngine> engine;
    std::shared_ptr<const FeatureCatalog> features;
    std::string store;                      // the store as opened, password removed
    std::optional<std::int64_t> revision;   // nullopt for a store without revisions
    std::optional<std::string> fingerprint; // LedgerEntry::storeFingerprint
};

class EngineHolder
{
  public:
    explicit EngineHolder(std::shared_ptr<const EngineSnapshot> first) : m_current(std::move(first))
    {
    }
    [[nodiscard]] std::shared_ptr<const EngineSnapshot> current() const
    {
        std::lock_guard lock(m_mutex);
        return m_current;
    }
    void replace(std::shared_ptr<const EngineSnapshot> next)
    {
        std::lock_guard lock(m_mutex);
        m_current = std::move(next);
    }

  private:
    mutable std::mutex m_mutex;
    std::shared_ptr<const EngineSnapshot> m_current;
};

} // namespace redline::service
