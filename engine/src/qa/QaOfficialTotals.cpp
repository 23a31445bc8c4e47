// Layer totals reconciled with the official figures declared in the catalog (e.g. the red line's
// 426.98 km²). Official Chinese figures are normally ellipsoidal (CGCS2000); some catalogs quote
// projected areas, so a layer passes when either its ellipsoidal or its planar total (analysis
// CRS) is within the tolerance; otherwise both figures are reported. Totals are of the dissolved
// layer, so that overlapping features are not counted twice: summed over its disjoint pieces
// (only features that intersect others are unioned, a group at a time), measured on every core.

#include <cmath>
#include <optional>

#include "redline/core/Numbers.hpp"
#include "redline/geo/EllipsoidalArea.hpp"

#include "qa/QaContext.hpp"
#include "stats/DisjointPieces.hpp"
#include "stats/DissolvedArea.hpp"
#include "stats/ParallelJobs.hpp"

namespace redline::qa::detail
{

void checkOfficialTotals(QaContext& ctx)
{
    GeosContext& h = ctx.geos();
    std::unique_ptr<EllipsoidalMeasure> measure;
    try
    {
        measure = std::make_unique<EllipsoidalMeasure>(ctx.crs());
    }
    catch (const std::exception&)
    {
        measure.reset();
    }
    for (const PreparedLayer& layer : ctx.layers())
    {
        QaLayerSummary summary;
        summary.layer = layer.zone->name;
        summary.kind = layer.zone->kind;
        summary.featureCount = layer.features.size();
        summary.officialAreaKm2 = layer.zone->officialAreaKm2;
        if (layer.polygonal)
        {
            const std::vector<const PreparedFeature*> features = allOf(layer);
            const std::vector<redline::detail::Piece> pieces = redline::detail::disjointPieces(
                h, envelopesOf(features),
                [&](std::size_t i) { return ctx.geometry(*features[i]); });
            // Each piece measured on any core, the total added up in order.
            std::vector<std::optional<redline::detail::PieceArea>> areas(pieces.size());
            redline::detail::runJobs<redline::detail::MeasureWorker>(
                pieces.size(), measure ? ctx.crs().toWkt() : std::string(),
                [&](redline::detail::MeasureWorker& w, std::size_t p)
                {
                    const GeosGeomPtr piece = redline::detail::pieceGeometry(
                        w.geos, pieces[p],
                        [&](std::size_t i) { return QaContext::geometryOn(w.geos, *features[i]); });
                    if (piece)
                        areas[p] =
                            redline::detail::measurePiece(w.geos, w.measure.get(), piece.get());
                });
            redline::detail::DissolvedArea total(h, measure.get());
            for (const auto& a : areas)
                if (a)
                    total.add(*a);
            summary.areaKm2 = total.planarM2() / 1e6;
            if (measure)
                summary.ellipsoidalAreaKm2 = total.ellipsoidalM2() / 1e6;
        }
        ctx.addSummary(summary);
        if (!summary.officialAreaKm2 || !layer.polygonal || !ctx.layerInScope(layer))
            continue;
        const double official = *summary.officialAreaKm2;
        const double tol = ctx.options().officialToleranceKm2;
        const double dEll = summary.ellipsoidalAreaKm2 - official;
        const double dPlan = summary.areaKm2 - official;
        if ((measure && std::fabs(dEll) <= tol) || std::fabs(dPlan) <= tol)
            continue;
        QaFinding e;
        e.check = "official_area";
        e.layer = layer.zone->name;
        e.areaM2 = (summary.areaKm2 - official) * 1e6;
        e.message = "layer '" + layer.zone->name + "' totals " +
                    formatFixed(summary.ellipsoidalAreaKm2, 3) + " km² (ellipsoidal, CGCS2000) / " +
                    formatFixed(summary.areaKm2, 3) + " km² (planar, " + ctx.crs().label() +
                    ") but the official figure is " + formatFixed(official, 2) +
                    " km² (difference " + formatSigned(dEll, 3) + " / " + formatSigned(dPlan, 3) +
                    " km², tolerance " + formatFixed(tol, 3) + " km²)";
        ctx.add(std::move(e));
    }
}

} // namespace redline::qa::detail
