// Drinking-water source protection zones drawn by the RULEBOOK §3.2 (HJ 338-2018) rules: river
// intakes get level I 1,000 m up / 100 m down plus 50 m of land, level II a further 2,000 m up /
// 200 m down and 1,000 m of land, the quasi zone a further 3,000 m upstream; small reservoirs get
// the whole water surface plus 200 m of land as level I, the catchment as level II and a 1 km
// ring as quasi zone. Intakes and reservoirs are placed near the real settlements they are named
// after; their exact sites are not public.
#include <ogr_core.h>

#include "ZoneShapes.hpp"

namespace redline::datagen
{
namespace
{

struct ZoneSet
{
    GeomPtr level1;
    GeomPtr level2;
    GeomPtr quasi;
    GeomPtr water;
};

ZoneSet riverZones(const World& w, const XyRing& line, double intake, double halfChannel)
{
    auto reach = [&](double from, double to, double half)
    { return corridor(line, from, to, half, true); };
    ZoneSet z;
    GeomPtr l1 = reach(intake - 1000.0, intake + 100.0, halfChannel + 50.0);
    GeomPtr l2ext = reach(intake - 3000.0, intake + 300.0, halfChannel + 1000.0);
    l2ext = cleanPolygonal(unite(l2ext.get(), l1.get()).get());
    // Short streams (the township sources' brooks) have no 3 km of channel above level II: their
    // whole small catchment is protected, so the quasi zone becomes a 1 km ring around level II.
    GeomPtr quasiExt = intake - 3000.0 > 500.0
                           ? reach(intake - 6000.0, intake - 3000.0, halfChannel + 1000.0)
                           : buffer(l2ext.get(), 1000.0, 16);
    z.level1 = cleanPolygonal(intersection(l1.get(), w.county.get()).get());
    z.level2 =
        cleanPolygonal(intersection(difference(l2ext.get(), l1.get()).get(), w.county.get()).get());
    z.quasi = cleanPolygonal(
        intersection(difference(quasiExt.get(), l2ext.get()).get(), w.county.get()).get());
    GeomPtr channel = reach(intake - 3000.0, intake + 300.0, halfChannel);
    z.water = cleanPolygonal(intersection(channel.get(), w.county.get()).get());
    return z;
}

ZoneSet reservoirZones(World& w, Xy centre, double waterRadius, Xy upstream)
{
    ZoneSet z;
    GeomPtr water = blob(centre, waterRadius, 0.35, w.rng, 240);
    GeomPtr l1 = buffer(water.get(), 200.0, 16);
    GeomPtr catchment = blob(upstream, 1700.0, 0.3, w.rng);
    GeomPtr l2ext = unite(catchment.get(), buffer(l1.get(), 300.0, 16).get());
    GeomPtr quasiExt = buffer(l2ext.get(), 1000.0, 16);
    z.water = cleanPolygonal(intersection(water.get(), w.county.get()).get());
    z.level1 = cleanPolygonal(intersection(l1.get(), w.county.get()).get());
    z.level2 =
        cleanPolygonal(intersection(difference(l2ext.get(), l1.get()).get(), w.county.get()).get());
    z.quasi = cleanPolygonal(
        intersection(difference(quasiExt.get(), l2ext.get()).get(), w.county.get()).get());
    return z;
}

} // namespace

void buildWaterZones(World& w)
{
    OutLayer& l = w.waterZones;
    l.name = "water_protection_zones";
    l.geometryType = wkbMultiPolygon;
    l.fields = {{"zone_id", FieldType::Text},     {"name", FieldType::Text},
                {"source_name", FieldType::Text}, {"level", FieldType::Text},
                {"source_type", FieldType::Text}, {"source_scale", FieldType::Text},
                {"origin", FieldType::Text}};

    const XyRing& nanxi = w.river("R01").line;
    const XyRing& fenglin = w.river("R05").line;
    const XyRing& wamalong = w.river("R06").line;
    struct Source
    {
        std::string id;
        std::string name;
        std::string type;
        std::string scale;
        ZoneSet zones;
    };
    std::vector<Source> sources;
    {
        // County-level supply: intake 2.5 km above 沙头 (the intake was not located).
        const double c = nanxiChainage(w, 8) - 2500.0;
        w.namedPoints["楠溪江引供水工程取水口"] = makePoint(pointAt(nanxi, c));
        sources.push_back(
            {"SY01", "楠溪江引供水工程", "river", "county", riverZones(w, nanxi, c, 70.0)});
    }
    {
        const Xy xiaozixi = w.lonLat(120.612, 28.108);
        w.namedPoints["小子溪水库"] = makePoint(xiaozixi);
        sources.push_back(
            {"SY02", "小子溪水库", "reservoir", "county (backup)",
             reservoirZones(w, xiaozixi, 330.0, {xiaozixi.x - 900.0, xiaozixi.y + 900.0})});
    }
    {
        const double c = nanxiChainage(w, 4);
        w.namedPoints["岩头渡头取水口"] = makePoint(pointAt(nanxi, c));
        sources.push_back({"SY03", "岩头渡头", "river", "township", riverZones(w, nanxi, c, 60.0)});
    }
    {
        const double c = 0.35 * lineLength(fenglin);
        sources.push_back(
            {"SY04", "枫林八月辰光", "river", "township", riverZones(w, fenglin, c, 15.0)});
    }
    {
        const double c = 0.40 * lineLength(wamalong);
        sources.push_back(
            {"SY05", "岩坦蛙蟆垅", "river", "township", riverZones(w, wamalong, c, 15.0)});
    }
    {
        const Xy c = w.lonLat(120.828, 28.388);
        w.namedPoints["岭家岙山塘"] = makePoint(c);
        sources.push_back({"SY06", "鹤盛岭家岙山塘", "reservoir", "township",
                           reservoirZones(w, c, 140.0, {c.x + 600.0, c.y + 900.0})});
    }
    {
        const Xy c = w.lonLat(120.603, 28.300);
        w.namedPoints["醉溪水库"] = makePoint(c);
        sources.push_back({"SY07", "大若岩醉溪水库", "reservoir", "township",
                           reservoirZones(w, c, 230.0, {c.x - 700.0, c.y + 900.0})});
    }
    {
        const Xy c = w.lonLat(120.476, 28.362);
        w.namedPoints["黄连坑山塘"] = makePoint(c);
        sources.push_back({"SY08", "巽宅黄连坑山塘", "reservoir", "township",
                           reservoirZones(w, c, 130.0, {c.x - 500.0, c.y + 1000.0})});
    }

    std::vector<const GEOSGeometry*> all;
    std::vector<const GEOSGeometry*> core;
    const std::string origin = "synthetic, drawn by HJ 338-2018 rules (RULEBOOK §3.2)";
    for (Source& s : sources)
    {
        const char* levelName[] = {"一级保护区", "二级保护区", "准保护区"};
        const char* levelCode[] = {"I", "II", "quasi"};
        GeomPtr* geoms[] = {&s.zones.level1, &s.zones.level2, &s.zones.quasi};
        for (int k = 0; k < 3; ++k)
        {
            if (isEmpty(geoms[k]->get()))
            {
                continue;
            }
            GeomPtr g = asMulti(clone(geoms[k]->get()));
            all.push_back(geoms[k]->get());
            if (k < 2)
            {
                core.push_back(geoms[k]->get());
            }
            l.add(std::move(g), {{"zone_id", s.id + "-" + levelCode[k]},
                                 {"name", s.name + "饮用水水源" + levelName[k]},
                                 {"source_name", s.name},
                                 {"level", std::string(levelCode[k])},
                                 {"source_type", s.type},
                                 {"source_scale", s.scale},
                                 {"origin", origin}});
        }
        w.reservoirWater[s.name] = std::move(s.zones.water);
    }
    w.waterUnion = unionAll(all);
    w.waterCoreUnion = unionAll(core);
}

} // namespace redline::datagen
