#include "redline/stats/ZoningStats.hpp"

#include <map>
#include <optional>

#include "redline/geo/EllipsoidalArea.hpp"

#include "analysis/EnvelopeIndex.hpp"
#include "geos/GeosConvert.hpp"
#include "geos/GeosOps.hpp"
#include "stats/DisjointPieces.hpp"
#include "stats/DissolvedArea.hpp"

namespace redline
{

using detail::GeosContext;
using detail::GeosGeomPtr;

std::string classFieldOf(const std::string& kind)
{
    static const std::map<std::string, std::string> kFields = {
        {"ecological_redline", "redline_type"}, {"control_units", "unit_type"},
        {"water_protection_zones", "level"},    {"protected_areas", "category"},
        {"prohibited_zones", "prohibition"},
    };
    const auto it = kFields.find(kind);
    return it == kFields.end() ? std::string() : it->second;
}

namespace
{

struct Township
{
    std::string code;
    std::string name;
    GeosGeomPtr geom;
    detail::GeosPreparedPtr prepared;
    Envelope envelope;
};

// The polygons of one layer as valid GEOS geometries, made on demand (statistics use the
// repaired shape of an invalid one; QA reports it). Whether a feature is valid is tested once.
class LayerPolygons
{
  public:
    LayerPolygons(GeosContext& h, const Layer& layer)
        : m_h(h), m_layer(layer), m_valid(layer.features.size(), -1), m_area(layer.features.size())
    {
    }

    [[nodiscard]] bool isPolygon(std::size_t i) const
    {
        const Geometry& g = m_layer.features[i].geometry;
        return g.dimension() == Dimension::Area && !g.isEmpty();
    }

    // What feature i adds to a total when it is a piece on its own (`piece` is its geometry):
    // measured once, however many totals (its class, the whole layer) it is alone in.
    [[nodiscard]] const detail::PieceArea& area(std::size_t i, const GEOSGeometry* piece,
                                                const detail::DissolvedArea& total)
    {
        auto& known = m_area[i];
        if (!known)
            known = total.measure(piece);
        return *known;
    }

    [[nodiscard]] GeosGeomPtr geometry(std::size_t i)
    {
        if (!isPolygon(i))
            return GeosGeomPtr(nullptr, detail::GeosGeomDeleter{m_h.handle()});
        GeosGeomPtr g = detail::toGeos(m_h, m_layer.features[i].geometry, detail::OpenRings::Close);
        if (m_valid[i] < 0)
        {
            const char valid = GEOSisValid_r(m_h.handle(), g.get());
            m_h.require(valid != 2, "validity test");
            m_valid[i] = valid;
        }
        if (m_valid[i] == 0)
            g = detail::polygonalPart(
                m_h, detail::own(m_h, GEOSMakeValid_r(m_h.handle(), g.get()), "make-valid").get());
        return g;
    }

