#include "redline/analysis/Screening.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <atomic>

#include "analysis/OverlapCalculator.hpp"
#include "analysis/SpatialOrder.hpp"
#include "analysis/ZoneIndex.hpp"
#include "redline/core/Error.hpp"

namespace redline
{

namespace
{

struct ZoneRef
{
    const ZoneLayer* layer;
    const Feature* feature;
    double bufferM;
};

// Everything GEOS that one worker thread owns: its context, the zones it has prepared so far
// (built on first use, keyed by zone index: never "warm up, then share") and its PROJ objects.
struct WorkerCache
{
    // Built from WKT text, not from a shared Crs: an OGRSpatialReference is not safe to read
    // from two threads at once (it caches PROJ objects lazily), so each worker parses its own.
    explicit WorkerCache(const std::string& analysisCrsWkt)
        : measure(Crs::fromWkt(analysisCrsWkt))
    {
    }
    detail::GeosContext ctx;
    std::vector<std::unique_ptr<detail::PreparedZone>> zones;
    EllipsoidalMeasure measure;
};

std::string attributeText(const Feature& f, const std::string& field, const std::string& fallback)
{
    if (auto t = f.attributes.text(field); t && !t->empty())
        return *t;
    return fallback;
}

} // namespace

struct Screening::Impl
{
    Impl(const ZoningStore& store, const ScreeningOptions& opts)
        : options(opts), caches(store.analysisCrs().toWkt())
    {
        std::vector<Envelope> envelopes;
        for (const auto& layer : store.layers())
        {
            if (!layer.screened)
                continue;
            for (const auto& f : layer.layer->features)
            {
                const double buffer = opts.bufferM ? *opts.bufferM : layer.bufferM;
                zones.push_back({&layer, &f, buffer});
                envelopes.push_back(f.geometry.envelope());
                maxBuffer = std::max(maxBuffer, buffer);
            }
        }
        index = std::make_unique<detail::ZoneIndex>(envelopes);
        for (const auto& layer : store.layers())
            context.kindsPresent.insert(layer.kind);
    }

    // `where` names the sites' file and layer in an `error` verdict's message.
    SiteResult screen(const Feature& site, std::size_t index, const std::string& where) const;

    ScreeningOptions options;
    std::vector<ZoneRef> zones;
    double maxBuffer = 0;
    std::unique_ptr<detail::ZoneIndex> index;
    RuleContext context;
    std::shared_ptr<const RuleSet> rules;
    mutable tbb::enumerable_thread_specific<WorkerCache> caches;
};

SiteResult Screening::Impl::screen(const Feature& site, std::size_t siteIndex,
                                   const std::string& where) const
{
    WorkerCache& cache = caches.local();
    if (cache.zones.size() != zones.size())
        cache.zones.resize(zones.size());

    SiteResult r;
    r.index = siteIndex;
    r.siteId = attributeText(site, options.siteIdField, std::to_string(site.fid));
    r.name = attributeText(site, options.siteNameField, "");
    r.attributes = site.attributes;
    r.geometry = site.geometry;
    if (!site.error.empty())
    {
        r.verdict = Verdict::Error;
        r.message = site.error;
        return r;
    }

    // One site that cannot be measured (a GEOS or PROJ failure) gets the verdict `error`; it
    // never ends the batch.
    try
    {
        r.areaM2 = site.geometry.planarArea();
        r.areaEllipsoidalM2 = cache.measure.area(site.geometry);
        r.lengthM = site.geometry.dimension() == Dimension::Line ? site.geometry.planarLength() : 0;
        auto siteGeos = detail::toGeos(cache.ctx, site.geometry);
        detail::SiteGeos sg{&r.geometry, siteGeos.get(), r.areaM2, r.lengthM,
                            r.areaEllipsoidalM2};
        for (std::size_t zi : index->query(site.geometry.envelope().grownBy(maxBuffer)))
        {
            const ZoneRef& z = zones[zi];
            auto& prepared = cache.zones[zi];
            const Envelope& zoneEnv = z.feature->geometry.envelope();
            if (!prepared)
            {
                // Cheap rejection before paying for preparation.
                if (!zoneEnv.grownBy(z.bufferM).intersects(site.geometry.envelope()))
                    continue;
                prepared = std::make_unique<detail::PreparedZone>(cache.ctx, z.feature->geometry);
            }
            auto hit = detail::measureOverlap(cache.ctx, sg, *prepared, zoneEnv, z.bufferM,
                                              cache.measure);
            if (!hit)
                continue;
            hit->layer = z.layer->name;
            hit->kind = z.layer->kind;
            hit->zoneId = attributeText(*z.feature, z.layer->idField,
                                        std::to_string(z.feature->fid));
            hit->zoneName = attributeText(*z.feature, z.layer->nameField, "");
            hit->attributes = z.feature->attributes;
            r.hits.push_back(std::move(*hit));
        }
        rules->evaluate(r, context);
    }
    catch (const Error& e)
    {
        cache.ctx.clearError(); // the next site on this worker starts clean
        r.hits.clear();
        r.warnings.clear();
        r.verdict = Verdict::Error;
        std::string why = e.what();
        if (!why.empty() && why.back() == '.')
            why.pop_back();
        r.message = (where.empty() ? std::string("site '") : where + ", site '") + r.siteId +
                    "': cannot be screened (" + why + ").";
    }
    return r;
}

Screening::Screening(std::shared_ptr<const ZoningStore> store, std::shared_ptr<const RuleSet> rules,
                     ScreeningOptions options)
    : m_impl(std::make_unique<Impl>(*store, options)), m_store(std::move(store))
{
    m_impl->rules = rules ? std::move(rules) : std::make_shared<const OverlapOnlyRuleSet>();
}

Screening::~Screening() = default;

std::vector<SiteResult> Screening::run(const Layer& sites) const
{
    if (!sites.crs.isSame(m_store->analysisCrs()))
        throw CrsError(sites.source + ": sites are in " + sites.crs.label() +
                       ", not in the analysis CRS " + m_store->analysisCrs().label() + ".");
    const std::size_t n = sites.features.size();
    std::vector<SiteResult> results(n);
    std::atomic<std::size_t> done{0};
    const std::string where = describeLocation(sites.source, sites.name);
    const std::vector<std::size_t> order = detail::mortonOrder(sites.features);
    auto work = [&]
    {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 16),
                          [&](const tbb::blocked_range<std::size_t>& range)
                          {
                              for (std::size_t k = range.begin(); k != range.end(); ++k)
                              {
                                  const std::size_t i = order[k];
                                  results[i] = m_impl->screen(sites.features[i], i, where);
                                  const std::size_t d = ++done;
                                  if (m_impl->options.progress)
                                      m_impl->options.progress(d, n);
                              }
                          });
    };
    if (m_impl->options.threads > 0)
        tbb::task_arena(static_cast<int>(m_impl->options.threads)).execute(work);
    else
        work();
    return results;
}

SiteResult Screening::screenOne(const Feature& site, std::size_t index) const
{
    return m_impl->screen(site, index, {});
}

} // namespace redline
