#include "redline/stats/ZoningStats.hpp"

#include <map>
#include <memory>
#include <optional>

#include "redline/geo/EllipsoidalArea.hpp"

#include "analysis/EnvelopeIndex.hpp"
#include "geos/GeosConvert.hpp"
#include "geos/GeosOps.hpp"
#include "stats/DisjointPieces.hpp"
#include "stats/DissolvedArea.hpp"
#include "stats/ParallelJobs.hpp"

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

// The polygons of one layer as valid GEOS geometries, made on demand on any thread (statistics
// use the repaired shape of an invalid one; QA reports it). Whether a feature is valid is tested
// once, on every core, before any is made.
class LayerPolygons
{
  public:
    explicit LayerPolygons(const Layer& layer) : m_layer(layer), m_valid(layer.features.size(), 1)
    {
        detail::runJobs<detail::MeasureWorker>(m_valid.size(), "",
                                               [this](detail::MeasureWorker& w, std::size_t i)
                                               {
                                                   if (!isPolygon(i))
                                                       return;
                                                   const GeosGeomPtr g = convert(w.geos, i);
                                                   const char valid =
                                                       GEOSisValid_r(w.geos.handle(), g.get());
                                                   w.geos.require(valid != 2, "validity test");
                                                   m_valid[i] = valid;
                                               });
    }

    [[nodiscard]] bool isPolygon(std::size_t i) const
    {
        const Geometry& g = m_layer.features[i].geometry;
        return g.dimension() == Dimension::Area && !g.isEmpty();
    }

    // Polygon i as a geometry of `h` (the calling thread's context), null when it has none.
    [[nodiscard]] GeosGeomPtr geometry(GeosContext& h, std::size_t i) const
    {
        if (!isPolygon(i))
            return GeosGeomPtr(nullptr, detail::GeosGeomDeleter{h.handle()});
        GeosGeomPtr g = convert(h, i);
        if (m_valid[i] == 0)
            g = detail::polygonalPart(
                h, detail::own(h, GEOSMakeValid_r(h.handle(), g.get()), "make-valid").get());
        return g;
    }

  private:
    [[nodiscard]] GeosGeomPtr convert(GeosContext& h, std::size_t i) const
    {
        return detail::toGeos(h, m_layer.features[i].geometry, detail::OpenRings::Close);
    }

    const Layer& m_layer;
    std::vector<char> m_valid; // 1 valid (or not a polygon), 0 invalid
};

// The townships of the store (codes, names, envelopes), whose shapes each thread makes for itself.
class Townships
{
  public:
    explicit Townships(const std::vector<ZoneLayer>& layers)
    {
        for (const ZoneLayer& zl : layers)
        {
            if (zl.kind != "townships" || !zl.layer)
                continue;
            m_polygons.push_back(std::make_unique<LayerPolygons>(*zl.layer));
            for (std::size_t i = 0; i < zl.layer->features.size(); ++i)
            {
                const Feature& f = zl.layer->features[i];
                Township t;
                t.code = f.attributes.text(zl.idField.empty() ? "code" : zl.idField).value_or("");
                t.name =
                    f.attributes.text(zl.nameField.empty() ? "name" : zl.nameField).value_or("");
                t.polygons = m_polygons.back().get();
                t.position = i;
                m_list.push_back(std::move(t));
                m_envelopes.push_back(f.geometry.envelope());
            }
        }
        m_index = std::make_unique<detail::EnvelopeIndex>(m_envelopes);
    }

    struct Township
    {
        std::string code;
        std::string name;
        const LayerPolygons* polygons = nullptr;
        std::size_t position = 0;
    };

    // One thread's GEOS shape of a township.
    struct Shape
    {
        GeosGeomPtr geom;
        detail::GeosPreparedPtr prepared;
    };

    [[nodiscard]] const std::vector<Township>& list() const { return m_list; }
    [[nodiscard]] std::vector<std::size_t> meeting(const Envelope& e) const
    {
        return m_index->query(e);
    }

    [[nodiscard]] std::vector<Shape> shapes(GeosContext& h) const
    {
        std::vector<Shape> out;
        for (const Township& t : m_list)
        {
            Shape s;
            GeosGeomPtr g = t.polygons->geometry(h, t.position);
            s.geom = g ? std::move(g)
                       : detail::own(h, GEOSGeom_createEmptyPolygon_r(h.handle()), "empty polygon");
            s.prepared = detail::GeosPreparedPtr(GEOSPrepare_r(h.handle(), s.geom.get()),
                                                 detail::GeosPreparedDeleter{h.handle()});
            h.require(s.prepared != nullptr, "preparing a township");
            out.push_back(std::move(s));
        }
        return out;
    }

  private:
    std::vector<std::unique_ptr<LayerPolygons>> m_polygons;
    std::vector<Township> m_list;
    std::vector<Envelope> m_envelopes;
    std::unique_ptr<detail::EnvelopeIndex> m_index;
};

// The part of a piece (of a dissolved class) inside a township: the piece itself when the
// township covers it, otherwise their intersection.
GeosGeomPtr partIn(GeosContext& h, const Townships::Shape& t, const GEOSGeometry* piece)
{
    const char covers = GEOSPreparedCovers_r(h.handle(), t.prepared.get(), piece);
    h.require(covers != 2, "township cover test");
    if (covers == 1)
        return detail::clone(h, piece);
    return detail::polygonalPart(h, detail::intersection(h, piece, t.geom.get()).get());
}

