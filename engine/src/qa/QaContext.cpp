#include "qa/QaContext.hpp"

#include <cmath>

#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"

namespace redline::qa::detail
{

QaContext::QaContext(const std::vector<ZoneLayer>& layers, const Crs& crs, const QaOptions& options,
                     QaReport& report)
    : m_options(options), m_crs(crs), m_report(report)
{
    try
    {
        m_toLonLat = std::make_unique<CrsTransform>(crs, Crs::fromEpsg(4490));
    }
    catch (const Error&)
    {
        m_toLonLat.reset(); // locations are then given in the analysis CRS only
    }
    for (const ZoneLayer& zone : layers)
    {
        PreparedLayer prepared;
        prepared.zone = &zone;
        if (!zone.layer)
        {
            m_layers.push_back(std::move(prepared));
            continue;
        }
        std::size_t areal = 0;
        const std::set<std::int64_t>* scopedFids = nullptr;
        if (options.scope)
        {
            auto it = options.scope->features.find(zone.name);
            if (it != options.scope->features.end())
                scopedFids = &it->second;
        }
        for (const Feature& f : zone.layer->features)
        {
            PreparedFeature pf;
            pf.feature = &f;
            pf.id = f.attributes.text(zone.idField).value_or("");
            pf.envelope = f.geometry.envelope();
            if (options.scope)
                pf.inScope = scopedFids != nullptr && scopedFids->count(f.fid) > 0;
            if (f.geometry.dimension() == Dimension::Area)
                ++areal;
            prepared.features.push_back(std::move(pf));
        }
        prepared.polygonal = areal * 2 >= prepared.features.size() && areal > 0;
        m_layers.push_back(std::move(prepared));
    }
}

std::vector<const PreparedLayer*> QaContext::layersOfKind(const std::string& kind) const
{
    std::vector<const PreparedLayer*> out;
    for (const auto& l : m_layers)
        if (l.zone->kind == kind && l.polygonal)
            out.push_back(&l);
    return out;
}

bool QaContext::layerInScope(const PreparedLayer& layer) const
{
    if (!m_options.scope)
        return true;
    return m_options.scope->features.count(layer.zone->name) > 0;
}

bool QaContext::regionInScope(const Envelope& env) const
{
    if (!m_options.scope)
        return true;
    for (const auto& r : m_options.scope->regions)
        if (r.intersects(env))
            return true;
    return false;
}

GeosGeomPtr QaContext::geometry(const PreparedFeature& f)
{
    if (f.unusable || f.feature->geometry.isEmpty())
        return GeosGeomPtr(nullptr, redline::detail::GeosGeomDeleter{m_geos.handle()});
    if (f.repaired)
        return clone(m_geos, f.repaired.get());
    return toGeos(m_geos, f.feature->geometry, redline::detail::OpenRings::Close);
}

GeosGeomPtr QaContext::geometryOn(GeosContext& h, const PreparedFeature& f)
{
    if (f.unusable || f.feature->geometry.isEmpty())
        return GeosGeomPtr(nullptr, redline::detail::GeosGeomDeleter{h.handle()});
    GeosGeomPtr g = toGeos(h, f.feature->geometry, redline::detail::OpenRings::Close);
    if (f.repaired)
        g = polygonalPart(h, own(h, GEOSMakeValid_r(h.handle(), g.get()), "make-valid").get());
    return g;
}

void QaContext::add(QaFinding finding)
{
    if (finding.location && m_toLonLat)
    {
        try
        {
            finding.locationLonLat = m_toLonLat->apply(*finding.location);
        }
        catch (const Error&)
        {
            finding.locationLonLat.reset();
        }
    }
    m_report.findings.push_back(std::move(finding));
}

void QaContext::addRegion(QaFinding finding, const GEOSGeometry* where)
{
    finding.location = pointOnSurface(m_geos, where);
    finding.areaM2 = area(m_geos, where);
    add(std::move(finding));
}

GeosGeomPtr dissolve(QaContext& ctx, const std::vector<const PreparedFeature*>& fs)
{
    std::vector<GeosGeomPtr> owned;
    std::vector<const GEOSGeometry*> raw;
    for (const auto* f : fs)
        if (GeosGeomPtr g = ctx.geometry(*f))
        {
            raw.push_back(g.get());
            owned.push_back(std::move(g));
        }
    return polygonalPart(ctx.geos(), unionAll(ctx.geos(), raw).get());
}

std::vector<const PreparedFeature*> allOf(const PreparedLayer& layer)
{
    std::vector<const PreparedFeature*> out;
    for (const auto& f : layer.features)
        out.push_back(&f);
    return out;
}

std::vector<Envelope> envelopesOf(const std::vector<const PreparedFeature*>& fs)
{
    std::vector<Envelope> out;
    out.reserve(fs.size());
    for (const auto* f : fs)
        out.push_back(f->envelope);
    return out;
}

std::string featureLabel(const PreparedLayer& layer, const PreparedFeature& f)
{
    std::string label = "layer '" + layer.zone->name + "', feature ";
    if (!f.id.empty())
        label += "'" + f.id + "' ";
    label += "(fid " + std::to_string(f.feature->fid) + ")";
    return label;
}

std::string formatArea(double m2)
{
    return formatFixed(m2, 2) + " m² (" + formatFixed(m2 / 1e6, 6) + " km²)";
}

} // namespace redline::qa::detail
