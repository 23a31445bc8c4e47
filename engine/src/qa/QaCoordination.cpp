// 三区三线 coordination check (redline/qa/Coordination.hpp): red line × permanent farmland and
// red line × urban development boundary, one red-line feature per job on every core, its candidates
// from a packed R-tree over the farmland and boundary envelopes, tested with its prepared shape.
#include <algorithm>
#include <optional>
#include <tuple>

#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"
#include "redline/geo/CrsTransform.hpp"
#include "redline/geo/EllipsoidalArea.hpp"
#include "redline/qa/Coordination.hpp"
#include "redline/rules/Terms.hpp"

#include "analysis/EnvelopeIndex.hpp"
#include "geos/GeosConvert.hpp"
#include "geos/GeosOps.hpp"
#include "stats/ParallelJobs.hpp"

namespace redline
{
namespace
{

using detail::GeosContext;
using detail::GeosGeomPtr;
using detail::GeosPreparedPtr;

// One polygon feature of a layer taking part. No GEOS objects: each thread makes its own.
struct Member
{
    const ZoneLayer* layer = nullptr;
    const Feature* feature = nullptr;
    std::string id;
};

std::string featureText(const std::string& layer, const std::string& id, std::int64_t fid)
{
    std::string s = "layer '" + layer + "', feature ";
    if (!id.empty())
        s += "'" + id + "' ";
    return s + "(fid " + std::to_string(fid) + ")";
}

bool inScope(const CoordinationOptions& o, const ZoneLayer& layer, const Feature& f)
{
    if (o.scope == nullptr)
        return true;
    const auto it = o.scope->features.find(layer.name);
    return it != o.scope->features.end() && it->second.count(f.fid) > 0;
}

std::vector<Member> membersOf(const std::vector<const ZoneLayer*>& layers)
{
    std::vector<Member> out;
    for (const ZoneLayer* l : layers)
    {
        if (!l->layer)
            continue;
        for (const Feature& f : l->layer->features)
            if (f.geometry.dimension() == Dimension::Area && !f.geometry.isEmpty())
                out.push_back({l, &f, f.attributes.text(l->idField).value_or("")});
    }
    return out;
}

std::vector<Envelope> envelopesOf(const std::vector<Member>& members)
{
    std::vector<Envelope> out;
    out.reserve(members.size());
    for (const Member& m : members)
        out.push_back(m.feature->geometry.envelope());
    return out;
}

// Whether the member's polygon is valid, as stored.
bool isValid(GeosContext& h, const Member& m, const GEOSGeometry* g)
{
    const char valid = GEOSisValid_r(h.handle(), g);
    h.require(valid != 2, "validity of " + featureText(m.layer->name, m.id, m.feature->fid));
    return valid == 1;
}

// The member as a GEOS geometry of `h`. `redline check` reads geometries as stored: an invalid
// one (reported by the validity check) is measured in its repaired form, as the other checks
// do. `valid`: known validity, or nullopt to test it here.
GeosGeomPtr shapeOf(GeosContext& h, const Member& m, std::optional<bool> valid)
{
    GeosGeomPtr g = detail::toGeos(h, m.feature->geometry, detail::OpenRings::Close);
    if (!valid)
        valid = isValid(h, m, g.get());
    if (!*valid)
        g = detail::polygonalPart(
            h, detail::own(h, GEOSMakeValid_r(h.handle(), g.get()), "make-valid").get());
    return g;
}

// Validity of every member, tested on every core.
std::vector<char> validityOf(const std::vector<Member>& members)
{
    std::vector<char> out(members.size(), 1);
    detail::runJobs<detail::MeasureWorker>(
        members.size(), "",
        [&](detail::MeasureWorker& w, std::size_t i)
        {
            const GeosGeomPtr g =
                detail::toGeos(w.geos, members[i].feature->geometry, detail::OpenRings::Close);
            out[i] = isValid(w.geos, members[i], g.get()) ? 1 : 0;
        });
    return out;
}

// What one thread owns: its GEOS context, its ellipsoidal measure and its prepared townships
// (made on its first overlap).
struct CoordinationWorker : detail::MeasureWorker
{
    using detail::MeasureWorker::MeasureWorker;
    struct Township
    {
        GeosGeomPtr geom;
        GeosPreparedPtr prepared;
    };
    std::optional<std::vector<Township>> townships;
};

// Townships the region lies in, by decreasing area.
std::vector<std::string> townshipsOf(CoordinationWorker& w, const GEOSGeometry* region,
                                     const Envelope& env, const std::vector<Member>& townships,
                                     const std::vector<char>& townshipValid,
                                     const detail::EnvelopeIndex& index)
{
    GeosContext& h = w.geos;
    if (!w.townships)
    {
        w.townships.emplace();
        for (std::size_t i = 0; i < townships.size(); ++i)
        {
            CoordinationWorker::Township t;
            t.geom = shapeOf(h, townships[i], townshipValid[i] == 1);
            t.prepared = GeosPreparedPtr(GEOSPrepare_r(h.handle(), t.geom.get()),
                                         detail::GeosPreparedDeleter{h.handle()});
            h.require(t.prepared != nullptr, "prepare " + townships[i].layer->name + " fid " +
                                                 std::to_string(townships[i].feature->fid));
            w.townships->push_back(std::move(t));
        }
    }
    std::vector<std::pair<double, std::string>> shares;
    for (const std::size_t i : index.query(env))
    {
        const CoordinationWorker::Township& t = (*w.townships)[i];
        const char hit = GEOSPreparedIntersects_r(h.handle(), t.prepared.get(), region);
        h.require(hit != 2, "township test");
        if (hit == 0)
            continue;
        const double a = detail::area(h, detail::intersection(h, t.geom.get(), region).get());
        if (a <= 0)
            continue;
        const Member& m = townships[i];
        shares.emplace_back(a, m.feature->attributes.text(m.layer->nameField).value_or(m.id));
    }
    std::stable_sort(shares.begin(), shares.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (auto& s : shares)
        out.push_back(std::move(s.second));
    return out;
}

std::string areaText(double m2)
{
    return formatFixed(m2, 2) + " m² (" + formatFixed(m2 / (10000.0 / 15.0), 2) + " 亩)";
}

} // namespace

std::string coordinationKind(const std::string& kind)
{
    const auto canonical = canonicalValue("zone_kind", kind);
    if (canonical &&
        (*canonical == "permanent_farmland" || *canonical == "urban_development_boundary"))
        return *canonical;
    return {};
}

std::vector<CoordinationOverlap> findCoordinationOverlaps(const std::vector<ZoneLayer>& layers,
                                                          const Crs& analysisCrs,
                                                          const CoordinationOptions& options)
{
    std::vector<const ZoneLayer*> redlineLayers;
    std::vector<const ZoneLayer*> otherLayers;
    std::vector<const ZoneLayer*> townshipLayers;
    for (const ZoneLayer& l : layers)
    {
        if (l.kind == "ecological_redline")
            redlineLayers.push_back(&l);
        else if (!coordinationKind(l.kind).empty())
            otherLayers.push_back(&l);
        else if (l.kind == "townships")
            townshipLayers.push_back(&l);
    }
    if (redlineLayers.empty() || otherLayers.empty())
        return {};

    // One job per red-line feature, on every core: its candidates come from a packed R-tree over
    // the farmland and boundary envelopes, and only its own prepared shape is alive, so a
    // province's red line is never held in GEOS at once.
    const std::vector<Member> redlines = membersOf(redlineLayers);
    const std::vector<Member> others = membersOf(otherLayers);
    const std::vector<Member> townships = membersOf(townshipLayers);
    const std::vector<char> otherValid = validityOf(others);
    const std::vector<char> townshipValid = validityOf(townships);
    const detail::EnvelopeIndex otherIndex(envelopesOf(others));
    const detail::EnvelopeIndex townshipIndex(envelopesOf(townships));
    // Per red-line feature: its overlaps, each with its farmland or boundary feature's position.
    std::vector<std::vector<std::pair<std::size_t, CoordinationOverlap>>> found(redlines.size());
    detail::runJobs<CoordinationWorker>(
        redlines.size(), analysisCrs.toWkt(),
        [&](CoordinationWorker& w, std::size_t ri)
        {
            GeosContext& h = w.geos;
            const Member& r = redlines[ri];
            GeosGeomPtr rg;
            GeosPreparedPtr rp;
            for (const std::size_t k : otherIndex.query(r.feature->geometry.envelope()))
            {
                const Member& o = others[k];
                if (!inScope(options, *r.layer, *r.feature) &&
                    !inScope(options, *o.layer, *o.feature))
                    continue;
                if (!rp)
                {
                    rg = shapeOf(h, r, std::nullopt);
                    rp = GeosPreparedPtr(GEOSPrepare_r(h.handle(), rg.get()),
                                         detail::GeosPreparedDeleter{h.handle()});
                    h.require(rp != nullptr, "prepare " + r.layer->name + " fid " +
                                                 std::to_string(r.feature->fid));
                }
                const GeosGeomPtr og = shapeOf(h, o, otherValid[k] == 1);
                const char hit = GEOSPreparedIntersects_r(h.handle(), rp.get(), og.get());
                h.require(hit != 2,
                          "intersects " + featureText(r.layer->name, r.id, r.feature->fid));
                if (hit == 0)
                    continue;
                GeosGeomPtr common =
                    detail::polygonalPart(h, detail::intersection(h, rg.get(), og.get()).get());
                const double a = detail::area(h, common.get());
                if (a <= options.toleranceM2)
                    continue;
                CoordinationOverlap c;
                c.redlineLayer = r.layer->name;
                c.redlineId = r.id;
                c.redlineFid = r.feature->fid;
                c.otherLayer = o.layer->name;
                c.otherKind = coordinationKind(o.layer->kind);
                c.otherId = o.id;
                c.otherFid = o.feature->fid;
                c.region = detail::polygonalFromGeos(h, common.get());
                c.areaM2 = a;
                c.ellipsoidalAreaM2 = w.measure->area(c.region);
                c.location = detail::pointOnSurface(h, common.get());
                c.townships = townshipsOf(w, common.get(), c.region.envelope(), townships,
                                          townshipValid, townshipIndex);
                found[ri].emplace_back(k, std::move(c));
            }
        });
    // Farmland first, then by ids; among equal ids by the farmland or boundary feature, then the
    // red-line feature, in store order.
    struct Ranked
    {
        std::size_t other;
        std::size_t redline;
        CoordinationOverlap* overlap;
    };
    std::vector<Ranked> ranked;
    for (std::size_t ri = 0; ri < found.size(); ++ri)
        for (auto& [k, c] : found[ri])
            ranked.push_back({k, ri, &c});
    std::sort(ranked.begin(), ranked.end(),
              [](const Ranked& a, const Ranked& b)
              {
                  const CoordinationOverlap& x = *a.overlap;
                  const CoordinationOverlap& y = *b.overlap;
                  return std::tie(x.otherKind, x.redlineId, x.redlineFid, x.otherId, x.otherFid,
                                  a.other, a.redline) < std::tie(y.otherKind, y.redlineId,
                                                                 y.redlineFid, y.otherId,
                                                                 y.otherFid, b.other, b.redline);
              });
    std::vector<CoordinationOverlap> out;
    out.reserve(ranked.size());
    for (const Ranked& r : ranked)
        out.push_back(std::move(*r.overlap));
    return out;
}

std::vector<QaFinding> coordinationFindings(const std::vector<ZoneLayer>& layers,
                                            const Crs& analysisCrs,
                                            const CoordinationOptions& options)
{
    std::unique_ptr<CrsTransform> toLonLat;
    try
    {
        toLonLat = std::make_unique<CrsTransform>(analysisCrs, Crs::fromEpsg(4490));
    }
    catch (const Error&)
    {
        toLonLat.reset(); // locations are then given in the analysis CRS only
    }
    std::vector<QaFinding> out;
    for (CoordinationOverlap& c : findCoordinationOverlaps(layers, analysisCrs, options))
    {
        QaFinding f;
        f.severity = options.scope != nullptr ? QaSeverity::Warning : QaSeverity::Error;
        f.check = "coordination_overlap";
        f.layer = c.redlineLayer;
        f.featureId = c.redlineId;
        f.fid = c.redlineFid;
        f.otherLayer = c.otherLayer;
        f.otherFeatureId = c.otherId;
        f.otherFid = c.otherFid;
        f.location = c.location;
        f.areaM2 = c.areaM2;
        for (const std::string& t : c.townships)
            f.township += (f.township.empty() ? "" : "、") + t;
        const char* what = c.otherKind == "permanent_farmland"
                               ? "permanent basic farmland (永久基本农田)"
                               : "the urban development boundary (城镇开发边界)";
        f.message = "三区三线: ecological red line " +
                    featureText(c.redlineLayer, c.redlineId, c.redlineFid) + " overlaps " + what +
                    " " + featureText(c.otherLayer, c.otherId, c.otherFid) + " by " +
                    areaText(c.areaM2) + ", ellipsoidal " + formatFixed(c.ellipsoidalAreaM2, 2) +
                    " m²" + (f.township.empty() ? "" : ", in " + f.township) +
                    "; the control lines must not overlap.";
        if (toLonLat)
        {
            try
            {
                f.locationLonLat = toLonLat->apply(c.location);
            }
            catch (const Error&)
            {
                f.locationLonLat.reset();
            }
        }
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace redline
