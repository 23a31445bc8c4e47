#pragma once
// The decision ledger (台账, issue 11 §5): one append-only row per screening — who, when, which
// input (file name and SHA-256), which store and revision, which rule set and version, the
// outcome, the verdict of every site and the archived report — written in the same transaction
// as the job's final status. The database's triggers refuse any UPDATE or DELETE.

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "redline/geo/Envelope.hpp"

#include "db/Sqlite.hpp"

namespace redline::service
{

struct LedgerEntry
{
    std::string jobId;
    std::string userName;
    std::string screenedAt; // default: now
    std::optional<std::string> inputName;
    std::optional<std::string> inputSha256;
    std::string store;
    std::optional<std::int64_t> storeRevision;
    // For a store without revisions (GeoPackage, catalog.yaml): SHA-256 of its content key (each
    // file's path, size and XXH3 hash, as the screening cache keys it), taken when it was loaded.
    std::optional<std::string> storeFingerprint;
    std::optional<std::string> parameters; // ExecuteInput::parameters
    std::optional<std::string> ruleSet;
    std::optional<std::string> ruleSetVersion;
};

struct LedgerSite
{
    std::size_t index = 0;
    std::string siteId;
    std::string name;
    std::string verdict;
    std::string geometryCrs84; // GeoJSON geometry, longitude/latitude
    Envelope lonLat;
};

std::int64_t appendScreening(Database& db, const LedgerEntry& entry,
                             const std::vector<LedgerSite>& sites,
                             const std::vector<std::uint8_t>& archivedReport);
std::int64_t appendFailure(Database& db, const LedgerEntry& entry, const std::string& message);

// The archived report of a job's successful screening, if any, with the store fingerprint
// recorded beside it (LedgerEntry::storeFingerprint).
struct LedgerReport
{
    std::vector<std::uint8_t> archive;
    std::optional<std::string> storeFingerprint;
};
[[nodiscard]] std::optional<LedgerReport> ledgerReport(Database& db, const std::string& jobId);

struct LedgerFilter
{
    std::optional<std::string> from; // RFC 3339 UTC, inclusive
    std::optional<std::string> to;   // inclusive
    std::optional<std::string> user;
    std::optional<std::string> verdict; // entries with at least one site of this verdict
};

// `redline ledger`: csv (one row per site; a failed screening is one row without site columns;
// with --verdict only the matching sites' rows) or json (one object per screening with its sites
// and its A4 report). Streams: memory does not grow with the ledger.
void exportLedger(Database& db, const LedgerFilter& filter, const std::string& format,
                  std::ostream& out);

} // namespace redline::service
