#include "app/ViewerSession.hpp"

#include <algorithm>

#include "redline/analysis/Screening.hpp"
#include "redline/core/Error.hpp"
#include "redline/io/SiteSource.hpp"
#include "redline/io/VectorReader.hpp"

#include "BuiltinPlugins.hpp"
#include "render/ExtraLayers.hpp"
#include "render/StoreLayers.hpp"
#include "render/Symbology.hpp"

namespace redline
{

ViewerSession::ViewerSession()
{
    registerBuiltinPlugins(m_registry);
}

void ViewerSession::loadZones(const std::string& path)
{
    setStore(ZoningStore::load(path));
}

void ViewerSession::setStore(std::shared_ptr<const ZoningStore> store)
{
    m_store = std::move(store);
    // Basemaps keep their place below the zoning, reference layers theirs above it.
    std::vector<RenderLayer> layers;
    for (const RenderLayer& l : m_layers)
        if (l.kind == "basemap")
            layers.push_back(l);
    for (RenderLayer& l : renderLayersOf(*m_store))
        layers.push_back(std::move(l));
    for (const RenderLayer& l : m_layers)
        if (l.kind == "reference")
            layers.push_back(l);
    m_layers = std::move(layers);
    seeThroughToBasemap();
    m_report.reset();
}

void ViewerSession::seeThroughToBasemap()
{
    const bool basemap = std::any_of(m_layers.begin(), m_layers.end(),
                                     [](const RenderLayer& l) { return l.kind == "basemap"; });
    if (basemap)
        for (RenderLayer& l : m_layers)
            if (l.kind == "control_units" && l.opacity == 1.0)
                l.opacity = kControlUnitsOverBasemap;
}

Crs ViewerSession::analysisCrs() const
{
    return m_store ? m_store->analysisCrs() : Crs::fromEpsg(4549);
}

void ViewerSession::addBasemap(const std::string& path)
{
    RenderLayer layer = basemapLayer(RasterSource::open(path, analysisCrs()));
    // Above the basemaps already there, below everything else.
    auto it = std::find_if(m_layers.begin(), m_layers.end(),
                           [](const RenderLayer& l) { return l.kind != "basemap"; });
    m_layers.insert(it, std::move(layer));
    seeThroughToBasemap();
}

void ViewerSession::addReferenceLayers(const std::string& path)
{
    std::vector<RenderLayer> added;
    for (const std::string& name : listLayers(path))
    {
        ReadOptions o;
        o.layerName = name;
        o.targetCrs = analysisCrs();
        auto layer = std::make_shared<const Layer>(readLayer(path, o));
        added.push_back(referenceLayer(std::move(layer), m_referenceCount++));
    }
    if (added.empty())
        throw Error(path + ": no vector layer to add.");
    for (RenderLayer& l : added)
        m_layers.push_back(std::move(l));
}

void ViewerSession::loadSites(const std::string& path)
{
    if (!m_store)
        throw Error(path + ": open a zoning store before the sites.");
    SiteSourceOptions options;
    options.zoningExtent = fullExtent();
    options.keepUnusableSites = true; // shown with the verdict `error` instead of failing all
    auto layer = std::make_shared<const Layer>(
        redline::loadSites(path, m_store->analysisCrs(), options, &m_registry));
    setSites(std::move(layer), path);
}

void ViewerSession::setSites(std::shared_ptr<const Layer> sites, std::string source)
{
    m_sites = std::move(sites);
    m_sitesSource = std::move(source);
    m_report.reset();
}

std::shared_ptr<const RuleSet> ViewerSession::ruleSet() const
{
    if (auto rules = m_registry.ruleSet("rules.yongjia"))
        return rules;
    return m_registry.ruleSet("none");
}

void ViewerSession::setResults(std::vector<SiteResult> results)
{
    auto report = std::make_shared<ScreeningReport>();
    report->redlineVersion = REDLINE_VIEWER_VERSION;
    if (m_store)
    {
        // The store's label and revision: what the result was computed against, never a password.
        report->zones = m_store->label();
        report->store = m_store->label();
        if (m_store->revision())
            report->storeRevision = *m_store->revision();
        report->analysisCrs = m_store->analysisCrs().label();
        report->zoning = m_store;
    }
    report->sites = m_sitesSource;
    if (m_sites)
        report->warnings = m_sites->warnings;
    if (const auto rules = ruleSet())
    {
        report->ruleSet = rules->name();
        report->ruleSetVersion = rules->version();
    }
    report->results = std::move(results);
    m_report = std::move(report);
}

const std::vector<SiteResult>& ViewerSession::results() const
{
    static const std::vector<SiteResult> kNone;
    return m_report ? m_report->results : kNone;
}

std::vector<SiteResult> ViewerSession::screen() const
{
    if (!m_store || !m_sites)
        return {};
    const Screening screening(m_store, ruleSet());
    return screening.run(*m_sites);
}

Envelope ViewerSession::fullExtent() const
{
    // The zoning and what was added to it; the neighbours and basemaps only when alone (a
    // province-wide basemap should not make the county a speck).
    Envelope e;
    for (const RenderLayer& l : m_layers)
        if (l.cache && l.kind != "neighbours")
            e.expandToInclude(l.cache->extent());
    if (e.isEmpty())
        for (const RenderLayer& l : m_layers)
            e.expandToInclude(extentOf(l));
    if (m_sites)
        for (const Feature& f : m_sites->features)
            e.expandToInclude(f.geometry.envelope());
    return e;
}

Envelope ViewerSession::countyExtent() const
{
    for (const RenderLayer& l : m_layers)
        if (l.kind == "county" && l.cache)
            return l.cache->extent();
    return fullExtent();
}

std::vector<RenderLayer> ViewerSession::overviewLayers() const
{
    std::vector<RenderLayer> out;
    for (const RenderLayer& l : m_layers)
        if (l.kind == "county" || l.kind == "neighbours" || l.kind == "townships")
        {
            RenderLayer o = l;
            o.visible = true;
            o.opacity = 1;
            if (o.kind == "county")
                o.style.base.strokeMm = 0.4;
            out.push_back(std::move(o));
        }
    return out;
}

std::string ViewerSession::siteId(std::size_t index) const
{
    if (index < results().size())
        return results()[index].siteId;
    if (!m_sites || index >= m_sites->features.size())
        return {};
    const Feature& f = m_sites->features[index];
    if (auto id = f.attributes.text("site_id"); id && !id->empty())
        return *id;
    return std::to_string(f.fid);
}

Geometry ViewerSession::siteGeometry(std::size_t index) const
{
    if (index < results().size())
        return results()[index].geometry;
    if (m_sites && index < m_sites->features.size())
        return m_sites->features[index].geometry;
    return {};
}

std::optional<std::size_t> ViewerSession::findSite(const std::string& id) const
{
    const std::size_t n = m_sites ? m_sites->features.size() : results().size();
    for (std::size_t i = 0; i < n; ++i)
    {
        if (siteId(i) == id)
            return i;
        if (m_sites && i < m_sites->features.size())
            if (auto name = m_sites->features[i].attributes.text("name"); name && *name == id)
                return i;
    }
    return std::nullopt;
}

std::vector<Overlay> ViewerSession::overlays(std::optional<std::size_t> selected,
                                             const Geometry* highlight) const
{
    std::vector<Overlay> out;
    const std::size_t n = m_sites ? m_sites->features.size() : results().size();
    // Overlap parts of the selected site first, then the site outlines above them.
    if (selected && *selected < results().size())
    {
        std::vector<const Hit*> hits;
        for (const Hit& h : results()[*selected].hits)
            if (!h.overlap.isEmpty())
                hits.push_back(&h);
        std::stable_sort(hits.begin(), hits.end(),
                         [](const Hit* a, const Hit* b) { return a->verdict < b->verdict; });
        for (const Hit* hp : hits)
        {
            const Hit& h = *hp;
            // Coloured by the hit's verdict, so that the part that makes a site prohibited
            // stands out from the control unit it merely lies in.
            const QColor c = verdictColor(h.verdict);
            Overlay o;
            o.geometry = h.overlap;
            o.symbol.fill = QColor(c.red(), c.green(), c.blue(), 120);
            o.symbol.stroke = c.darker(140);
            o.symbol.strokeMm = 0.3;
            o.symbol.hatch = Hatch::Cross;
            o.symbol.hatchColor = c.darker(160);
            o.symbol.hatchSpacingMm = 1.2;
            out.push_back(std::move(o));
        }
    }
    for (std::size_t i = 0; i < n; ++i)
    {
        Overlay o;
        o.geometry = siteGeometry(i);
        const bool screened = i < results().size();
        const QColor c = screened ? verdictColor(results()[i].verdict) : QColor(30, 30, 30);
        o.symbol.stroke = c;
        o.symbol.fill = QColor(c.red(), c.green(), c.blue(), 40);
        o.symbol.strokeMm = selected && *selected == i ? 0.9 : 0.5;
        o.label = QString::fromStdString(siteId(i));
        if (selected && *selected == i)
        {
            o.symbol.stroke = Qt::black;
            o.symbol.fill = Qt::transparent;
            o.markerMm = 3.5;
        }
        out.push_back(std::move(o));
    }
    if (highlight != nullptr && !highlight->isEmpty())
    {
        Overlay o;
        o.geometry = *highlight;
        o.symbol.stroke = QColor(0, 255, 255);
        o.symbol.fill = QColor(0, 255, 255, 60);
        o.symbol.strokeMm = 0.8;
        out.push_back(std::move(o));
    }
    return out;
}

PrintContent ViewerSession::printContent(std::optional<std::size_t> site) const
{
    PrintContent c;
    c.layers = m_layers;
    c.overlays = overlays(site);
    c.focus = site ? siteGeometry(*site).envelope() : countyExtent();
    if (site)
    {
        // Show the site in its surroundings: at least 1.5 km across.
        const Envelope e = c.focus;
        const double size = std::max(e.width(), e.height());
        c.focus = e.grownBy(std::max(size * 0.25, (1500 - size) / 2));
    }
    c.overviewLayers = overviewLayers();
    c.overviewExtent = countyExtent();
    return c;
}

SiteReportInput ViewerSession::reportInput(std::size_t index) const
{
    SiteReportInput in;
    if (!m_report || index >= m_report->results.size())
        throw Error("no screening result for site " + std::to_string(index) + ".");
    in.report = m_report;
    in.site = index;
    in.layers = m_layers;
    return in;
}

} // namespace redline
