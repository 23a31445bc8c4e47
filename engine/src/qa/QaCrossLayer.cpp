// Cross-layer conflicts of the 三区三线 rules, where both layers exist: the ecological red line
// may not overlap the urban development boundary (城镇开发边界), permanent basic farmland
// (永久基本农田) or a key control unit of the industrial-cluster kind (产业集聚重点管控单元).

#include <functional>

#include "qa/QaContext.hpp"
#include "redline/rules/Terms.hpp"

namespace redline::qa::detail
{

namespace
{

bool isUrbanBoundary(const std::string& kind)
{
    return kind == "urban_development_boundary" || kind == "urban_boundary";
}

bool isFarmland(const std::string& kind)
{
    return kind == "permanent_basic_farmland" || kind == "basic_farmland";
}

void checkLayerPair(QaContext& ctx, const PreparedLayer& redline, const PreparedLayer& other,
                    const std::function<QaSeverity(const PreparedFeature&)>& severityOf,
                    const std::string& what)
{
    GeosContext& h = ctx.geos();
    for (const auto& r : redline.features)
    {
        if (!r.geom)
            continue;
        for (const auto& o : other.features)
        {
            if (!o.geom || !(r.inScope || o.inScope) || !r.envelope.intersects(o.envelope))
                continue;
            const QaSeverity severity = severityOf(o);
            GeosGeomPtr common =
                polygonalPart(h, intersection(h, r.geom.get(), o.geom.get()).get());
            const double a = area(h, common.get());
            if (a <= ctx.options().toleranceM2)
                continue;
            QaFinding e;
            e.severity = severity;
            e.check = "cross_layer_conflict";
            e.layer = redline.zone->name;
            e.featureId = r.id;
            e.fid = r.feature->fid;
            e.otherLayer = other.zone->name;
            e.otherFeatureId = o.id;
            e.otherFid = o.feature->fid;
            e.message = featureLabel(redline, r) + " overlaps " + what + " " +
                        featureLabel(other, o) + " by " + formatArea(a);
            ctx.addRegion(std::move(e), common.get());
        }
    }
}

} // namespace

void checkCrossLayer(QaContext& ctx)
{
    const auto redlines = ctx.layersOfKind("ecological_redline");
    if (redlines.empty())
        return;
    for (const PreparedLayer& other : ctx.layers())
    {
        if (!other.polygonal)
            continue;
        const std::string& kind = other.zone->kind;
        for (const PreparedLayer* redline : redlines)
        {
            if (isUrbanBoundary(kind))
                checkLayerPair(
                    ctx, *redline, other, [](const PreparedFeature&) { return QaSeverity::Error; },
                    "the urban development boundary");
            else if (isFarmland(kind))
                checkLayerPair(
                    ctx, *redline, other, [](const PreparedFeature&) { return QaSeverity::Error; },
                    "permanent basic farmland");
            else if (kind == "control_units")
            {
                // Only key units: an industrial cluster on the red line is an error; a key unit
                // whose subtype is unknown is flagged for review.
                PreparedLayer keys;
                keys.zone = other.zone;
                keys.polygonal = true;
                for (const auto& f : other.features)
                {
                    // Read through the vocabulary, as the rules read them (重点管控 is key).
                    const auto text = [&](const char* field)
                    {
                        const auto raw = f.feature->attributes.text(field).value_or("");
                        return canonicalValue(field, raw).value_or(raw);
                    };
                    const auto type = text("unit_type");
                    const auto sub = text("key_subtype");
                    if (type != "key" || sub == "urban_living" || !f.geom)
                        continue;
                    PreparedFeature copy;
                    copy.feature = f.feature;
                    copy.id = f.id;
                    copy.geom = clone(ctx.geos(), f.geom.get());
                    copy.envelope = f.envelope;
                    copy.inScope = f.inScope;
                    keys.features.push_back(std::move(copy));
                }
                checkLayerPair(
                    ctx, *redline, keys,
                    [](const PreparedFeature& f)
                    {
                        const auto sub = f.feature->attributes.text("key_subtype").value_or("");
                        return sub == "industrial_cluster" ? QaSeverity::Error
                                                           : QaSeverity::Warning;
                    },
                    "key control unit");
            }
        }
    }
}

} // namespace redline::qa::detail
