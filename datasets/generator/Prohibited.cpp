// Other prohibition zones (RULEBOOK §5): livestock no-breeding zones, the 楠溪江 no-swimming,
// no-barbecue, no-camping and riverside-catering zones, the beach-forest range (calibrated to
// the published 1,274.41 ha) and the 楠溪江 basin within the county.
#include <ogr_core.h>

#include "ZoneShapes.hpp"

namespace redline::datagen
{
namespace
{

// The parts of the county that drain straight to the 瓯江 rather than through the 楠溪江: the
// 桥头–桥下–瓯北–黄田 slope in the south-west and the 乌牛 slope in the south-east. The divide is
// a synthetic line drawn between the real settlements (lon/lat).
GeomPtr nanxiBasin(const World& w)
{
    auto poly = [&](std::initializer_list<Xy> lonLat)
    {
        XyRing ring;
        for (const Xy& p : lonLat)
        {
            ring.push_back(w.lonLat(p.x, p.y));
        }
        return makePolygon(ring);
    };
    GeomPtr west = poly({{120.20, 27.95},
                         {120.20, 28.262},
                         {120.36, 28.262},
                         {120.45, 28.272},
                         {120.53, 28.252},
                         {120.575, 28.232},
                         {120.615, 28.205},
                         {120.640, 28.160},
                         {120.652, 28.120},
                         {120.690, 28.085},
                         {120.692, 28.050},
                         {120.696, 28.020},
                         {120.70, 27.95}});
    GeomPtr east = poly({{120.716, 27.95},
                         {120.718, 28.030},
                         {120.726, 28.070},
                         {120.752, 28.118},
                         {120.800, 28.140},
                         {120.860, 28.150},
                         {121.20, 28.150},
                         {121.20, 27.95}});
    GeomPtr outside = w.warp.apply(unite(west.get(), east.get()).get(), 50.0);
    return cleanPolygonal(difference(w.county.get(), outside.get()).get());
}

} // namespace

void buildProhibited(World& w)
{
    OutLayer& l = w.prohibited;
    l.name = "prohibited_zones";
    l.geometryType = wkbMultiPolygon;
    l.fields = {{"zone_id", FieldType::Text},
                {"name", FieldType::Text},
                {"prohibition", FieldType::Text},
                {"basis", FieldType::Text},
                {"origin", FieldType::Text}};
    const std::string synthetic = "synthetic extent from the rule's description";
    auto add = [&](GeomPtr g, const std::string& id, const std::string& name,
                   const std::string& prohibition, const std::string& basis)
    {
        g = cleanPolygonal(g.get());
        if (isEmpty(g.get()))
        {
            return;
        }
        l.add(asMulti(std::move(g)), {{"zone_id", id},
                                      {"name", name},
                                      {"prohibition", prohibition},
                                      {"basis", basis},
                                      {"origin", synthetic}});
    };
    const XyRing& nanxi = w.river("R01").line;
    const XyRing& xiaonanxi = w.river("R03").line;
    const XyRing& hesheng = w.river("R04").line;

    // Livestock no-breeding zones (畜禽规模养殖污染防治条例 Art. 11 + the county list).
    add(clone(w.waterUnion.get()), "JY-01", "饮用水水源保护区畜禽禁养区", "livestock",
        "畜禽规模养殖污染防治条例 第十一条");
    add(clone(w.scenicExtent.get()), "JY-02", "楠溪江风景名胜区畜禽禁养区", "livestock",
        "畜禽规模养殖污染防治条例 第十一条");
    add(clone(w.urbanUnion.get()), "JY-03", "城镇居住区畜禽禁养区", "livestock",
        "畜禽规模养殖污染防治条例 第十一条");
    {
        GeomPtr parks = emptyPolygon();
        for (const OutFeature& f : w.protectedAreas.features)
        {
            const std::string id = textOf(w.protectedAreas, f, "zone_id");
            if (id == "PA-LWT" || id == "PA-SHS")
            {
                parks = unite(parks.get(), f.geometry.get());
            }
        }
        add(std::move(parks), "JY-04", "龙湾潭、四海山森林公园畜禽禁养区", "livestock",
            "永嘉县畜禽养殖禁养区划定方案");
    }
    add(clone(w.redlineUnion.get()), "JY-05", "生态保护红线畜禽禁养区", "livestock",
        "永嘉县畜禽养殖禁养区划定方案");

    // 楠溪江保护范围各类禁止区域 (county notice, 2020).
    {
        std::vector<const GEOSGeometry*> waters;
        for (const auto& [name, g] : w.reservoirWater)
        {
            waters.push_back(g.get());
        }
        GeomPtr swim = unionAll(waters);
        GeomPtr shiweiyan = organicInCounty(
            w, blob(w.place("楠溪江风景名胜区-石桅岩景区"), 800.0, 0.3, w.rng).get());
        add(unite(swim.get(), shiweiyan.get()), "JZ-01",
            "楠溪江饮用水水源保护区水域及石桅岩禁止游泳区", "no_swimming",
            "楠溪江保护范围各类禁止区域划定方案 (2020)");
    }
    {
        GeomPtr main = corridor(nanxi, 0.0, lineLength(nanxi), 250.0);
        GeomPtr xnx = corridor(xiaonanxi, 0.0, lineLength(xiaonanxi), 150.0);
        GeomPtr hs = corridor(hesheng, 0.0, lineLength(hesheng), 150.0);
        GeomPtr all = unite(unite(main.get(), xnx.get()).get(), hs.get());
        add(intersection(all.get(), w.county.get()), "JZ-02",
            "楠溪江干流及主要支流规划行洪控制线内禁止露天烧烤区", "no_bbq",
            "楠溪江保护范围各类禁止区域划定方案 (2020)");
    }
    {
        struct Reach
        {
            const char* name;
            int anchor;
            double from;
            double to;
        };
        const Reach reaches[] = {{"渡头–深固段", 4, -1500.0, 1500.0},
                                 {"东升–下家岙（过路滩）段", 6, -1500.0, 1500.0},
                                 {"上庙活–稠树段", 3, -1200.0, 1200.0},
                                 {"下城岙–泰石段", 7, -1500.0, 1000.0}};
        int n = 0;
        for (const Reach& r : reaches)
        {
            const double c = nanxiChainage(w, r.anchor);
            add(intersection(corridor(nanxi, c + r.from, c + r.to, 200.0, true).get(),
                             w.county.get()),
                "JZ-03-" + std::to_string(++n),
                std::string("楠溪江供水水源") + r.name + "禁止露营区", "no_camping",
                "永嘉县楠溪江供水水源河段禁止露营通告 (2024)");
        }
    }
    add(intersection(corridor(nanxi, nanxiChainage(w, 4), nanxiChainage(w, 6), 150.0, true).get(),
                     w.county.get()),
        "JZ-04", "楠溪江岩头段离岸禁止餐饮区", "no_riverside_catering",
        "楠溪江保护范围各类禁止区域划定方案 (2020); extent unverified");

    // Beach forest (滩林): strips along the channels in the eight towns the county lists,
    // calibrated to the published 1,274.41 ha on the ellipsoid.
    {
        GeomPtr towns = emptyPolygon();
        for (const OutFeature& t : w.townships.features)
        {
            const std::string name = textOf(w.townships, t, "name");
            for (const char* town :
                 {"沙头镇", "岩头镇", "枫林镇", "鹤盛镇", "岩坦镇", "大若岩镇", "碧莲镇", "巽宅镇"})
            {
                if (name == town)
                {
                    towns = unite(towns.get(), t.geometry.get());
                }
            }
        }
        GeomPtr channel = unite(corridor(nanxi, 0.0, lineLength(nanxi), 70.0).get(),
                                corridor(xiaonanxi, 0.0, lineLength(xiaonanxi), 30.0).get());
        GeomPtr lines = makeCollection(GEOS_MULTILINESTRING,
                                       [&]
                                       {
                                           std::vector<GeomPtr> v;
                                           v.push_back(makeLine(lineSubstring(
                                               nanxi, nanxiChainage(w, 2), nanxiChainage(w, 9))));
                                           v.push_back(makeLine(xiaonanxi));
                                           v.push_back(makeLine(hesheng));
                                           return v;
                                       }());
        GeomPtr beach;
        auto build = [&](double width)
        {
            GeomPtr strip = buffer(lines.get(), width, 8);
            GeomPtr s = difference(strip.get(), channel.get());
            beach = cleanPolygonal(intersection(s.get(), towns.get()).get());
            return w.ellipsoidalKm2(beach.get());
        };
        const double width = bisect(build, 80.0, 1000.0, 12.7441, 0.0005, "beach forest");
        build(width);
        w.figures.beachForestEllipsoidalKm2 = w.ellipsoidalKm2(beach.get());
        add(std::move(beach), "JZ-05", "楠溪江滩林保护范围", "beach_forest",
            "永嘉县畜禽养殖禁养区划定方案（滩林保护范围 1274.41 公顷）; rules unverified");
    }
    add(nanxiBasin(w), "JZ-06", "楠溪江流域（永嘉县境内）", "nanxi_basin",
        "永嘉县生态环境保护\"十四五\"规划; 温州市楠溪江保护管理条例");
}

} // namespace redline::datagen
