#include "redline/analysis/Screening.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <atomic>
#include <cmath>

#include "analysis/LocalClip.hpp"
#include "analysis/LocalOverlay.hpp"
#include "analysis/OverlapCalculator.hpp"
#include "analysis/PreparedStoreData.hpp"
#include "analysis/SpatialOrder.hpp"
#include "redline/core/Error.hpp"

namespace redline
{

namespace
{

// What one worker thread owns: its GEOS context, its PROJ objects and its scratch space. The
// zones themselves are shared read-only (PreparedStore); no GEOS object outlives a site.
struct Worker
{
    // Built from WKT text, not from a shared Crs: an OGRSpatialReference is not safe to read
    // from two threads at once (it caches PROJ objects lazily), so each worker parses its own.
    explicit Worker(const std::string& analysisCrsWkt) : measure(Crs::fromWkt(analysisCrsWkt)) {}
    detail::GeosContext ctx;
    EllipsoidalMeasure measure;
    detail::SiteShape shape;
    detail::LocalOverlay overlay;
    std::vector<std::uint32_t> candidates;
    std::vector<detail::LocalOverlay::LocalChunk> clipScratch;
};

std::string attributeText(const Feature& f, const std::string& field, const std::string& fallback)
{
    if (auto t = f.attributes.text(field); t && !t->empty())
        return *t;
    return fallback;
}

double envelopeDistance(const Envelope& a, const detail::BoxD& b)
{
    const double dx = std::max({0.0, a.minX - b.maxX, b.minX - a.maxX});
    const double dy = std::max({0.0, a.minY - b.maxY, b.minY - a.maxY});
    return std::hypot(dx, dy);
}

} // namespace

struct Screening::Impl
{
    Impl(const PreparedStore& prepared, const ScreeningOptions& opts)
        : store(prepared), view(prepared.flat()), options(opts),
          workers(prepared.analysisCrs().toWkt())
    {
        for (const auto& layer : prepared.layers())
        {
            const double buffer = opts.bufferM ? *opts.bufferM : layer.bufferM;
            buffers.push_back(buffer);
            if (layer.screened)
                maxBuffer = std::max(maxBuffer, buffer);
            context.kindsPresent.insert(layer.kind);
        }
    }

    // `where` names the sites' file and layer in an `error` verdict's message.
    SiteResult screen(const Feature& site, std::size_t index, const std::string& where) const;
    std::optional<Hit> measure(Worker& w, const SiteResult& r, detail::GeosGeomPtr& siteGeos,
                               std::uint32_t zone, double buffer) const;
    std::optional<Hit> measureWithGeos(Worker& w, const SiteResult& r,
                                       detail::GeosGeomPtr& siteGeos, std::uint32_t zone,
                                       double buffer) const;

