#include "SiteScreen.hpp"

#include <algorithm>

namespace redline::datagen
{
namespace
{

void bounds(const GEOSGeometry* g, double& minX, double& minY, double& maxX, double& maxY)
{
    minX = minY = 1e300;
    maxX = maxY = -1e300;
    for (const auto& r : rings(g))
    {
        for (const Xy& p : r)
        {
            minX = std::min(minX, p.x);
            minY = std::min(minY, p.y);
            maxX = std::max(maxX, p.x);
            maxY = std::max(maxY, p.y);
        }
    }
}

} // namespace

SiteScreen::SiteScreen(const World& w, double bufferM) : m_buffer(bufferM)
{
    for (const OutLayer* l :
         {&w.redline, &w.protectedAreas, &w.waterZones, &w.prohibited, &w.controlUnits})
    {
        for (const OutFeature& f : l->features)
        {
            Candidate c{l, &f, 0, 0, 0, 0};
            bounds(f.geometry.get(), c.minX, c.minY, c.maxX, c.maxY);
            m_candidates.push_back(c);
        }
    }
}

std::vector<SiteHit> SiteScreen::hits(const GEOSGeometry* site) const
{
    double minX = 0;
    double minY = 0;
    double maxX = 0;
    double maxY = 0;
    bounds(site, minX, minY, maxX, maxY);
    const int dim = GEOSGeom_getDimensions_r(geosContext(), site);
    const double size = dim == 2 ? area(site) : dim == 1 ? length(site) : 1.0;
    std::vector<SiteHit> out;
    for (const Candidate& c : m_candidates)
    {
        if (c.minX > maxX + m_buffer || c.maxX < minX - m_buffer || c.minY > maxY + m_buffer ||
            c.maxY < minY - m_buffer)
        {
            continue;
        }
        const double d = distance(site, c.feature->geometry.get());
        if (d > m_buffer)
        {
            continue;
        }
        SiteHit h;
        h.layer = c.layer;
        h.feature = c.feature;
        h.distance = d;
        if (d == 0)
        {
            GeomPtr inter = intersection(site, c.feature->geometry.get());
            h.overlap = dim == 2   ? area(inter.get())
                        : dim == 1 ? length(inter.get())
                                   : (isEmpty(inter.get()) ? 0.0 : 1.0);
            h.share = h.overlap / size;
        }
        out.push_back(h);
    }
    return out;
}

bool SiteScreen::matches(const std::vector<SiteHit>& hits, const std::vector<Expect>& expects,
                         bool allowOthers) const
{
    auto fits = [](const SiteHit& h, const Expect& e)
    {
        if (h.layer->name != e.layer)
        {
            return false;
        }
        if (!e.field.empty() && textOf(*h.layer, *h.feature, e.field) != e.value)
        {
            return false;
        }
        switch (e.rel)
        {
        case Rel::Overlap:
            return h.overlap > 0;
        case Rel::Within:
            return h.share >= 0.999;
        case Rel::Touch:
            return h.distance == 0 && h.overlap == 0;
        case Rel::Near:
            return h.distance > 0;
        case Rel::Any:
            return true;
        }
        return false;
    };
    for (const SiteHit& h : hits)
    {
        const bool ok = std::any_of(expects.begin(), expects.end(),
                                    [&](const Expect& e) { return fits(h, e); });
        if (!ok && !allowOthers)
        {
            return false;
        }
    }
    for (const Expect& e : expects)
    {
        if (e.required &&
            std::none_of(hits.begin(), hits.end(), [&](const SiteHit& h) { return fits(h, e); }))
        {
            return false;
        }
    }
    return true;
}

} // namespace redline::datagen
