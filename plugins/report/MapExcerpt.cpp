#include "report/MapExcerpt.hpp"

#include <algorithm>
#include <set>

#include "redline/geo/EnvelopeClipper.hpp"

namespace redline
{
namespace
{

bool isOutlineOnly(const ZoneSymbol& s)
{
    return s.fill.a == 0 && s.hatch == HatchPattern::None;
}

} // namespace

Envelope reportMapFocus(const Geometry& site)
{
    const Envelope& e = site.envelope();
    return e.grownBy(std::max({e.width(), e.height(), 200.0}) * 0.6);
}

Envelope fitToAspect(const Envelope& focus, double width, double height)
{
    const double cx = (focus.minX + focus.maxX) / 2;
    const double cy = (focus.minY + focus.maxY) / 2;
    double w = focus.width();
    double h = focus.height();
    if (w * height < h * width)
        w = h * width / height;
    else
        h = w * height / width;
    return {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
}

MapExcerpt mapExcerpt(const ZoningStore* store, const SiteResult& site, const Envelope& box,
                      double resolution)
{
    MapExcerpt out;
    out.box = box;
    // A margin, so that the edges the cut adds to polygons lie outside the visible map.
    EnvelopeClipper clipper(box.grownBy(std::max(box.width(), box.height()) * 0.02), resolution);
    std::vector<const ZoneLayer*> order;
    if (store != nullptr)
        for (const ZoneLayer& z : store->layers())
            order.push_back(&z);
    std::stable_sort(order.begin(), order.end(),
                     [](const ZoneLayer* a, const ZoneLayer* b)
                     { return zoneDrawOrder(a->kind) < zoneDrawOrder(b->kind); });
    for (const ZoneLayer* z : order)
    {
        const ZoneStyle style = zoneStyle(z->kind, z->name);
        MapExcerptLayer layer;
        layer.kind = z->kind;
        for (const Feature& f : z->layer->features)
        {
            Geometry part = clipper.clip(f.geometry);
            if (!part.isEmpty())
                layer.parts.push_back({std::move(part), style.symbolFor(f.attributes)});
        }
        if (!layer.parts.empty())
            out.layers.push_back(std::move(layer));
    }
    std::vector<const Hit*> hits;
    for (const Hit& h : site.hits)
        if (!h.overlap.isEmpty())
            hits.push_back(&h);
    std::stable_sort(hits.begin(), hits.end(),
                     [](const Hit* a, const Hit* b) { return a->verdict < b->verdict; });
    for (const Hit* h : hits)
    {
        ZoneSymbol symbol = overlapSymbol(h->verdict);
        if (h->overlap.dimension() == Dimension::Line)
        {
            // A band under the site's black line, wide enough to see which stretch it is.
            symbol.stroke = symbol.fill;
            symbol.stroke.a = 170;
            symbol.strokeMm = 1.6;
        }
        out.site.push_back({h->overlap, std::move(symbol)});
    }
    out.site.push_back({site.geometry, siteOutlineSymbol()});
    return out;
}

std::vector<LegendItem> legendOf(const MapExcerpt& excerpt)
{
    std::vector<LegendItem> out;
    std::set<std::string> seen;
    const auto add = [&](const MapPart& p)
    {
        if (p.symbol.label.empty() || !seen.insert(p.symbol.label).second)
            return;
        out.push_back({p.symbol.label, p.symbol,
                       p.geometry.dimension() == Dimension::Line || isOutlineOnly(p.symbol)});
    };
    for (auto it = excerpt.layers.rbegin(); it != excerpt.layers.rend(); ++it)
        for (const MapPart& p : it->parts)
            add(p);
    for (auto it = excerpt.site.rbegin(); it != excerpt.site.rend(); ++it)
        add(*it);
    return out;
}

} // namespace redline
