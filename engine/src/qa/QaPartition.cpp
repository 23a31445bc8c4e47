// Partition layers (control units, townships) must tile the county: no overlap between two
// features and no gap (or overshoot beyond the county outline) above the area tolerance.

#include <algorithm>

#include "redline/core/Numbers.hpp"

#include "qa/QaContext.hpp"

namespace redline::qa::detail
{

namespace
{

bool isPartitionKind(const std::string& kind)
{
    return kind == "control_units" || kind == "townships";
}

void checkOverlaps(QaContext& ctx, const PreparedLayer& layer)
{
    GeosContext& h = ctx.geos();
    std::vector<const PreparedFeature*> fs;
    for (const auto& f : layer.features)
        if (!f.unusable && !f.feature->geometry.isEmpty())
            fs.push_back(&f);
    // Sweep along x so that only envelope-overlapping pairs are intersected; each feature is
    // converted to GEOS once as the sweep's left member, its partners as they come.
    std::sort(fs.begin(), fs.end(),
              [](const auto* a, const auto* b) { return a->envelope.minX < b->envelope.minX; });
    for (std::size_t i = 0; i < fs.size(); ++i)
    {
        GeosGeomPtr ga;
        for (std::size_t j = i + 1; j < fs.size() && fs[j]->envelope.minX <= fs[i]->envelope.maxX;
             ++j)
        {
            const PreparedFeature& a = *fs[i];
            const PreparedFeature& b = *fs[j];
            if (!(a.inScope || b.inScope) || !a.envelope.intersects(b.envelope))
                continue;
            if (!ga)
                ga = ctx.geometry(a);
            const GeosGeomPtr gb = ctx.geometry(b);
            if (!ga || !gb)
                continue;
            GeosGeomPtr common = polygonalPart(h, intersection(h, ga.get(), gb.get()).get());
            const double overlap = area(h, common.get());
            if (overlap <= ctx.options().toleranceM2)
                continue;
            QaFinding e;
            e.check = "partition_overlap";
            e.layer = layer.zone->name;
            e.featureId = a.id;
            e.fid = a.feature->fid;
            e.otherLayer = layer.zone->name;
            e.otherFeatureId = b.id;
            e.otherFid = b.feature->fid;
            e.message = featureLabel(layer, a) + " overlaps feature '" + b.id + "' (fid " +
                        std::to_string(b.feature->fid) + ") by " + formatArea(overlap);
            ctx.addRegion(std::move(e), common.get());
        }
    }
}

void reportPieces(QaContext& ctx, const PreparedLayer& layer, const GEOSGeometry* region,
                  const std::string& check, const std::string& what)
{
    GeosContext& h = ctx.geos();
    for (const GeosGeomPtr& piece : polygonsOf(h, region))
    {
        const double a = area(h, piece.get());
        if (a <= ctx.options().toleranceM2 || !ctx.regionInScope(envelopeOf(h, piece.get())))
            continue;
        QaFinding e;
        e.check = check;
        e.layer = layer.zone->name;
        const Point p = pointOnSurface(h, piece.get());
        e.message = "layer '" + layer.zone->name + "': " + what + " of " + formatArea(a) + " at (" +
                    formatFixed(p.x, 1) + ", " + formatFixed(p.y, 1) + ")";
        ctx.addRegion(std::move(e), piece.get());
    }
}

} // namespace

void checkPartitions(QaContext& ctx)
{
    GeosContext& h = ctx.geos();
    GeosGeomPtr county;
    for (const PreparedLayer* c : ctx.layersOfKind("county"))
        county = dissolve(ctx, allOf(*c));
    for (const PreparedLayer& layer : ctx.layers())
    {
        if (!layer.polygonal || !isPartitionKind(layer.zone->kind))
            continue;
        checkOverlaps(ctx, layer);
        GeosGeomPtr covered = dissolve(ctx, allOf(layer));
        if (county && !isEmpty(h, county.get()))
        {
            GeosGeomPtr gaps = difference(h, county.get(), covered.get());
            reportPieces(ctx, layer, polygonalPart(h, gaps.get()).get(), "partition_gap",
                         "part of the county covered by no feature (gap)");
            GeosGeomPtr outside = difference(h, covered.get(), county.get());
            reportPieces(ctx, layer, polygonalPart(h, outside.get()).get(), "partition_overshoot",
                         "area outside the county outline");
        }
        else
        {
            GeosGeomPtr gaps = difference(h, fillHoles(h, covered.get()).get(), covered.get());
            reportPieces(ctx, layer, polygonalPart(h, gaps.get()).get(), "partition_gap",
                         "hole covered by no feature (gap)");
        }
    }
}

} // namespace redline::qa::detail
