#pragma once
// The zoning a job's HTML and PDF report maps are drawn over: the zoning the job was screened
// against, so that every decision is shown as it was made. The verdicts and figures come from
// the archived report; only the map needs the zoning. When the job's recorded store and
// revision are the ones being served, that is the current snapshot's zoning (no read). When the
// job was screened at another revision of the same store, that revision is read
// (ZoningStore::load at the revision, only the zones near the report's sites) and kept in a small
// cache. When the screened zoning can no longer be read (the store keeps no revisions, it is
// another store, its content changed, the revision is gone), the map shows the current zoning
// and says so (MapZoning::note): never silently. Thread-safe.

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "redline/analysis/ScreeningReport.hpp"

#include "EngineHolder.hpp"

namespace redline::service
{

struct MapZoning
{
    std::shared_ptr<const ZoningStore> zoning; // ScreeningReport::zoning
    std::string note;                          // ScreeningReport::zoningNote ("" when screened)
};

// Where the map's zones must come from: what the HTML map (640:400) and the PDF map (180:105 mm,
// scale rounded up by at most 1.5) show around each site (reportMapFocus) lies within that
// focus grown by 1.5 times its longer side. Empty when no site has a geometry (no map is drawn).
[[nodiscard]] Envelope reportMapWindow(const ScreeningReport& report);

class ReportZoning
{
  public:
    // `locator` and `analysisCrs`: the service's store (ServiceConfig::zones, may hold a
    // password: never printed) and analysis CRS ("" for the store's own).
    ReportZoning(std::string locator, std::string analysisCrs);

    // Without reading the store: the current zoning when the report was screened against it, a
    // cached read of its revision, or the current zoning with a note when the screened one cannot
    // be read; nullopt when a past revision must be read: call read(), off the HTTP threads.
    // `fingerprint`: the ledger's store fingerprint of the job.
    [[nodiscard]] std::optional<MapZoning> ready(const ScreeningReport& report,
                                                 const std::optional<std::string>& fingerprint,
                                                 const EngineSnapshot& current);
    // What ready() answers, else reads the report's revision around its sites (blocks: up to a
    // second or so) and caches it. Never throws for a store or revision that cannot be read: logs
    // why (no password) and answers the current zoning with a note.
    [[nodiscard]] MapZoning read(const ScreeningReport& report,
                                 const std::optional<std::string>& fingerprint,
                                 const EngineSnapshot& current);

    // The cache: the last kMaxEntries reads, together at most kMaxBytes (estimated: coordinates
    // and a per-feature allowance); a read larger than that is used once and not kept.
    static constexpr std::size_t kMaxEntries = 4;
    static constexpr std::size_t kMaxBytes = std::size_t(128) << 20;

  private:
    struct Entry
    {
        int revision;
        Envelope window;
        std::shared_ptr<const ZoningStore> zoning;
        std::size_t bytes;
    };
    [[nodiscard]] std::shared_ptr<const ZoningStore> cached(int revision, const Envelope& window);
    void keep(Entry entry);

    std::string m_locator;
    std::string m_analysisCrs;
    std::mutex m_mutex;
    std::list<Entry> m_entries; // most recently used first
};

} // namespace redline::service
