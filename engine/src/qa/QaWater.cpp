// Drinking-water zones nested per source (HJ 338-2018, RULEBOOK §3.2): each level-I zone lies
// inside the level-II zone of the same source. Stores draw level II either as an annulus around
// level I or as a polygon that contains it, and zones may be clipped at a watershed divide, so
// level I is required to lie within the convex hull of level II (a ring open on one side still
// encloses it) and to touch it. The quasi zone is "the same method as level II, further
// upstream": it is not required to surround level II (on rivers it does not), but it must adjoin
// the inner zones of its source and must not cover level I.

#include <map>

#include "redline/core/Numbers.hpp"
#include "redline/rules/Terms.hpp"

#include "qa/QaContext.hpp"

namespace redline::qa::detail
{

namespace
{

struct SourceZones
{
    std::map<std::string, std::vector<const PreparedFeature*>> byLevel;
};

void checkPair(QaContext& ctx, const PreparedLayer& layer, const std::string& source,
               const std::string& inner, const std::string& outer, const SourceZones& zones)
{
    GeosContext& h = ctx.geos();
    const auto& inners = zones.byLevel.at(inner);
    GeosGeomPtr outerUnion = dissolve(ctx, zones.byLevel.at(outer));
    GeosGeomPtr hull = own(h, GEOSConvexHull_r(h.handle(), outerUnion.get()), "convex hull");
    for (const PreparedFeature* f : inners)
    {
        if (!(f->inScope || ctx.regionInScope(f->envelope)))
            continue;
        const GeosGeomPtr geom = ctx.geometry(*f);
        if (!geom)
            continue;
        GeosGeomPtr outside = polygonalPart(h, difference(h, geom.get(), hull.get()).get());
        const double outsideArea = area(h, outside.get());
        double distance = 0;
        h.require(GEOSDistance_r(h.handle(), geom.get(), outerUnion.get(), &distance) == 1,
                  "distance failed");
        if (outsideArea <= ctx.options().toleranceM2 && distance <= 0)
            continue;
        QaFinding e;
        e.check = "water_nesting";
        e.layer = layer.zone->name;
        e.featureId = f->id;
        e.fid = f->feature->fid;
        const std::string detail = distance > 0
                                       ? " lies " + formatFixed(distance, 1) + " m away from"
                                       : " extends " + formatArea(outsideArea) + " beyond";
        e.message = featureLabel(layer, *f) + " (level " + inner + " of source '" + source + "')" +
                    detail + " the level-" + outer + " zone of the same source";
        if (outsideArea > ctx.options().toleranceM2)
            ctx.addRegion(std::move(e), outside.get());
        else
        {
            e.location = pointOnSurface(h, geom.get());
            ctx.add(std::move(e));
        }
    }
}

void checkQuasi(QaContext& ctx, const PreparedLayer& layer, const std::string& source,
                const SourceZones& zones)
{
    GeosContext& h = ctx.geos();
    std::vector<const PreparedFeature*> inner;
    for (const char* level : {"I", "II"})
        if (zones.byLevel.count(level))
            for (const auto* f : zones.byLevel.at(level))
                inner.push_back(f);
    if (inner.empty())
        return;
    GeosGeomPtr innerUnion = dissolve(ctx, inner);
    GeosGeomPtr levelOne =
        zones.byLevel.count("I") ? dissolve(ctx, zones.byLevel.at("I")) : dissolve(ctx, {});
    for (const PreparedFeature* f : zones.byLevel.at("quasi"))
    {
        if (!(f->inScope || ctx.regionInScope(f->envelope)))
            continue;
        const GeosGeomPtr geom = ctx.geometry(*f);
        if (!geom)
            continue;
        double distance = 0;
        h.require(GEOSDistance_r(h.handle(), geom.get(), innerUnion.get(), &distance) == 1,
                  "distance failed");
        GeosGeomPtr onCore = polygonalPart(h, intersection(h, geom.get(), levelOne.get()).get());
        const double coreArea = area(h, onCore.get());
        if (distance <= 0 && coreArea <= ctx.options().toleranceM2)
            continue;
        QaFinding e;
        e.check = "water_nesting";
        e.layer = layer.zone->name;
        e.featureId = f->id;
        e.fid = f->feature->fid;
        const std::string head =
            featureLabel(layer, *f) + " (quasi zone of source '" + source + "')";
        if (coreArea > ctx.options().toleranceM2)
        {
            e.message = head + " covers " + formatArea(coreArea) + " of the level-I zone";
            ctx.addRegion(std::move(e), onCore.get());
            continue;
        }
        e.message = head + " lies " + formatFixed(distance, 1) +
                    " m away from the level-I/II zones of the same source";
        e.location = pointOnSurface(h, geom.get());
        ctx.add(std::move(e));
    }
}

} // namespace

void checkWaterNesting(QaContext& ctx)
{
    for (const PreparedLayer* layer : ctx.layersOfKind("water_protection_zones"))
    {
        std::map<std::string, SourceZones> sources;
        for (const auto& f : layer->features)
        {
            const std::string source = f.feature->attributes.text("source_name").value_or("");
            // Read through the vocabulary, as the rules read it: 一级保护区 is level I.
            const std::string raw = f.feature->attributes.text("level").value_or("");
            const std::string level = canonicalValue("level", raw).value_or(raw);
            if (source.empty())
            {
                if (f.inScope)
                {
                    QaFinding e;
                    e.check = "attribute_domain";
                    e.layer = layer->zone->name;
                    e.featureId = f.id;
                    e.fid = f.feature->fid;
                    e.message = featureLabel(*layer, f) + " has no source_name";
                    if (const GeosGeomPtr g = ctx.geometry(f))
                        e.location = pointOnSurface(ctx.geos(), g.get());
                    ctx.add(std::move(e));
                }
                continue;
            }
            sources[source].byLevel[level].push_back(&f);
        }
        for (const auto& [source, zones] : sources)
        {
            if (zones.byLevel.count("I") && zones.byLevel.count("II"))
                checkPair(ctx, *layer, source, "I", "II", zones);
            if (zones.byLevel.count("quasi"))
                checkQuasi(ctx, *layer, source, zones);
        }
    }
}

} // namespace redline::qa::detail
