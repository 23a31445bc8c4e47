// Geometry validity (reason and location of each fault), geometry type, ids present and unique.
// Validity is tested on every core; the findings are made in feature order.

#include <map>

#include "qa/QaContext.hpp"
#include "stats/ParallelJobs.hpp"

namespace redline::qa::detail
{

namespace
{

// Whether each polygon of the layer is valid, tested on every core: 1 valid, 0 invalid, -1 no
// polygon to test (empty, or another geometry type).
std::vector<signed char> validityOf(const PreparedLayer& layer)
{
    std::vector<signed char> out(layer.features.size(), -1);
    redline::detail::runJobs<redline::detail::MeasureWorker>(
        out.size(), "",
        [&](redline::detail::MeasureWorker& w, std::size_t i)
        {
            const PreparedFeature& f = layer.features[i];
            if (f.feature->geometry.dimension() != Dimension::Area)
                return;
            const GeosGeomPtr g = QaContext::geometryOn(w.geos, f);
            if (!g || isEmpty(w.geos, g.get()))
                return;
            const char valid = GEOSisValid_r(w.geos.handle(), g.get());
            w.geos.require(valid != 2, featureLabel(layer, f) + ": validity test failed");
            out[i] = static_cast<signed char>(valid);
        });
    return out;
}

// `valid`: validityOf's answer for the feature.
void checkFeatureGeometry(QaContext& ctx, PreparedLayer& layer, PreparedFeature& f,
                          signed char valid)
{
    if (valid == 1)
        return; // nothing to report, nothing to repair
    GeosContext& h = ctx.geos();
    const std::string label = featureLabel(layer, f);
    QaFinding base;
    base.layer = layer.zone->name;
    base.featureId = f.id;
    base.fid = f.feature->fid;
    const GeosGeomPtr geom = ctx.geometry(f);
    if (!geom || isEmpty(h, geom.get()))
    {
        if (f.inScope)
        {
            QaFinding e = base;
            e.check = "empty_geometry";
            e.message = label + " has no geometry";
            ctx.add(std::move(e));
        }
        f.unusable = true;
        return;
    }
    if (f.feature->geometry.dimension() != Dimension::Area)
    {
        if (f.inScope)
        {
            QaFinding e = base;
            e.check = "geometry_type";
            e.message =
                label + " is a " + toString(f.feature->geometry.type()) + " in a polygon layer";
            e.location = pointOnSurface(h, geom.get());
            ctx.add(std::move(e));
        }
        f.unusable = true;
        return;
    }
    char* reason = nullptr;
    GEOSGeometry* where = nullptr;
    const char detail = GEOSisValidDetail_r(h.handle(), geom.get(), 0, &reason, &where);
    h.require(detail != 2, label + ": validity test failed");
    if (detail == 1)
        return;
    GeosGeomPtr location(where, redline::detail::GeosGeomDeleter{h.handle()});
    const std::string why = reason ? reason : "invalid";
    GEOSFree_r(h.handle(), reason);
    if (f.inScope)
    {
        QaFinding e = base;
        e.check = "invalid_geometry";
        if (location && !isEmpty(h, location.get()))
        {
            Point p;
            GEOSGeomGetX_r(h.handle(), location.get(), &p.x);
            GEOSGeomGetY_r(h.handle(), location.get(), &p.y);
            e.location = p;
        }
        e.message = label + " is not a valid polygon: " + why;
        ctx.add(std::move(e));
    }
    // Later checks measure the repaired shape so that one fault is not reported many times.
    GeosGeomPtr repaired = own(h, GEOSMakeValid_r(h.handle(), geom.get()), label + ": repair");
    f.repaired = polygonalPart(h, repaired.get());
}

} // namespace

void checkValidityAndIds(QaContext& ctx)
{
    for (PreparedLayer& layer : ctx.layers())
    {
        if (!layer.polygonal)
            continue;
        std::map<std::string, std::vector<const PreparedFeature*>> byId;
        const std::vector<signed char> validity = validityOf(layer);
        for (std::size_t i = 0; i < layer.features.size(); ++i)
        {
            PreparedFeature& f = layer.features[i];
            checkFeatureGeometry(ctx, layer, f, validity[i]);
            if (f.id.empty())
            {
                if (f.inScope && !layer.zone->idField.empty())
                {
                    QaFinding e;
                    e.check = "missing_id";
                    e.layer = layer.zone->name;
                    e.fid = f.feature->fid;
                    e.message = featureLabel(layer, f) + " has no value in its id field '" +
                                layer.zone->idField + "'";
                    if (const GeosGeomPtr g = ctx.geometry(f))
                        e.location = pointOnSurface(ctx.geos(), g.get());
                    ctx.add(std::move(e));
                }
                continue;
            }
            byId[f.id].push_back(&f);
        }
        for (const auto& [id, fs] : byId)
        {
            if (fs.size() < 2)
                continue;
            bool anyInScope = false;
            for (const auto* f : fs)
                anyInScope = anyInScope || f->inScope;
            if (!anyInScope)
                continue;
            QaFinding w;
            w.severity = QaSeverity::Warning;
            w.check = "duplicate_id";
            w.layer = layer.zone->name;
            w.featureId = id;
            w.fid = fs[0]->feature->fid;
            w.otherFid = fs[1]->feature->fid;
            w.message = "layer '" + layer.zone->name + "': id '" + id + "' is used by " +
                        std::to_string(fs.size()) + " features (fid " +
                        std::to_string(fs[0]->feature->fid) + ", " +
                        std::to_string(fs[1]->feature->fid) + (fs.size() > 2 ? ", …)" : ")");
            if (const GeosGeomPtr g = ctx.geometry(*fs[0]))
                w.location = pointOnSurface(ctx.geos(), g.get());
            ctx.add(std::move(w));
        }
    }
}

} // namespace redline::qa::detail
