#include "redline/api/ScreeningEngine.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <tuple>
#include <utility>

#include <cpl_vsi.h>

#include "redline/analysis/Screening.hpp"
#include "redline/io/SiteSource.hpp"
#include "redline/model/StoreWindow.hpp"
#include "redline/model/ZoningSource.hpp"
#include "redline/pg/ConnectionString.hpp"
#include "redline/plugin/Registry.hpp"
#include "redline/rules/ProjectAttributeMapping.hpp"
#include "redline/rules/ResolveRuleSet.hpp"

#include "gdal/DriversByExtension.hpp"

namespace redline
{

namespace
{

std::atomic<std::uint64_t> g_nextEngineId{1};
std::atomic<std::uint64_t> g_nextMemoryFile{1};

// Screenings kept warm (their prepared zones) per (rule set, buffer); beyond this many distinct
// combinations a request builds its own and drops it afterwards.
constexpr std::size_t kMaxCachedScreenings = 16;

// The analysis CRS for the calling thread: an OGRSpatialReference must not be read by two
// threads at once (it caches PROJ objects lazily), so each thread parses its own copy.
const Crs& threadAnalysisCrs(std::uint64_t engineId, const std::string& wkt)
{
    // Built by its initialiser, so that GDAL's per-thread PROJ context (a thread_local of GDAL
    // that this parse creates) is constructed first and destroyed after it at thread exit: the
    // OGRSpatialReference's destructor needs that context, and GDAL 3.6 otherwise creates a new
    // one that is never freed (LeakSanitizer, EngineConcurrency test).
    thread_local std::optional<Crs> cached = Crs::fromWkt(wkt);
    thread_local std::uint64_t cachedId = engineId;
    if (cachedId != engineId)
    {
        cached = Crs::fromWkt(wkt);
        cachedId = engineId;
    }
    return *cached;
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to)
{
    if (from.empty())
        return text;
    for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
        text.replace(pos, from.size(), to);
    return text;
}

// Bytes visible to GDAL as a file under /vsimem/ for the object's lifetime (no copy).
class MemoryFile
{
  public:
    MemoryFile(const std::string& bytes, const std::string& name)
        : m_path("/vsimem/redline-sites/" + std::to_string(g_nextMemoryFile++) + "/" +
                 std::filesystem::path(name).filename().string())
    {
        auto* data = reinterpret_cast<GByte*>(const_cast<char*>(bytes.data()));
        VSILFILE* f = VSIFileFromMemBuffer(m_path.c_str(), data,
                                           static_cast<vsi_l_offset>(bytes.size()), FALSE);
        if (!f)
            throw IoError(name + " cannot be read from memory.");
        VSIFCloseL(f);
    }
    ~MemoryFile() { VSIUnlink(m_path.c_str()); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;
    [[nodiscard]] const std::string& path() const { return m_path; }

  private:
    std::string m_path;
};

std::string requestProblemText(const RequestProblem& p)
{
    return p.input + ": " + p.message + ".";
}

} // namespace

InvalidRequest::InvalidRequest(RequestProblem problem)
    : ConfigError(requestProblemText(problem)), m_problem(std::move(problem))
{
}

struct ScreeningEngine::Caches
{
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<const RuleSet>> ruleSets;
    std::map<std::tuple<std::string, std::optional<double>, bool>, std::shared_ptr<const Screening>>
        screenings;
    // Per rule set, for requests without --fields/--site-attr (building one costs more than
    // screening a site: it folds every alias of the vocabulary).
    std::map<std::string, std::shared_ptr<const ProjectAttributeMapping>> plainMappings;
    std::mutex zoningMutex; // a load takes a while: not under `mutex`
    std::shared_ptr<const ZoningStore> zoning;
    // windowPerRequest on a PostGIS store: the opened store (one connection) and how to read it.
    std::mutex sourceMutex;
    std::unique_ptr<ZoningSource> source;
    StoreReadOptions read;
};

namespace detail
{

// A store opened for an engine: prepared (through the cache for a file store at its newest
// revision, else read at the revision asked for), or left to be read per request.
struct OpenedStore
{
    std::shared_ptr<const PreparedStore> prepared;
    CacheOutcome outcome = CacheOutcome::NotCached;
    std::string note;
    std::string label;
    std::optional<int> revision;
    Crs crs;
    Envelope extent;
    std::unique_ptr<ZoningSource> source; // kept for per-request windows
    StoreReadOptions read;
};

} // namespace detail

namespace
{

detail::OpenedStore openStore(const EngineConfig& config)
{
    detail::OpenedStore out;
    auto source = ZoningSource::open(config.zones);
    const Crs requested =
        config.analysisCrs.empty() ? Crs() : Crs::fromUserInput(config.analysisCrs);
    out.read.analysisCrs = source->analysisCrs(requested);
    out.read.revision = config.revision ? config.revision : source->revision();
    out.label = source->label();
    out.revision = out.read.revision;
    out.crs = out.read.analysisCrs;
    const bool postgis = source->kind() == StoreKind::PostGis;
    if (!postgis && !config.revision)
    {
        StoreCacheOptions options;
        options.analysisCrs = requested;
        options.enabled = config.useCache;
        CachedStore cached = openPreparedStore(config.zones, options);
        // A commit landing meanwhile: read the revision announced rather than the newer cache.
        if (source->revision() == out.read.revision)
        {
            out.prepared = std::move(cached.store);
            out.outcome = cached.outcome;
            out.note = std::move(cached.note);
            out.extent = out.prepared->extent();
            return out;
        }
    }
    out.extent = source->extent(out.crs);
    if (postgis && config.windowPerRequest)
        out.source = std::move(source);
    else
        out.prepared = PreparedStore::build(*ZoningStore::load(*source, out.read));
    return out;
}

} // namespace

ScreeningEngine::ScreeningEngine(const Registry& registry, EngineConfig config)
    : ScreeningEngine(registry, config, openStore(config))
{
}

ScreeningEngine::ScreeningEngine(const Registry& registry, EngineConfig config,
                                 detail::OpenedStore&& opened)
    : m_registry(registry), m_config(std::move(config)), m_store(std::move(opened.prepared)),
      m_storeLabel(std::move(opened.label)), m_storeRevision(opened.revision),
      m_extent(opened.extent), m_cacheOutcome(opened.outcome), m_cacheNote(std::move(opened.note)),
      m_analysisCrsLabel(opened.crs.label()), m_analysisCrsWkt(opened.crs.toWkt()),
      m_id(g_nextEngineId++), m_caches(std::make_unique<Caches>())
{
    m_caches->source = std::move(opened.source);
    m_caches->read = opened.read;
    (void)ruleSet(m_config.defaultRules); // an unknown default fails at start-up, not later
}

ScreeningEngine::ScreeningEngine(const Registry& registry, EngineConfig config,
                                 std::shared_ptr<const PreparedStore> store)
    : m_registry(registry), m_config(std::move(config)), m_store(std::move(store)),
      m_storeLabel(pg::redactLocator(m_config.zones)), m_storeRevision(m_config.revision),
      m_extent(m_store->extent()), m_analysisCrsLabel(m_store->analysisCrs().label()),
      m_analysisCrsWkt(m_store->analysisCrs().toWkt()), m_id(g_nextEngineId++),
      m_caches(std::make_unique<Caches>())
{
    m_caches->read.analysisCrs = m_store->analysisCrs();
    m_caches->read.revision = m_config.revision;
    (void)ruleSet(m_config.defaultRules); // an unknown default fails at start-up, not later
}

std::shared_ptr<const ZoningStore> ScreeningEngine::zoning() const
{
    std::lock_guard lock(m_caches->zoningMutex);
    if (!m_caches->zoning)
    {
        // The whole store at the revision the engine screens against.
        StoreReadOptions read = m_caches->read;
        read.analysisCrs = threadAnalysisCrs(m_id, m_analysisCrsWkt);
        read.revision = m_storeRevision;
        m_caches->zoning = ZoningStore::load(m_config.zones, read);
    }
    return m_caches->zoning;
}

std::shared_ptr<const PreparedStore> ScreeningEngine::storeFor(const ScreeningRequest& request,
                                                               const Layer& sites) const
{
    if (m_store)
        return m_store;
    std::lock_guard lock(m_caches->sourceMutex);
    ZoningSource& source = *m_caches->source;
    StoreReadOptions read = m_caches->read;
    read.window = screeningWindow(sites, source.catalog().layers, request.bufferM, m_extent);
    return PreparedStore::build(*ZoningStore::load(source, read));
}

ScreeningEngine::~ScreeningEngine() = default;

std::shared_ptr<const RuleSet> ScreeningEngine::ruleSet(const std::string& nameOrFile) const
{
    const std::string& name = nameOrFile.empty() ? m_config.defaultRules : nameOrFile;
    {
        std::lock_guard lock(m_caches->mutex);
        if (auto it = m_caches->ruleSets.find(name); it != m_caches->ruleSets.end())
            return it->second;
    }
    auto resolved = resolveRuleSet(m_registry, name); // outside the lock: may parse a file
    std::lock_guard lock(m_caches->mutex);
    return m_caches->ruleSets.try_emplace(name, std::move(resolved)).first->second;
}

Layer ScreeningEngine::loadSites(const ScreeningRequest& request) const
{
    if (auto p = request.problem())
        throw InvalidRequest(*p);
    SiteSourceOptions so;
    if (!request.siteLayer.empty())
        so.layerName = request.siteLayer;
    if (!request.siteCrs.empty())
        so.siteCrs = request.siteCrs;
    if (!request.towgs84.empty())
        so.towgs84 = parseTowgs84(request.towgs84);
    so.zoningExtent = m_extent;
    so.keepUnusableSites = true; // one bad site gets the verdict `error`, the others are screened
    if (request.sitesPath.empty())
    {
        const Crs& crs = threadAnalysisCrs(m_id, m_analysisCrsWkt);
        return withProjectAttributes(siteFromWkt(request.siteWkt, crs, so), request);
    }
    if (!request.sitesData.empty())
    {
        // Read from memory: the GDAL drivers of a file of that name, without the disk (and
        // without GDAL probing every other driver).
        const MemoryFile file(request.sitesData, request.sitesPath);
        ScreeningRequest named = request;
        named.sitesData.clear();
        named.sitesPath = file.path();
        if (named.sitesLabel.empty())
            named.sitesLabel = request.sitesPath;
        const std::string ext = std::filesystem::path(request.sitesPath).extension().string();
        so.drivers = detail::vectorDriversForExtension(ext.empty() ? ext : ext.substr(1));
        return loadSitesFrom(named, so);
    }
    return loadSitesFrom(request, so);
}

Layer ScreeningEngine::loadSitesFrom(const ScreeningRequest& request,
                                     const SiteSourceOptions& so) const
{
    const Crs& crs = threadAnalysisCrs(m_id, m_analysisCrsWkt);
    if (request.sitesLabel.empty())
        return withProjectAttributes(redline::loadSites(request.sitesPath, crs, so, &m_registry),
                                     request);
    // Name the source as labelled, in warnings and in errors alike.
    const auto relabel = [&](std::string text)
    { return replaceAll(std::move(text), request.sitesPath, request.sitesLabel); };
    try
    {
        Layer sites = redline::loadSites(request.sitesPath, crs, so, &m_registry);
        sites.source = request.sitesLabel;
        for (auto& w : sites.warnings)
            w = relabel(w);
        return withProjectAttributes(std::move(sites), request);
    }
    catch (const IoError& e)
    {
        throw IoError(relabel(e.what()));
    }
    catch (const CrsError& e)
    {
        throw CrsError(relabel(e.what()));
    }
    catch (const GeometryError& e)
    {
        throw GeometryError(relabel(e.what()));
    }
    catch (const ConfigError& e)
    {
        throw ConfigError(relabel(e.what()));
    }
}

Layer ScreeningEngine::withProjectAttributes(Layer sites, const ScreeningRequest& request) const
{
    const std::string rulesName = request.rules.empty() ? m_config.defaultRules : request.rules;
    if (!request.fields.empty() || !request.siteAttributes.empty())
    {
        ProjectAttributeOptions options{request.fields, request.siteAttributes};
        ProjectAttributeMapping(ruleSet(rulesName)->vocabulary(), std::move(options)).apply(sites);
        return sites;
    }
    std::shared_ptr<const ProjectAttributeMapping> mapping;
    {
        std::lock_guard lock(m_caches->mutex);
        if (auto it = m_caches->plainMappings.find(rulesName); it != m_caches->plainMappings.end())
            mapping = it->second;
    }
    if (!mapping)
    {
        auto built = std::make_shared<const ProjectAttributeMapping>(
            ruleSet(rulesName)->vocabulary(), ProjectAttributeOptions{});
        std::lock_guard lock(m_caches->mutex);
        mapping = m_caches->plainMappings.try_emplace(rulesName, std::move(built)).first->second;
    }
    mapping->apply(sites);
    return sites;
}

ScreeningReport ScreeningEngine::screen(const ScreeningRequest& request) const
{
    return screen(request, loadSites(request));
}

ScreeningReport ScreeningEngine::screen(const ScreeningRequest& request, const Layer& sites) const
{
    if (auto p = request.problem())
        throw InvalidRequest(*p);
    const std::string rulesName = request.rules.empty() ? m_config.defaultRules : request.rules;
    auto rules = ruleSet(rulesName);

    // A shared, warm Screening unless the request needs its own threads, progress callback or
    // its own window of the store.
    const std::shared_ptr<const PreparedStore> store = storeFor(request, sites);
    std::shared_ptr<const Screening> screening;
    const bool shareable = request.threads == 0 && !request.progress && store == m_store;
    const auto key = std::make_tuple(rulesName, request.bufferM, request.overlapGeometry);
    if (shareable)
    {
        std::lock_guard lock(m_caches->mutex);
        if (auto it = m_caches->screenings.find(key); it != m_caches->screenings.end())
            screening = it->second;
    }
    if (!screening)
    {
        ScreeningOptions opts;
        opts.bufferM = request.bufferM;
        opts.threads = request.threads;
        opts.progress = request.progress;
        opts.overlapGeometry = request.overlapGeometry;
        screening = std::make_shared<const Screening>(store, rules, opts);
        if (shareable)
        {
            std::lock_guard lock(m_caches->mutex);
            if (m_caches->screenings.size() < kMaxCachedScreenings)
                screening = m_caches->screenings.try_emplace(key, screening).first->second;
        }
    }

    ScreeningReport report;
    report.redlineVersion = REDLINE_VERSION;
    report.zones = m_storeLabel; // never a password
    report.store = m_storeLabel;
    if (m_storeRevision)
        report.storeRevision = *m_storeRevision;
    report.sites = !request.sitesLabel.empty() ? request.sitesLabel
                   : request.sitesPath.empty() ? std::string("--site-wkt")
                                               : request.sitesPath;
    report.analysisCrs = m_analysisCrsLabel;
    report.ruleSet = rulesName;
    report.ruleSetVersion = rules->version();
    report.warnings = store->warnings(); // zoning repairs (make-valid) and other load warnings
    report.warnings.insert(report.warnings.end(), sites.warnings.begin(), sites.warnings.end());
    report.results = screening->run(sites);
    if (request.zoningContext)
        report.zoning = zoning();
    return report;
}

} // namespace redline
