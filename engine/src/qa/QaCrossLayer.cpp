// Cross-layer conflicts, where both layers exist: the ecological red line may not overlap a key
// control unit of the industrial-cluster kind (产业集聚重点管控单元). The red line against
// permanent basic farmland and the urban development boundary is the 三区三线 coordination check
// (QaCoordination.cpp).

#include <functional>

#include "analysis/EnvelopeIndex.hpp"
#include "qa/QaContext.hpp"
#include "redline/rules/Terms.hpp"

namespace redline::qa::detail
{

namespace
{

// Red line × the features `others` of another layer, through a packed R-tree over the others'
// envelopes: the work grows with the pairs whose envelopes meet, not with the product of the
// layers' sizes. Findings come in red-line order, then in the others' order.
void checkLayerPair(QaContext& ctx, const PreparedLayer& redline, const PreparedLayer& other,
                    const std::vector<const PreparedFeature*>& others,
                    const std::function<QaSeverity(const PreparedFeature&)>& severityOf,
                    const std::string& what)
{
    GeosContext& h = ctx.geos();
    const std::vector<Envelope> envelopes = envelopesOf(others);
    const redline::detail::EnvelopeIndex index(envelopes);
    for (const auto& r : redline.features)
    {
        GeosGeomPtr rg;
        for (const std::size_t k : index.query(r.envelope))
        {
            const PreparedFeature& o = *others[k];
            if (!(r.inScope || o.inScope))
                continue;
            if (!rg)
            {
                rg = ctx.geometry(r);
                if (!rg)
                    break;
            }
            const GeosGeomPtr og = ctx.geometry(o);
            if (!og)
                continue;
            const QaSeverity severity = severityOf(o);
            GeosGeomPtr common = polygonalPart(h, intersection(h, rg.get(), og.get()).get());
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
            if (kind == "control_units")
            {
                // Only key units: an industrial cluster on the red line is an error; a key unit
                // whose subtype is unknown is flagged for review.
                std::vector<const PreparedFeature*> keys;
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
                    if (type == "key" && sub != "urban_living")
                        keys.push_back(&f);
                }
                checkLayerPair(
                    ctx, *redline, other, keys,
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