  private:
    GeosContext& m_h;
    const Layer& m_layer;
    std::vector<signed char> m_valid; // -1 not tested yet, 0 invalid, 1 valid
    std::vector<std::optional<detail::PieceArea>> m_area;
};

std::vector<Township> townshipsOf(GeosContext& h, const std::vector<ZoneLayer>& layers)
{
    std::vector<Township> townships;
    for (const ZoneLayer& zl : layers)
    {
        if (zl.kind != "townships" || !zl.layer)
            continue;
        LayerPolygons polygons(h, *zl.layer);
        for (std::size_t i = 0; i < zl.layer->features.size(); ++i)
        {
            const Feature& f = zl.layer->features[i];
            Township t;
            t.code = f.attributes.text(zl.idField.empty() ? "code" : zl.idField).value_or("");
            t.name = f.attributes.text(zl.nameField.empty() ? "name" : zl.nameField).value_or("");
            GeosGeomPtr g = polygons.geometry(i);
            t.geom = g ? std::move(g)
                       : detail::own(h, GEOSGeom_createEmptyPolygon_r(h.handle()), "empty polygon");
            t.prepared = detail::GeosPreparedPtr(GEOSPrepare_r(h.handle(), t.geom.get()),
                                                 detail::GeosPreparedDeleter{h.handle()});
            h.require(t.prepared != nullptr, "preparing a township");
            t.envelope = f.geometry.envelope();
            townships.push_back(std::move(t));
        }
    }
    return townships;
}

// The part of a piece (of a dissolved class) inside a township: the piece itself when the
// township covers it, otherwise their intersection.
GeosGeomPtr partIn(GeosContext& h, const Township& t, const GEOSGeometry* piece)
{
    const char covers = GEOSPreparedCovers_r(h.handle(), t.prepared.get(), piece);
    h.require(covers != 2, "township cover test");
    if (covers == 1)
        return detail::clone(h, piece);
    return detail::polygonalPart(h, detail::intersection(h, piece, t.geom.get()).get());
}

} // namespace

std::vector<AreaRow> computeZoningStats(const std::vector<ZoneLayer>& layers,
                                        const Crs& analysisCrs, const StatsOptions& options)
{
    GeosContext h;
    EllipsoidalMeasure measure(analysisCrs);
    std::vector<Township> townships;
    if (options.byTownship)
        townships = townshipsOf(h, layers);
    std::vector<Envelope> townshipEnvelopes;
    for (const Township& t : townships)
        townshipEnvelopes.push_back(t.envelope);
    const detail::EnvelopeIndex townshipIndex(townshipEnvelopes);
    std::vector<AreaRow> rows;
    for (const ZoneLayer& zl : layers)
    {
        if (!zl.layer)
            continue;
        const std::string field = classFieldOf(zl.kind);
        const auto& features = zl.layer->features;
        std::map<std::string, std::vector<std::size_t>> groups; // "*" = whole layer
        for (std::size_t i = 0; i < features.size(); ++i)
        {
            if (features[i].geometry.dimension() != Dimension::Area)
                continue;
            groups["*"].push_back(i);
            if (!field.empty())
                groups[features[i].attributes.text(field).value_or("")].push_back(i);
        }
        if (groups.empty())
            continue; // lines or points only (rivers)
        LayerPolygons polygons(h, *zl.layer);
        const bool byTownship = zl.kind != "townships" && zl.kind != "county";
        for (const auto& [cls, members] : groups)
        {
            std::vector<Envelope> envelopes;
            envelopes.reserve(members.size());
            for (const std::size_t i : members)
                envelopes.push_back(polygons.isPolygon(i) ? features[i].geometry.envelope()
                                                          : Envelope{});
            detail::DissolvedArea total(h, &measure);
            std::vector<detail::DissolvedArea> inTownship;
            inTownship.reserve(townships.size());
            for (std::size_t t = 0; t < townships.size(); ++t)
                inTownship.emplace_back(h, &measure);
            detail::forEachDisjointPiece(
                h, envelopes, [&](std::size_t k) { return polygons.geometry(members[k]); },
                [&](const GEOSGeometry* piece, std::size_t alone)
                {
                    if (alone == detail::kUnionOfSeveral)
                        total.add(piece);
                    else
                        total.add(polygons.area(members[alone], piece, total));
                    if (!byTownship)
                        return;
                    for (const std::size_t t : townshipIndex.query(detail::envelopeOf(h, piece)))
                        inTownship[t].add(partIn(h, townships[t], piece).get());
                });
            AreaRow row;
            row.layer = zl.name;
            row.kind = zl.kind;
            row.classField = field;
            row.className = cls;
            row.townshipCode = "*";
            row.featureCount = members.size();
            row.areaM2 = total.planarM2();
            row.ellipsoidalM2 = total.ellipsoidalM2();
            rows.push_back(row);
            if (!byTownship)
                continue;
            std::vector<std::size_t> featureCount(townships.size(), 0);
            for (const std::size_t i : members)
                for (const std::size_t t : townshipIndex.query(features[i].geometry.envelope()))
                    ++featureCount[t];
            for (std::size_t t = 0; t < townships.size(); ++t)
            {
                AreaRow tr = row;
                tr.townshipCode = townships[t].code;
                tr.townshipName = townships[t].name;
                tr.featureCount = featureCount[t];
                tr.areaM2 = inTownship[t].planarM2();
                tr.ellipsoidalM2 = inTownship[t].ellipsoidalM2();
                if (tr.areaM2 > 0)
                    rows.push_back(tr);
            }
        }
    }
    return rows;
}

} // namespace redline
