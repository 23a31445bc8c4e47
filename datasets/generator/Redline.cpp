// Ecological red line (生态保护红线): the seven areas the county plan names, around the real
// anchors, three redline_types, non-overlapping, inside the county, with holes where villages
// sit. One growth parameter (metres added to every radius / half-width) is calibrated so the
// ellipsoidal total on CGCS2000 is 426.98 km² (county plan).
#include <cmath>

#include <ogr_core.h>

#include "ZoneShapes.hpp"

namespace redline::datagen
{
namespace
{

struct BlobSpec
{
    Xy centre;
    double radius;
    GeomPtr base; // drawn once at 'radius'; scaled by (radius + growth) / radius
};

struct Piece
{
    std::string id;
    std::string name;
    std::string type;
    std::vector<BlobSpec> blobs;
    // Corridor: river line, chainages and base half-width (grown like radii).
    const XyRing* line = nullptr;
    double from = 0;
    double to = 0;
    double halfWidth = 0;
    bool clipToScenic = false;
    std::vector<GeomPtr> holes;
};

Xy offset(Xy p, double dx, double dy) { return {p.x + dx, p.y + dy}; }

GeomPtr pieceShape(const World& w, const Piece& p, double growth)
{
    std::vector<GeomPtr> parts;
    for (const BlobSpec& b : p.blobs)
    {
        parts.push_back(scaled(b.base.get(), b.centre, (b.radius + growth) / b.radius));
    }
    if (p.line != nullptr)
    {
        parts.push_back(corridor(*p.line, p.from, p.to, p.halfWidth + growth));
    }
    std::vector<const GEOSGeometry*> raw;
    for (const auto& g : parts)
    {
        raw.push_back(g.get());
    }
    GeomPtr shape = organicInCounty(w, unionAll(raw).get());
    if (p.clipToScenic)
    {
        shape = cleanPolygonal(intersection(shape.get(), w.scenicExtent.get()).get());
    }
    for (const GeomPtr& h : p.holes)
    {
        shape = cleanPolygonal(difference(shape.get(), h.get()).get());
    }
    return shape;
}

} // namespace

void buildRedline(World& w)
{
    const XyRing& nanxi = w.river("R01").line;
    const XyRing& ou = w.river("R02").line;
    auto mkBlob = [&](Xy c, double r) { return BlobSpec{c, r, blob(c, r, 0.3, w.rng)}; };
    auto hole = [&](Xy c, double r)
    { return w.warp.apply(blob(c, r, 0.15, w.rng, 180).get(), 25); };

    std::vector<Piece> pieces;
    {
        Piece p{"HX-01",
                "楠溪江风景名胜区",
                "scenic",
                {},
                &nanxi,
                nanxiChainage(w, 3),
                nanxiChainage(w, 7),
                1200.0,
                true,
                {}};
        p.blobs.push_back(mkBlob(w.place("楠溪江风景名胜区-石桅岩景区"), 1500.0));
        p.blobs.push_back(mkBlob(w.place("楠溪江风景名胜区-大若岩景区"), 1300.0));
        // Villages inside the scenic reach stay out of the red line: 岩头 and 枫林 seats and the
        // ancient village 苍坡 (placed 700 m west of the channel, between 岩头 and 渡头).
        p.holes.push_back(hole(w.place("岩头镇"), 450.0));
        p.holes.push_back(hole(w.place("枫林镇"), 350.0));
        const double c = 0.5 * (nanxiChainage(w, 4) + nanxiChainage(w, 5));
        const Xy at = pointAt(nanxi, c);
        const Xy dir = directionAt(nanxi, c);
        const Xy cangpo{at.x + dir.y * 700.0, at.y - dir.x * 700.0};
        w.namedPoints["苍坡村"] = makePoint(w.warp(cangpo));
        p.holes.push_back(hole(cangpo, 400.0));
        pieces.push_back(std::move(p));
    }
    {
        Piece p{"HX-02", "楠溪江饮水工程", "water_conservation", {}, nullptr, 0, 0, 0, false, {}};
        p.blobs.push_back(mkBlob(w.lonLat(120.672, 28.525), 4200.0));
        const Xy huangnan = w.lonLat(120.688, 28.540);
        w.namedPoints["黄南村"] = makePoint(w.warp(huangnan));
        p.holes.push_back(hole(huangnan, 350.0));
        pieces.push_back(std::move(p));
    }
    {
        Piece p{"HX-03",
                "瓯江水源保护",
                "water_conservation",
                {},
                &ou,
                chainageOf(ou, w.place("瓯江#1")),
                chainageOf(ou, w.place("瓯江#2")) + 2500.0,
                700.0,
                false,
                {}};
        pieces.push_back(std::move(p));
    }
    {
        Piece p{"HX-04", "生态公益林水源涵养", "water_conservation", {}, nullptr, 0, 0, 0, false,
                {}};
        p.blobs.push_back(mkBlob(w.lonLat(120.392, 28.465), 3000.0));
        // A village inside the forest: its land is not red line (a hole).
        const Xy village = w.lonLat(120.392, 28.465);
        w.namedPoints["界坑林区村庄"] = makePoint(w.warp(village));
        p.holes.push_back(hole(village, 450.0));
        p.blobs.push_back(mkBlob(w.lonLat(120.385, 28.365), 2400.0));
        p.blobs.push_back(mkBlob(w.lonLat(120.935, 28.478), 2800.0));
        p.blobs.push_back(mkBlob(w.lonLat(120.560, 28.432), 2800.0));
        p.blobs.push_back(mkBlob(w.lonLat(120.858, 28.205), 2200.0));
        pieces.push_back(std::move(p));
    }
    {
        Piece p{"HX-05", "龙湾潭水土保持", "soil_conservation", {}, nullptr, 0, 0, 0, false, {}};
        p.blobs.push_back(mkBlob(offset(w.lonLat(120.905, 28.352), 1300.0, 1000.0), 1900.0));
        pieces.push_back(std::move(p));
    }
    {
        Piece p{"HX-06", "四海山水土保持", "soil_conservation", {}, nullptr, 0, 0, 0, false, {}};
        p.blobs.push_back(mkBlob(offset(w.place("四海山森林公园"), -900.0, 700.0), 2600.0));
        pieces.push_back(std::move(p));
    }
    {
        Piece p{"HX-07", "五星潭水土保持", "soil_conservation", {}, nullptr, 0, 0, 0, false, {}};
        p.blobs.push_back(mkBlob(offset(w.place("五星潭省级森林公园"), 500.0, 300.0), 1400.0));
        pieces.push_back(std::move(p));
    }

    std::vector<GeomPtr> shapes;
    auto build = [&](double growth)
    {
        shapes.clear();
        GeomPtr taken = emptyPolygon();
        for (const Piece& p : pieces)
        {
            GeomPtr s = pieceShape(w, p, growth);
            s = cleanPolygonal(difference(s.get(), taken.get()).get());
            taken = unite(taken.get(), s.get());
            shapes.push_back(std::move(s));
        }
        return taken;
    };
    const double growth = bisect([&](double g) { return w.ellipsoidalKm2(build(g).get()); }, -600.0,
                                 3000.0, 426.98, 0.0005, "ecological red line");
    w.redlineUnion = build(growth);
    w.figures.redlineEllipsoidalKm2 = w.ellipsoidalKm2(w.redlineUnion.get());
    w.figures.redlinePlanarKm2 = area(w.redlineUnion.get()) / 1e6;

    OutLayer& l = w.redline;
    l.name = "ecological_redline";
    l.geometryType = wkbMultiPolygon;
    l.fields = {{"zone_id", FieldType::Text},
                {"name", FieldType::Text},
                {"redline_type", FieldType::Text},
                {"origin", FieldType::Text}};
    for (std::size_t i = 0; i < pieces.size(); ++i)
    {
        l.add(asMulti(std::move(shapes[i])),
              {{"zone_id", pieces[i].id},
               {"name", pieces[i].name},
               {"redline_type", pieces[i].type},
               {"origin", std::string("synthetic, calibrated to the plan's 426.98 km² total")}});
    }
}

} // namespace redline::datagen