// What one thread owns: its GEOS context and measure, and its shapes of the townships (made on
// its first township breakdown).
struct StatsWorker : detail::MeasureWorker
{
    using detail::MeasureWorker::MeasureWorker;
    std::optional<std::vector<Townships::Shape>> townships;
};

// What a piece adds to its class total and to each township's (by township position, ascending).
struct PieceShare
{
    bool present = false; // false: the piece has no geometry (an empty polygon alone)
    detail::PieceArea whole;
    std::vector<std::pair<std::size_t, detail::PieceArea>> inTownship;
};

// One class of a layer: its features, and its pieces as positions in the layer's list of
// measured pieces.
struct ClassPieces
{
    std::vector<std::size_t> members; // feature positions in the layer
    std::vector<std::size_t> shares;  // per piece, its position in the layer's shares
};

} // namespace

std::vector<AreaRow> computeZoningStats(const std::vector<ZoneLayer>& layers,
                                        const Crs& analysisCrs, const StatsOptions& options)
{
    GeosContext h;
    EllipsoidalMeasure measure(analysisCrs);
    const std::string crsWkt = analysisCrs.toWkt();
    std::optional<Townships> townships;
    if (options.byTownship)
        townships.emplace(layers);
    const std::size_t townshipCount = townships ? townships->list().size() : 0;
    std::vector<AreaRow> rows;
    for (const ZoneLayer& zl : layers)
    {
        if (!zl.layer)
            continue;
        const std::string field = classFieldOf(zl.kind);
        const auto& features = zl.layer->features;
        std::map<std::string, ClassPieces> groups; // "*" = whole layer
        for (std::size_t i = 0; i < features.size(); ++i)
        {
            if (features[i].geometry.dimension() != Dimension::Area)
                continue;
            groups["*"].members.push_back(i);
            if (!field.empty())
                groups[features[i].attributes.text(field).value_or("")].members.push_back(i);
        }
        if (groups.empty())
            continue; // lines or points only (rivers)
        const LayerPolygons polygons(*zl.layer);
        const bool byTownship = townships && zl.kind != "townships" && zl.kind != "county";
        // Every class's pieces, then what each adds, measured on every core: a feature alone in
        // a piece (in its class and in the whole layer) is measured once.
        std::vector<std::vector<std::size_t>> pieces; // feature positions
        std::vector<std::size_t> aloneShare(features.size(), features.size());
        for (auto& [cls, group] : groups)
        {
            std::vector<Envelope> envelopes;
            envelopes.reserve(group.members.size());
            for (const std::size_t i : group.members)
                envelopes.push_back(polygons.isPolygon(i) ? features[i].geometry.envelope()
                                                          : Envelope{});
            for (detail::Piece& piece : detail::disjointPieces(
                     h, envelopes,
                     [&](std::size_t k) { return polygons.geometry(h, group.members[k]); }))
            {
                for (std::size_t& k : piece)
                    k = group.members[k];
                if (piece.size() == 1)
                {
                    std::size_t& known = aloneShare[piece.front()];
                    if (known == features.size())
                    {
                        known = pieces.size();
                        pieces.push_back(std::move(piece));
                    }
                    group.shares.push_back(known);
                    continue;
                }
                group.shares.push_back(pieces.size());
                pieces.push_back(std::move(piece));
            }
        }
        std::vector<PieceShare> shares(pieces.size());
        detail::runJobs<StatsWorker>(
            pieces.size(), crsWkt,
            [&](StatsWorker& w, std::size_t p)
            {
                const GeosGeomPtr piece = detail::pieceGeometry(
                    w.geos, pieces[p], [&](std::size_t i) { return polygons.geometry(w.geos, i); });
                if (!piece)
                    return;
                PieceShare& share = shares[p];
                share.present = true;
                share.whole = detail::measurePiece(w.geos, w.measure.get(), piece.get());
                if (!byTownship)
                    return;
                if (!w.townships)
                    w.townships = townships->shapes(w.geos);
                for (const std::size_t t :
                     townships->meeting(detail::envelopeOf(w.geos, piece.get())))
                    share.inTownship.emplace_back(
                        t,
                        detail::measurePiece(w.geos, w.measure.get(),
                                             partIn(w.geos, (*w.townships)[t], piece.get()).get()));
            });
        for (const auto& [cls, group] : groups)
        {
            detail::DissolvedArea total(h, &measure);
            std::vector<detail::DissolvedArea> inTownship;
            inTownship.reserve(townshipCount);
            for (std::size_t t = 0; t < townshipCount; ++t)
                inTownship.emplace_back(h, &measure);
            for (const std::size_t p : group.shares)
            {
                if (!shares[p].present)
                    continue;
                total.add(shares[p].whole);
                for (const auto& [t, part] : shares[p].inTownship)
                    inTownship[t].add(part);
            }
            AreaRow row;
            row.layer = zl.name;
            row.kind = zl.kind;
            row.classField = field;
            row.className = cls;
            row.townshipCode = "*";
            row.featureCount = group.members.size();
            row.areaM2 = total.planarM2();
            row.ellipsoidalM2 = total.ellipsoidalM2();
            rows.push_back(row);
            if (!byTownship)
                continue;
            std::vector<std::size_t> featureCount(townshipCount, 0);
            for (const std::size_t i : group.members)
                for (const std::size_t t : townships->meeting(features[i].geometry.envelope()))
                    ++featureCount[t];
            for (std::size_t t = 0; t < townshipCount; ++t)
            {
                AreaRow tr = row;
                tr.townshipCode = townships->list()[t].code;
                tr.townshipName = townships->list()[t].name;
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
