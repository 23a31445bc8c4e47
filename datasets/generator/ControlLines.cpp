// The two other 三区三线 control lines (issue 14), synthetic: the urban development boundary
// (城镇开发边界) around the towns' built-up areas, and permanent basic farmland (永久基本农田) as
// parcels on the valley floors along the rivers. Both keep clear of the ecological red line and of
// each other, except for the planted overlaps (ids ending in -P) that the coordination check
// (`redline check`, the viewer's 三区三线 panel) must find: two farmland parcels and one boundary
// extension drawn across the red line. Built after the sites with a random stream of their own,
// so the earlier layers and the sites do not change.
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include <ogr_core.h>

#include "ZoneShapes.hpp"

namespace redline::datagen
{
namespace
{

constexpr std::uint64_t kStreamSeed = 20221012; // own stream: the other layers stay as they were

std::string serialId(const char* prefix, int n)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s-%03d", prefix, n);
    return buf;
}

// Name of the township holding a point of the geometry ("" outside the county).
std::string townshipOf(const World& w, const GEOSGeometry* g)
{
    GeomPtr p = pointOnSurface(g);
    for (const OutFeature& t : w.townships.features)
    {
        if (intersects(t.geometry.get(), p.get()))
        {
            return textOf(w.townships, t, "name");
        }
    }
    return {};
}

// A blob straddling the red line's outline near `near`: centred on the red-line boundary point
// closest to it, so that about half of it lies inside.
GeomPtr straddling(const World& w, Xy near, double radius, Rng& rng)
{
    GeomPtr boundary = own(GEOSBoundary_r(geosContext(), w.redlineUnion.get()), "boundary");
    GeomPtr from = makePoint(near);
    GEOSCoordSequence* seq = GEOSNearestPoints_r(geosContext(), boundary.get(), from.get());
    if (seq == nullptr)
    {
        throw std::runtime_error("nearest point on the red line failed");
    }
    double x = 0;
    double y = 0;
    GEOSCoordSeq_getXY_r(geosContext(), seq, 0, &x, &y);
    GEOSCoordSeq_destroy_r(geosContext(), seq);
    return cleanPolygonal(
        intersection(blob({x, y}, radius, 0.2, rng, 180).get(), w.county.get()).get());
}

void buildBoundary(World& w, Rng& rng, OutLayer& l)
{
    l.name = "urban_development_boundary";
    l.geometryType = wkbMultiPolygon;
    l.fields = {{"zone_id", FieldType::Text},
                {"name", FieldType::Text},
                {"township", FieldType::Text},
                {"origin", FieldType::Text}};
    // The towns' built-up areas (the urban key control units) grown by 300 m for planned
    // expansion, organic, clipped to the county, outside the red line.
    GeomPtr grown = organicInCounty(w, buffer(w.urbanUnion.get(), 300.0).get());
    grown = cleanPolygonal(difference(grown.get(), w.redlineUnion.get()).get());
    int serial = 0;
    for (GeomPtr& part :
         [&]
         {
             std::vector<GeomPtr> parts;
             for (const auto& poly : polygons(grown.get()))
             {
                 GeomPtr g = makePolygon(poly[0], {poly.begin() + 1, poly.end()});
                 if (area(g.get()) >= 50000.0)
                 {
                     parts.push_back(std::move(g));
                 }
             }
             return parts;
         }())
    {
        const std::string town = townshipOf(w, part.get());
        l.add(asMulti(std::move(part)),
              {{"zone_id", serialId("CZKF", ++serial)},
               {"name", town + "城镇开发边界"},
               {"township", town},
               {"origin", std::string("synthetic: built-up area + 300 m")}});
    }
    // Planted overlap: 岩头's expansion drawn into the 楠溪江 scenic red line (HX-01).
    GeomPtr planted = straddling(w, w.place("岩头镇"), 260.0, rng);
    const std::string town = townshipOf(w, planted.get());
    l.add(asMulti(std::move(planted)),
          {{"zone_id", std::string("CZKF-P01")},
           {"name", town + "城镇开发边界（扩展区）"},
           {"township", town},
           {"origin", std::string("synthetic, planted overlap with the red line (issue 14)")}});
}

void buildFarmland(World& w, Rng& rng, const GEOSGeometry* boundary, OutLayer& l)
{
    l.name = "permanent_farmland";
    l.geometryType = wkbMultiPolygon;
    l.fields = {{"zone_id", FieldType::Text},
                {"name", FieldType::Text},
                {"township", FieldType::Text},
                {"origin", FieldType::Text}};
    // Valley-floor parcels on both banks of every river, every ~1.6 km, kept out of the
    // channel, the red line, the development boundary and the water-source zones I/II.
    for (const River& r : w.rivers)
    {
        GeomPtr channel = buffer(makeLine(r.line).get(), 60.0);
        GeomPtr blocked =
            unionAll({w.redlineUnion.get(), boundary, w.waterCoreUnion.get(), channel.get()});
        const double length = lineLength(r.line);
        int n = 0;
        for (double c = 800.0; c < length - 800.0; c += 1600.0)
        {
            const Xy at = pointAt(r.line, c);
            const Xy dir = directionAt(r.line, c);
            const double side = (n++ % 2 == 0) ? 1.0 : -1.0;
            const double off = rng.uniform(220.0, 420.0);
            const Xy centre{at.x + side * dir.y * off, at.y - side * dir.x * off};
            const double angle = std::atan2(dir.y, dir.x);
            GeomPtr parcel = stretchedBlob(centre, rng.uniform(300.0, 520.0),
                                           rng.uniform(110.0, 200.0), angle, 0.15, rng, 180);
            parcel = cleanPolygonal(
                intersection(difference(parcel.get(), blocked.get()).get(), w.county.get()).get());
            for (const auto& poly : polygons(parcel.get()))
            {
                GeomPtr g = makePolygon(poly[0], {poly.begin() + 1, poly.end()});
                if (area(g.get()) < 20000.0)
                {
                    continue; // slivers left by the blockers
                }
                const std::string town = townshipOf(w, g.get());
                const std::string id = serialId("JBNT", static_cast<int>(l.features.size()) + 1);
                l.add(asMulti(std::move(g)), {{"zone_id", id},
                                              {"name", town + "永久基本农田保护片"},
                                              {"township", town},
                                              {"origin", std::string("synthetic")}});
            }
        }
    }
    // Planted overlaps: a parcel drawn across the 瓯江 red line (HX-03) at 桥头 and one across the
    // upper 楠溪江 catchment red line (HX-02) near 黄南.
    const std::pair<const char*, Xy> planted[] = {{"JBNT-P01", w.place("桥头镇")},
                                                  {"JBNT-P02", w.lonLat(120.688, 28.540)}};
    for (const auto& [id, near] : planted)
    {
        GeomPtr g = straddling(w, near, 220.0, rng);
        g = cleanPolygonal(difference(g.get(), boundary).get());
        const std::string town = townshipOf(w, g.get());
        l.add(asMulti(std::move(g)),
              {{"zone_id", std::string(id)},
               {"name", town + "永久基本农田保护片"},
               {"township", town},
               {"origin", std::string("synthetic, planted overlap with the red line (issue 14)")}});
    }
}

} // namespace

void buildControlLines(World& w)
{
    Rng rng(kStreamSeed);
    buildBoundary(w, rng, w.developmentBoundary);
    std::vector<const GEOSGeometry*> parts;
    for (const OutFeature& f : w.developmentBoundary.features)
    {
        parts.push_back(f.geometry.get());
    }
    GeomPtr boundary = unionAll(parts);
    buildFarmland(w, rng, boundary.get(), w.farmland);
}

} // namespace redline::datagen
