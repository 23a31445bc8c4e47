// 三区三线 coordination check (redline/qa/Coordination.hpp): red line × permanent farmland and
// red line × urban development boundary, through a packed R-tree and prepared red-line shapes.
#include <algorithm>
#include <map>
#include <tuple>

#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point.hpp>
#include <boost/geometry/index/rtree.hpp>

#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"
#include "redline/geo/CrsTransform.hpp"
#include "redline/geo/EllipsoidalArea.hpp"
#include "redline/qa/Coordination.hpp"
#include "redline/rules/Terms.hpp"

#include "geos/GeosConvert.hpp"
#include "geos/GeosOps.hpp"

namespace redline
{
namespace
{

using detail::GeosContext;
using detail::GeosGeomPtr;
using detail::GeosPreparedPtr;

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using Box = bg::model::box<bg::model::point<double, 2, bg::cs::cartesian>>;
using Entry = std::pair<Box, std::size_t>;
using Tree = bgi::rtree<Entry, bgi::rstar<16>>;

Box boxOf(const Envelope& e)
{
    return {{e.minX, e.minY}, {e.maxX, e.maxY}};
}

// One polygon feature of a layer taking part, as a GEOS geometry of this call's context.
struct Shape
{
    const ZoneLayer* layer = nullptr;
    const Feature* feature = nullptr;
    std::string id;
    GeosGeomPtr geom;
    GeosPreparedPtr prepared; // red line and townships only
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

std::vector<Shape> shapesOf(GeosContext& h, const std::vector<const ZoneLayer*>& layers,
                            bool prepare)
{
    std::vector<Shape> out;
    for (const ZoneLayer* l : layers)
    {
        if (!l->layer)
            continue;
        for (const Feature& f : l->layer->features)
        {
            if (f.geometry.dimension() != Dimension::Area || f.geometry.isEmpty())
                continue;
            Shape s;
            s.layer = l;
            s.feature = &f;
            s.id = f.attributes.text(l->idField).value_or("");
            s.geom = detail::toGeos(h, f.geometry, detail::OpenRings::Close);
            // `redline check` reads geometries as stored: an invalid one (reported by the
            // validity check) is measured in its repaired form, as the other checks do.
            const char valid = GEOSisValid_r(h.handle(), s.geom.get());
            h.require(valid != 2, "validity of " + featureText(l->name, s.id, f.fid));
            if (valid == 0)
                s.geom = detail::polygonalPart(
                    h,
                    detail::own(h, GEOSMakeValid_r(h.handle(), s.geom.get()), "make-valid").get());
            if (prepare)
            {
                s.prepared = GeosPreparedPtr(GEOSPrepare_r(h.handle(), s.geom.get()),
                                             detail::GeosPreparedDeleter{h.handle()});
                h.require(s.prepared != nullptr,
                          "prepare " + l->name + " fid " + std::to_string(f.fid));
            }
            out.push_back(std::move(s));
        }
    }
    return out;
}

Tree indexOf(const std::vector<Shape>& shapes)
{
    std::vector<Entry> entries;
    entries.reserve(shapes.size());
    for (std::size_t i = 0; i < shapes.size(); ++i)
        entries.emplace_back(boxOf(shapes[i].feature->geometry.envelope()), i);
    return Tree(entries.begin(), entries.end()); // packing constructor, never modified
}

// Townships the region lies in, by decreasing area.
std::vector<std::string> townshipsOf(GeosContext& h, const GEOSGeometry* region,
                                     const Envelope& env, const std::vector<Shape>& townships,
                                     const Tree& index)
{
    std::vector<std::pair<double, std::string>> shares;
    for (auto it = index.qbegin(bgi::intersects(boxOf(env))); it != index.qend(); ++it)
    {
        const Shape& t = townships[it->second];
        const char hit = GEOSPreparedIntersects_r(h.handle(), t.prepared.get(), region);
        h.require(hit != 2, "township test");
        if (hit == 0)
            continue;
        const double a = detail::area(h, detail::intersection(h, t.geom.get(), region).get());
        if (a <= 0)
            continue;
        const std::string name = t.feature->attributes.text(t.layer->nameField).value_or(t.id);
        shares.emplace_back(a, name);
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

    GeosContext h;
    const std::vector<Shape> redlines = shapesOf(h, redlineLayers, true);
    const Tree redlineIndex = indexOf(redlines);
    const std::vector<Shape> townships = shapesOf(h, townshipLayers, true);
    const Tree townshipIndex = indexOf(townships);
    const EllipsoidalMeasure ellipsoidal(analysisCrs);

    std::vector<CoordinationOverlap> out;
    for (const ZoneLayer* other : otherLayers)
    {
        const std::string kind = coordinationKind(other->kind);
        for (const Shape& o : shapesOf(h, {other}, false))
        {
            const Envelope env = o.feature->geometry.envelope();
            for (auto it = redlineIndex.qbegin(bgi::intersects(boxOf(env)));
                 it != redlineIndex.qend(); ++it)
            {
                const Shape& r = redlines[it->second];
                if (!inScope(options, *r.layer, *r.feature) &&
                    !inScope(options, *other, *o.feature))
                    continue;
                const char hit =
                    GEOSPreparedIntersects_r(h.handle(), r.prepared.get(), o.geom.get());
                h.require(hit != 2,
                          "intersects " + featureText(r.layer->name, r.id, r.feature->fid));
                if (hit == 0)
                    continue;
                GeosGeomPtr common = detail::polygonalPart(
                    h, detail::intersection(h, r.geom.get(), o.geom.get()).get());
                const double a = detail::area(h, common.get());
                if (a <= options.toleranceM2)
                    continue;
                CoordinationOverlap c;
                c.redlineLayer = r.layer->name;
                c.redlineId = r.id;
                c.redlineFid = r.feature->fid;
                c.otherLayer = other->name;
                c.otherKind = kind;
                c.otherId = o.id;
                c.otherFid = o.feature->fid;
                c.region = detail::polygonalFromGeos(h, common.get());
                c.areaM2 = a;
                c.ellipsoidalAreaM2 = ellipsoidal.area(c.region);
                c.location = detail::pointOnSurface(h, common.get());
                c.townships =
                    townshipsOf(h, common.get(), c.region.envelope(), townships, townshipIndex);
                out.push_back(std::move(c));
            }
        }
    }
    std::stable_sort(
        out.begin(), out.end(),
        [](const CoordinationOverlap& a, const CoordinationOverlap& b)
        {
            return std::tie(a.otherKind, a.redlineId, a.redlineFid, a.otherId, a.otherFid) <
                   std::tie(b.otherKind, b.redlineId, b.redlineFid, b.otherId, b.otherFid);
        });
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
