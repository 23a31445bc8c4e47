#pragma once
// The one screening facade (STYLE A8, OSRM's `osrm::OSRM`) that the CLI, the service and the
// viewer call: it holds a prepared zoning store opened once (through the store cache) and the
// rule sets resolved once, and turns a ScreeningRequest into a ScreeningReport with its
// provenance (DESIGN A4). Front ends add no screening logic of their own.
//
// Thread-safety: immutable after construction except for internal caches behind a mutex;
// screen() may be called from any number of threads at once. A new store revision is a new
// ScreeningEngine (share it as shared_ptr<const ScreeningEngine>: requests in flight keep the
// one they started with). The Registry must outlive the engine and not change any more.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "redline/analysis/PreparedStore.hpp"
#include "redline/analysis/ScreeningReport.hpp"
#include "redline/api/ScreeningRequest.hpp"
#include "redline/cache/StoreCache.hpp"
#include "redline/core/Error.hpp"
#include "redline/data/Layer.hpp"
#include "redline/model/ZoningStore.hpp"
#include "redline/rules/ResolveRuleSet.hpp"
#include "redline/rules/RuleSet.hpp"

namespace redline
{

class Registry;
struct SiteSourceOptions;
namespace detail
{
struct OpenedStore;
}

// What selects the store and the defaults every request starts from.
struct EngineConfig
{
    // The store as given: GeoPackage, catalog.yaml or PostGIS (PG:… schemas=NAME); may hold a
    // password — reports carry the store's label without it.
    std::string zones;
    std::string analysisCrs; // empty: EPSG:4549 or the catalog's
    std::string defaultRules = kDefaultRuleSet;
    bool useCache = true; // open the store through its cache file (redline screen --no-cache)
    // The store as it was at this revision (`--at-rev`); default the newest when the engine
    // starts. Reports state the revision they were computed against.
    std::optional<int> revision;
    // For one-shot runs (the CLI) against a PostGIS store: read, per request, only the zones the
    // request's sites can meet (issue 10, province scale) instead of the whole store at start-up.
    // Same results. Ignored for file stores; a long-running service leaves it off.
    bool windowPerRequest = false;
};

class ScreeningEngine
{
  public:
    // Opens the store (through its cache unless disabled) and resolves the default rule set.
    // Throws IoError / ConfigError / CrsError.
    ScreeningEngine(const Registry& registry, EngineConfig config);
    // Around a store already prepared (e.g. one revision of a shared store).
    ScreeningEngine(const Registry& registry, EngineConfig config,
                    std::shared_ptr<const PreparedStore> store);
    ~ScreeningEngine();
    ScreeningEngine(const ScreeningEngine&) = delete;
    ScreeningEngine& operator=(const ScreeningEngine&) = delete;

    // Throws InvalidRequest for a request whose problem() is set, IoError / CrsError /
    // GeometryError for unreadable sites, ConfigError for an unknown rule set.
    [[nodiscard]] ScreeningReport screen(const ScreeningRequest& request) const;

    // The two halves of screen(), for front ends that look at the sites in between (counting
    // them against a limit, storing their geometry).
    [[nodiscard]] Layer loadSites(const ScreeningRequest& request) const;
    [[nodiscard]] ScreeningReport screen(const ScreeningRequest& request, const Layer& sites) const;

    // The rule set a request names (cached by name); throws ConfigError for an unknown one.
    [[nodiscard]] std::shared_ptr<const RuleSet> ruleSet(const std::string& nameOrFile) const;

    // The whole store, context layers included (what the HTML and PDF reports draw and the
    // service's Features API serves): read on first use, then shared. Throws as
    // ZoningStore::load.
    [[nodiscard]] std::shared_ptr<const ZoningStore> zoning() const;

    // The prepared store (null when it is read per request: windowPerRequest on PostGIS).
    [[nodiscard]] const std::shared_ptr<const PreparedStore>& store() const { return m_store; }
    // What reports state (DESIGN A4): the store without password and the revision read.
    [[nodiscard]] const std::string& storeLabel() const { return m_storeLabel; }
    [[nodiscard]] std::optional<int> storeRevision() const { return m_storeRevision; }
    // How the store was opened: through the cache or not, and a note worth showing.
    [[nodiscard]] CacheOutcome cacheOutcome() const { return m_cacheOutcome; }
    [[nodiscard]] const std::string& cacheNote() const { return m_cacheNote; }
    [[nodiscard]] const EngineConfig& config() const { return m_config; }
    [[nodiscard]] const std::string& analysisCrsLabel() const { return m_analysisCrsLabel; }
    [[nodiscard]] const std::string& analysisCrsWkt() const { return m_analysisCrsWkt; }
    [[nodiscard]] const Registry& registry() const { return m_registry; }

  private:
    ScreeningEngine(const Registry& registry, EngineConfig config, detail::OpenedStore&& opened);
    // The prepared store for one request: the engine's, or the sites' window of a PostGIS store.
    [[nodiscard]] std::shared_ptr<const PreparedStore> storeFor(const ScreeningRequest& request,
                                                                const Layer& sites) const;
    // The request's project attributes (--fields, --site-attr, aliases, 地块用途) applied to
    // freshly loaded sites, with the vocabulary of the request's rule set.
    [[nodiscard]] Layer withProjectAttributes(Layer sites, const ScreeningRequest& request) const;
    // loadSites() of a request whose sites are a file (or the in-memory copy of one).
    [[nodiscard]] Layer loadSitesFrom(const ScreeningRequest& request,
                                      const SiteSourceOptions& options) const;

    struct Caches;
    const Registry& m_registry;
    EngineConfig m_config;
    std::shared_ptr<const PreparedStore> m_store;
    std::string m_storeLabel;
    std::optional<int> m_storeRevision;
    Envelope m_extent; // of every layer (the sites' extent check)
    CacheOutcome m_cacheOutcome = CacheOutcome::NotCached;
    std::string m_cacheNote;
    std::string m_analysisCrsLabel;
    std::string m_analysisCrsWkt;
    std::uint64_t m_id; // tells this engine's per-thread CRS copies from another's
    std::unique_ptr<Caches> m_caches;
};

// A request that fails problem(): the CLI maps it to its option, the service to a 400.
class InvalidRequest : public ConfigError
{
  public:
    explicit InvalidRequest(RequestProblem problem);
    [[nodiscard]] const RequestProblem& problem() const { return m_problem; }

  private:
    RequestProblem m_problem;
};

} // namespace redline