    const PreparedStore& store;
    const detail::FlatZonesView& view;
    ScreeningOptions options;
    std::vector<double> buffers; // per layer
    double maxBuffer = 0;
    RuleContext context;
    std::shared_ptr<const RuleSet> rules;
    mutable tbb::enumerable_thread_specific<Worker> workers;
};

std::optional<Hit> Screening::Impl::measureWithGeos(Worker& w, const SiteResult& r,
                                                    detail::GeosGeomPtr& siteGeos,
                                                    std::uint32_t zone, double buffer) const
{
    // The zone clipped to the site's neighbourhood (within the buffer), from its local edges.
    const Envelope& siteEnv = r.geometry.envelope();
    const double margin = std::max(1.0, std::max(siteEnv.width(), siteEnv.height()) * 0.01);
    Envelope rect = siteEnv.grownBy(std::max(buffer, 0.0) + margin);
    std::optional<Geometry> clip = detail::clipZone(view, zone, rect, w.clipScratch);
    const Geometry zoneGeometry = clip ? std::move(*clip) : view.zoneGeometry(zone);
    if (zoneGeometry.isEmpty())
        return std::nullopt;
    if (!siteGeos)
        siteGeos = detail::toGeos(w.ctx, r.geometry);
    const detail::PreparedZone prepared(w.ctx, zoneGeometry);
    const detail::SiteGeos sg{&r.geometry, siteGeos.get(), r.areaM2, r.lengthM,
                              r.areaEllipsoidalM2};
    return detail::measureOverlap(w.ctx, sg, prepared, zoneGeometry.envelope(), buffer, w.measure);
}

std::optional<Hit> Screening::Impl::measure(Worker& w, const SiteResult& r,
                                            detail::GeosGeomPtr& siteGeos, std::uint32_t zone,
                                            double buffer) const
{
    using detail::Relation;
    const detail::LocalFacts f = w.overlay.measure(view, zone, w.shape);
    const Dimension dim = r.geometry.dimension();
    Hit hit;
    switch (f.relation)
    {
    case Relation::Disjoint:
    {
        if (buffer <= 0)
            return std::nullopt;
        const double d = w.overlay.distance(view, zone, w.shape, buffer);
        if (d > buffer)
            return std::nullopt;
        hit.distanceM = d;
        return hit;
    }
    case Relation::Within:
        if (options.overlapGeometry || dim == Dimension::Point)
            hit.overlap = r.geometry; // the site itself
        if (dim == Dimension::Point)
        {
            hit.contains = true;
            hit.siteShare = 1;
        }
        else if (dim == Dimension::Area)
        {
            hit.overlapM2 = r.areaM2;
            hit.overlapEllipsoidalM2 = r.areaEllipsoidalM2;
            hit.siteShare = r.areaM2 > 0 ? 1 : 0;
        }
        else
        {
            hit.overlapLengthM = r.lengthM;
            hit.siteShare = r.lengthM > 0 ? 1 : 0;
        }
        return hit;
    case Relation::Intersects:
        if (options.overlapGeometry)
            break;
        if (dim == Dimension::Area)
        {
            const auto ellipsoidal = w.measure.areaFromPlanar(f.area, f.centroid, f.extent);
            if (!ellipsoidal)
                break; // a large overlap: the geodesic area needs its geometry
            hit.overlapM2 = f.area;
            hit.overlapEllipsoidalM2 = *ellipsoidal;
            hit.siteShare = r.areaM2 > 0 ? f.area / r.areaM2 : 0;
        }
        else
        {
            hit.overlapLengthM = f.length;
            hit.siteShare = r.lengthM > 0 ? f.length / r.lengthM : 0;
        }
        return hit;
    case Relation::Uncertain: break;
    }
    return measureWithGeos(w, r, siteGeos, zone, buffer);
}

SiteResult Screening::Impl::screen(const Feature& site, std::size_t siteIndex,
                                   const std::string& where) const
{
    Worker& w = workers.local();
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
        r.areaEllipsoidalM2 = w.measure.area(site.geometry);
        r.lengthM = site.geometry.dimension() == Dimension::Line ? site.geometry.planarLength() : 0;
        w.shape.assign(site.geometry);
        detail::GeosGeomPtr siteGeos; // converted on the first GEOS fallback only
        const Envelope& siteEnv = site.geometry.envelope();
        w.candidates.clear();
        view.zoneIndex().query(siteEnv.grownBy(maxBuffer), [&](std::uint32_t z, const auto&)
                               { w.candidates.push_back(z); });
        std::sort(w.candidates.begin(), w.candidates.end());
        for (const std::uint32_t zi : w.candidates)
        {
            const detail::FlatZone& fz = view.zones[zi];
            const double buffer = buffers[fz.layer];
            if (envelopeDistance(siteEnv, fz.envelope) > buffer)
                continue;
            auto hit = measure(w, r, siteGeos, zi, buffer);
            if (!hit)
                continue;
            const ScreenedZone& zone = store.zones()[zi];
            const PreparedLayer& layer = store.layers()[zone.layer];
            hit->layer = layer.name;
            hit->kind = layer.kind;
            hit->zoneId = zone.zoneId;
            hit->zoneName = zone.zoneName;
            hit->attributes = zone.attributes;
            r.hits.push_back(std::move(*hit));
        }
        rules->evaluate(r, context);
    }
    catch (const Error& e)
    {
        w.ctx.clearError(); // the next site on this worker starts clean
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

Screening::Screening(std::shared_ptr<const PreparedStore> store,
                     std::shared_ptr<const RuleSet> rules, ScreeningOptions options)
    : m_store(std::move(store)), m_impl(std::make_unique<Impl>(*m_store, options))
{
    m_impl->rules = rules ? std::move(rules) : std::make_shared<const OverlapOnlyRuleSet>();
}

Screening::Screening(const std::shared_ptr<const ZoningStore>& store,
                     std::shared_ptr<const RuleSet> rules, ScreeningOptions options)
    : Screening(PreparedStore::build(*store), std::move(rules), std::move(options))
{
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
