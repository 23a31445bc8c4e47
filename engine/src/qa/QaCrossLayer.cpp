// Cross-layer conflicts, where both layers exist: the ecological red line may not overlap a key
// control unit of the industrial-cluster kind (产业集聚重点管控单元). The red line against
// permanent basic farmland and the urban development boundary is the 三区三线 coordination check
// (QaCoordination.cpp).

#include <functional>

#include "redline/rules/Terms.hpp"

#include "analysis/EnvelopeIndex.hpp"
#include "qa/QaContext.hpp"
#include "stats/ParallelJobs.hpp"

namespace redline::qa::detail
{

namespace
{

// Red line × the features `others` of another layer, through a packed R-tree over the others'
// envelopes: the work grows with the pairs whose envelopes meet, not with the product of the
// layers' sizes. The overlays run on every core (one red-line feature per job); findings come in
// red-line order, then in the others' order.
void checkLayerPair(QaContext& ctx, const PreparedLayer& redline, const PreparedLayer& other,
                    const std::vector<const PreparedFeature*>& others,
                    const std::function<QaSeverity(const PreparedFeature&)>& severityOf,
                    const std::string& what)
{
    struct Overlap
    {
        std::size_t other = 0; // position in `others`
        double areaM2 = 0;
        Point location;
    };
    const std::vector<Envelope> envelopes = envelopesOf(others);
    const redline::detail::EnvelopeIndex index(envelopes);
    const double tolerance = ctx.options().toleranceM2;
    std::vector<std::vector<Overlap>> found(redline.features.size());
    redline::detail::runJobs<redline::detail::MeasureWorker>(
        redline.features.size(), "",
        [&](redline::detail::MeasureWorker& w, std::size_t ri)
        {
            GeosContext& h = w.geos;
            const PreparedFeature& r = redline.features[ri];
            GeosGeomPtr rg;
            for (const std::size_t k : index.query(r.envelope))
            {
                const PreparedFeature& o = *others[k];
                if (!(r.inScope || o.inScope))
                    continue;
                if (!rg)
                {
                    rg = QaContext::geometryOn(h, r);
                    if (!rg)
                        break;
                }
                const GeosGeomPtr og = QaContext::geometryOn(h, o);
                if (!og)
                    continue;
                GeosGeomPtr common = polygonalPart(h, intersection(h, rg.get(), og.get()).get());
                const double a = area(h, common.get());
                if (a <= tolerance)
                    continue;
                found[ri].push_back({k, a, pointOnSurface(h, common.get())});
            }
        });
    for (std::size_t ri = 0; ri < found.size(); ++ri)
    {
        const PreparedFeature& r = redline.features[ri];
        for (const Overlap& overlap : found[ri])
        {
            const PreparedFeature& o = *others[overlap.other];
            QaFinding e;
            e.severity = severityOf(o);
            e.check = "cross_layer_conflict";
            e.layer = redline.zone->name;
            e.featureId = r.id;
            e.fid = r.feature->fid;
            e.otherLayer = other.zone->name;
            e.otherFeatureId = o.id;
            e.otherFid = o.feature->fid;
            e.message = featureLabel(redline, r) + " overlaps " + what + " " +
                        featureLabel(other, o) + " by " + formatArea(overlap.areaM2);
            e.location = overlap.location;
            e.areaM2 = overlap.areaM2;
            ctx.add(std::move(e));
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
