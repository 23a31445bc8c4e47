#pragma once
// Everything a screening run produced, with its provenance: what the report writers serialise
// (DESIGN A4). Immutable once built.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "redline/analysis/SiteResult.hpp"
#include "redline/model/ZoningStore.hpp"

namespace redline
{

struct ScreeningReport
{
    std::string redlineVersion;
    std::string zones; // zoning store path as given
    // Provenance (DESIGN A4): the store as opened (any password removed) and the store revision
    // the zoning was read at (nullopt for a store without revisions, e.g. a catalog.yaml).
    std::string store;
    std::optional<std::int64_t> storeRevision;
    std::string sites;       // sites source as given
    std::string analysisCrs; // "EPSG:4549"
    std::string ruleSet;     // rule set name ("rules.yongjia", "none", a file path)
    std::string ruleSetVersion;
    std::vector<SiteResult> results;
    std::vector<std::string> warnings; // source-level warnings (repairs, CRS guesses…)
    // Added by the service (DESIGN A4), absent from CLI output: the job, the account that ran
    // it, and the SHA-256 of the input as received.
    std::optional<std::string> jobId;
    std::optional<std::string> user;
    std::optional<std::string> inputSha256;
    // The zoning the sites were screened against (immutable, shared; not serialised): the HTML
    // and PDF reports draw each site over it. May be null (e.g. a report read back from JSON).
    std::shared_ptr<const ZoningStore> zoning;
    // Not serialised either: when `zoning` is not the zoning screened (the service could no
    // longer read the revision the job was screened at), the sentence that says so, which the
    // HTML and PDF reports print above each map. Empty: the maps show the zoning screened.
    std::string zoningNote;
};

} // namespace redline
