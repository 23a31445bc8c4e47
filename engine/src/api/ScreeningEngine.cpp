#include "redline/api/ScreeningEngine.hpp"

#include <cpl_vsi.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <tuple>
#include <utility>

#include "redline/analysis/Screening.hpp"
#include "redline/io/SiteSource.hpp"
#include "redline/plugin/Registry.hpp"
#include "redline/rules/ProjectAttributeMapping.hpp"
#include "redline/rules/ResolveRuleSet.hpp"

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
    thread_local std::uint64_t cachedId = 0;
    thread_local std::optional<Crs> cached;
    if (cachedId != engineId || !cached)
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
    std::mutex zoningMutex; // a load takes a while: not under `mutex`
    std::shared_ptr<const ZoningStore> zoning;
};

namespace
{

CachedStore openStore(const EngineConfig& config)
{
    StoreCacheOptions options;
    if (!config.analysisCrs.empty())
        options.analysisCrs = Crs::fromUserInput(config.analysisCrs);
    options.enabled = config.useCache;
    return openPreparedStore(config.zones, options);
}

} // namespace

ScreeningEngine::ScreeningEngine(const Registry& registry, EngineConfig config)
    : ScreeningEngine(registry, config, openStore(config))
{
}

ScreeningEngine::ScreeningEngine(const Registry& registry, EngineConfig config,
                                 const CachedStore& opened)
    : ScreeningEngine(registry, std::move(config), opened.store)
{
    m_cacheOutcome = opened.outcome;
    m_cacheNote = opened.note;
}

ScreeningEngine::ScreeningEngine(const Registry& registry, EngineConfig config,
                                 std::shared_ptr<const PreparedStore> store)
    : m_registry(registry), m_config(std::move(config)), m_store(std::move(store)),
      m_analysisCrsLabel(m_store->analysisCrs().label()),
      m_analysisCrsWkt(m_store->analysisCrs().toWkt()), m_id(g_nextEngineId++),
      m_caches(std::make_unique<Caches>())
{
    (void)ruleSet(m_config.defaultRules); // an unknown default fails at start-up, not later
}

std::shared_ptr<const ZoningStore> ScreeningEngine::zoning() const
{
    std::lock_guard lock(m_caches->zoningMutex);
    if (!m_caches->zoning)
        m_caches->zoning =
            ZoningStore::load(m_config.zones, threadAnalysisCrs(m_id, m_analysisCrsWkt));
    return m_caches->zoning;
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
    so.zoningExtent = m_store->extent();
    so.keepUnusableSites = true; // one bad site gets the verdict `error`, the others are screened
    const Crs& crs = threadAnalysisCrs(m_id, m_analysisCrsWkt);
    if (request.sitesPath.empty())
        return withProjectAttributes(siteFromWkt(request.siteWkt, crs, so), request);
    if (!request.sitesData.empty())
    {
        // Read from memory: the same GDAL driver as for a file of that name, without the disk.
        const MemoryFile file(request.sitesData, request.sitesPath);
        ScreeningRequest named = request;
        named.sitesData.clear();
        named.sitesPath = file.path();
        if (named.sitesLabel.empty())
            named.sitesLabel = request.sitesPath;
        return loadSites(named);
    }
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
    ProjectAttributeOptions options{request.fields, request.siteAttributes};
    ProjectAttributeMapping(ruleSet(rulesName)->vocabulary(), std::move(options)).apply(sites);
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

    // A shared, warm Screening unless the request needs its own threads or progress callback.
    std::shared_ptr<const Screening> screening;
    const bool shareable = request.threads == 0 && !request.progress;
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
        screening = std::make_shared<const Screening>(m_store, rules, opts);
        if (shareable)
        {
            std::lock_guard lock(m_caches->mutex);
            if (m_caches->screenings.size() < kMaxCachedScreenings)
                screening = m_caches->screenings.try_emplace(key, screening).first->second;
        }
    }

    ScreeningReport report;
    report.redlineVersion = REDLINE_VERSION;
    report.zones = m_config.zones;
    report.sites = !request.sitesLabel.empty() ? request.sitesLabel
                   : request.sitesPath.empty() ? std::string("--site-wkt")
                                               : request.sitesPath;
    report.analysisCrs = m_analysisCrsLabel;
    report.ruleSet = rulesName;
    report.ruleSetVersion = rules->version();
    report.warnings = m_store->warnings(); // zoning repairs (make-valid) and other load warnings
    report.warnings.insert(report.warnings.end(), sites.warnings.begin(), sites.warnings.end());
    report.results = screening->run(sites);
    if (request.zoningContext)
        report.zoning = zoning();
    return report;
}

} // namespace redline
