// sites.gpkg: the plan's 18 key projects at their named places, and the designed screening
// cases. Each designed case is placed by searching outward from an anchor until the site hits
// exactly the zones its expected verdict was reasoned from (SiteScreen), so the verdict and
// reason written with it stay true when the zoning is regenerated.
#include <cmath>
#include <cstdio>
#include <numbers>
#include <stdexcept>

#include "SiteScreen.hpp"
#include "SitesCommon.hpp"
#include "ZoneShapes.hpp"

#include "redline/geo/Gcj02.hpp"

namespace redline::datagen
{
namespace
{

constexpr int kMaxCandidates = 5000;

Xy spiral(Xy anchor, int k, double step)
{
    if (k == 0)
    {
        return anchor;
    }
    int ring = 1;
    int idx = k - 1;
    while (idx >= 6 * ring)
    {
        idx -= 6 * ring;
        ++ring;
    }
    const double angle = 2.0 * std::numbers::pi * idx / (6.0 * ring) + ring * 0.37;
    return {anchor.x + ring * step * std::cos(angle), anchor.y + ring * step * std::sin(angle)};
}

const OutFeature& featureById(const OutLayer& l, const std::string& field, const std::string& id)
{
    for (const OutFeature& f : l.features)
    {
        if (textOf(l, f, field) == id)
        {
            return f;
        }
    }
    throw std::logic_error("no feature " + id + " in " + l.name);
}

Expect e(const std::string& layer, const std::string& field, const std::string& value, Rel rel,
         bool required = true)
{
    return Expect{layer, field, value, rel, required};
}
const Expect kBasinOpt{"prohibited_zones", "prohibition", "nanxi_basin", Rel::Any, false};
const Expect kBasin{"prohibited_zones", "prohibition", "nanxi_basin", Rel::Within, true};
const Expect kLivestockOpt{"prohibited_zones", "prohibition", "livestock", Rel::Any, false};
Expect cu(const std::string& type, Rel rel = Rel::Within)
{
    return e("control_units", "unit_type", type, rel);
}

struct Designed
{
    std::string id;
    std::string name;
    std::function<GeomPtr(int)> candidate; // null result = skip this k
    std::vector<Expect> expects;
    bool allowOthers = false;
    std::function<bool(const GEOSGeometry*)> extra;
    Attrs attrs;
    std::string verdict;
    std::string reason;
};

// Stretch of a polygon shell starting at vertex i, about 'len' m long and nearly straight.
bool straightStretch(const XyRing& shell, std::size_t i, double len, Xy& a, Xy& b,
                     std::vector<Xy>& pts)
{
    pts.clear();
    const std::size_t n = shell.size() - 1;
    pts.push_back(shell[i % n]);
    for (std::size_t k = 1; k < 40; ++k)
    {
        pts.push_back(shell[(i + k) % n]);
        if (std::hypot(pts.back().x - pts.front().x, pts.back().y - pts.front().y) >= len)
        {
            break;
        }
    }
    a = pts.front();
    b = pts.back();
    const double chord = std::hypot(b.x - a.x, b.y - a.y);
    if (chord < len)
    {
        return false;
    }
    for (const Xy& p : pts)
    {
        const double dev = std::fabs((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)) / chord;
        if (dev > 2.0)
        {
            return false;
        }
    }
    return true;
}

// Unit normal of a→b pointing away from 'zone'.
Xy outward(const GEOSGeometry* zone, Xy a, Xy b)
{
    const double len = std::hypot(b.x - a.x, b.y - a.y);
    Xy n{-(b.y - a.y) / len, (b.x - a.x) / len};
    GeomPtr probe = makePoint({(a.x + b.x) / 2 + n.x * 5.0, (a.y + b.y) / 2 + n.y * 5.0});
    if (GEOSIntersects_r(geosContext(), zone, probe.get()) == 1)
    {
        n = {-n.x, -n.y};
    }
    return n;
}

GeomPtr roundToMm(const GEOSGeometry* g)
{
    return transformXy(
        g,
        [](Xy p) {
            return Xy{std::round(p.x * 1000.0) / 1000.0, std::round(p.y * 1000.0) / 1000.0};
        });
}

GeomPtr toGcj02LonLat(const World& w, const GEOSGeometry* g)
{
    return transformXy(g,
                       [&](Xy p)
                       {
                           const Xy ll = w.proj.toLonLat(p);
                           const Point gcj = wgs84ToGcj02(Point{ll.x, ll.y});
                           return Xy{gcj.x, gcj.y};
                       });
}

} // namespace

void buildSites(World& w)
{
    initSitesLayer(w);
    addPlanProjects(w);

    const SiteScreen screen(w, 100.0);
    const GEOSGeometry* redline = w.redlineUnion.get();
    const OutFeature& hx04 = featureById(w.redline, "zone_id", "HX-04");
    const auto hx04Polys = polygons(hx04.geometry.get());
    auto rect = [](Xy c, double a, double aspect = 1.6, double angle = 0.3)
    { return [=](int k) { return rectangle(spiral(c, k, 90.0), a, aspect, angle); }; };

    std::vector<Designed> cases;
    const std::string rl = "ecological_redline";
    const std::string pa = "protected_areas";
    const std::string wz = "water_protection_zones";
    const std::string pz = "prohibited_zones";

    // --- ecological red line --------------------------------------------------------------
    cases.push_back({"D01",
                     "界坑林区新建塑料制品厂（红线内）",
                     rect(w.lonLat(120.407, 28.462), 8000),
                     {e(rl, "zone_id", "HX-04", Rel::Within),
                      e("control_units", "priority_subtype", "ecological_redline", Rel::Within),
                      kLivestockOpt, kBasinOpt},
                     false,
                     nullptr,
                     industrial("C2929", 2, "new", {{"discharges_pollutants", std::int64_t{1}}}),
                     "prohibited",
                     "ERL-02: new industrial project wholly inside the ecological red line "
                     "(生态公益林水源涵养); TL-01/TL-02 priority unit on the red line; also NX-06 "
                     "(new industry in the 楠溪江 basin)."});
    {
        auto candidate = [&, polys = &hx04Polys](int k) -> GeomPtr
        {
            const auto& shell = (*polys)[static_cast<std::size_t>(k) % polys->size()][0];
            const Xy p = shell[(static_cast<std::size_t>(k) * 37) % (shell.size() - 1)];
            return rectangle(p, 20000, 1.5, 0.2 * k);
        };
        auto straddles = [&](const GEOSGeometry* s)
        {
            const double share = area(intersection(s, redline).get()) / area(s);
            return share > 0.3 && share < 0.7;
        };
        cases.push_back(
            {"D02",
             "跨越红线边界的制鞋厂",
             candidate,
             {e(rl, "zone_id", "HX-04", Rel::Overlap),
              e("control_units", "priority_subtype", "ecological_redline", Rel::Overlap),
              cu("general", Rel::Overlap), kLivestockOpt, kBasinOpt},
             false,
             straddles,
             industrial("C1953", 2, "new", {}),
             "prohibited",
             "ERL-02: part of the new factory lies inside the red line (生态公益林水源涵养); "
             "overlap by any share is enough; also NX-06 in the 楠溪江 basin."});
    }
    {
        const Xy village = pointXy(w.namedPoints.at("界坑林区村庄").get());
        cases.push_back(
            {"D03",
             "林区村庄村民自建住房（红线空洞内）",
             [=](int k) { return rectangle(spiral(village, k, 20.0), 300, 1.2, 0.5); },
             {cu("general"), kBasinOpt},
             false,
             nullptr,
             project("resident_livelihood", "", "rebuild", {}),
             "allowed",
             "The site lies in a hole of the red line (a village inside 生态公益林水源涵养), "
             "more than 100 m from it: no red-line hit. General unit: no rule for a "
             "non-industrial project; 楠溪江 basin: not industrial, no high total "
             "nitrogen."});
    }
    {
        auto candidate = [&, polys = &hx04Polys](int k) -> GeomPtr
        {
            const auto& shell = (*polys)[static_cast<std::size_t>(k) % polys->size()][0];
            const std::size_t i = (static_cast<std::size_t>(k) * 53) % (shell.size() - 1);
            Xy a;
            Xy b;
            std::vector<Xy> pts;
            if (!straightStretch(shell, i, 90.0, a, b, pts))
            {
                return nullptr;
            }
            const Xy n = outward(hx04.geometry.get(), a, b);
            XyRing ring(pts.begin(), pts.end());
            ring.push_back({b.x + n.x * 60, b.y + n.y * 60});
            ring.push_back({a.x + n.x * 60, a.y + n.y * 60});
            GeomPtr g = makePolygon(ring);
            return isValid(g.get()) ? std::move(g) : nullptr;
        };
        cases.push_back(
            {"D04",
             "紧邻红线边界的村文化礼堂（仅边界接触）",
             candidate,
             {e(rl, "zone_id", "HX-04", Rel::Touch),
              e("control_units", "priority_subtype", "ecological_redline", Rel::Touch),
              cu("general"), e(pz, "prohibition", "livestock", Rel::Touch, false), kBasinOpt},
             false,
             nullptr,
             project("public_service", "", "new", {}),
             "needs_review",
             "Edge-only contact with the red line: distance 0, overlap 0, so it is a "
             "buffer hit, capped at needs_review (ERL-08; TL-01 follows the red line). "
             "General unit and basin: no rule for this project."});
    }
    {
        auto candidate = [&, polys = &hx04Polys](int k) -> GeomPtr
        {
            const auto& shell = (*polys)[static_cast<std::size_t>(k) % polys->size()][0];
            const std::size_t i = (static_cast<std::size_t>(k) * 41) % (shell.size() - 1);
            Xy a;
            Xy b;
            std::vector<Xy> pts;
            if (!straightStretch(shell, i, 60.0, a, b, pts))
            {
                return nullptr;
            }
            const Xy n = outward(hx04.geometry.get(), a, b);
            const double len = std::hypot(b.x - a.x, b.y - a.y);
            const Xy d{(b.x - a.x) / len, (b.y - a.y) / len};
            const Xy p0{a.x + n.x * 50, a.y + n.y * 50};
            return makePolygon({p0,
                                {p0.x + d.x * 60, p0.y + d.y * 60},
                                {p0.x + d.x * 60 + n.x * 60, p0.y + d.y * 60 + n.y * 60},
                                {p0.x + n.x * 60, p0.y + n.y * 60}});
        };
        auto fiftyMetres = [&](const GEOSGeometry* s)
        {
            const double d = distance(s, redline);
            return d >= 48.0 && d <= 52.0;
        };
        cases.push_back(
            {"D05",
             "距红线约50米的农村公厕",
             candidate,
             {e(rl, "zone_id", "HX-04", Rel::Near),
              e("control_units", "priority_subtype", "ecological_redline", Rel::Near),
              cu("general"), e(pz, "prohibition", "livestock", Rel::Near, false), kBasinOpt},
             false,
             fiftyMetres,
             project("public_service", "", "new", {}),
             "needs_review",
             "About 50 m outside the red line, within the 100 m buffer: ERL-08 "
             "needs_review (indirect impact). No overlap with any zone but its general "
             "unit, where no rule applies."});
    }
    {
        const Xy c = w.lonLat(120.858, 28.205);
        auto road = [&, c](double shift)
        {
            return [=, &w](int k) -> GeomPtr
            {
                const Xy m = spiral({c.x + shift, c.y}, k, 150.0);
                const double ang = 0.45 * k;
                const Xy d{std::cos(ang), std::sin(ang)};
                (void)w;
                return makeLine(
                    {{m.x - d.x * 3200, m.y - d.y * 3200}, {m.x + d.x * 3200, m.y + d.y * 3200}});
            };
        };
        auto crosses = [&](const GEOSGeometry* s)
        {
            const auto pts = rings(s)[0];
            GeomPtr a = makePoint(pts.front());
            GeomPtr b = makePoint(pts.back());
            return distance(a.get(), redline) > 150.0 && distance(b.get(), redline) > 150.0;
        };
        const std::vector<Expect> roadHits = {
            e(rl, "zone_id", "HX-04", Rel::Overlap),
            e("control_units", "priority_subtype", "ecological_redline", Rel::Overlap),
            cu("general", Rel::Any), kLivestockOpt, kBasinOpt};
        cases.push_back(
            {"D06", "穿越红线的县道改线工程（不可避让、符合县级规划）", road(0.0), roadHits, false,
             crosses,
             project("road", "E4812", "new",
                     {{"unavoidable", std::int64_t{1}},
                      {"in_county_plan", std::int64_t{1}},
                      {"new_construction_land", std::int64_t{1}}}),
             "restricted",
             "ERL-03: linear infrastructure that cannot avoid the red line and conforms "
             "to the county spatial plan is permitted activity no. 6 — restricted, with "
             "a provincial 认定意见 because it needs new construction land. Other units "
             "and the basin: no rule for a road."});
        cases.push_back(
            {"D07", "穿越红线的乡村道路（未论证不可避让）", road(900.0), roadHits, false, crosses,
             project("road", "E4812", "new",
                     {{"unavoidable", std::int64_t{0}}, {"in_county_plan", std::int64_t{1}}}),
             "prohibited",
             "ERL-04: a linear project crossing the red line without being unavoidable "
             "and in the county plan is prohibited (re-route)."});
        Attrs unknown = project("road", "E4812", "new", {{"in_county_plan", std::int64_t{1}}});
        setAttr(unknown, "unavoidable", std::monostate{});
        cases.push_back(
            {"D08", "穿越红线的林区道路（是否可避让未填报）", road(-900.0), roadHits, false,
             crosses, unknown, "restricted",
             "The road crosses the red line but `unavoidable` is not stated: stated true it "
             "is restricted (ERL-03), stated false prohibited (ERL-04); the hit takes the "
             "least severe verdict still possible, restricted, and names unavoidable as the "
             "value that decides (信息不足, issue 9)."});
    }
    cases.push_back(
        {"D09",
         "红线内水质自动监测站（点位）",
         [c = w.lonLat(120.860, 28.208)](int k) { return makePoint(spiral(c, k, 80.0)); },
         {e(rl, "zone_id", "HX-04", Rel::Within),
          e("control_units", "priority_subtype", "ecological_redline", Rel::Within), kLivestockOpt,
          kBasinOpt},
         false,
         nullptr,
         project("research_monitoring", "M7461", "new", {}),
         "restricted",
         "A point site inside the red line: research/monitoring is permitted activity "
         "no. 1 (ERL-06), restricted to facilities needed for monitoring; TL-01 follows "
         "the red line."});
    cases.push_back(
        {"D10",
         "红线内采石场",
         rect(w.lonLat(120.660, 28.520), 30000),
         {e(rl, "", "", Rel::Overlap)},
         true,
         nullptr,
         project("mining", "B1019", "new", {{"discharges_pollutants", std::int64_t{1}}}),
         "prohibited",
         "ERL-02: quarrying inside the red line (楠溪江饮水工程) is prohibited; the site is "
         "also in the 楠溪江 scenic area (PA-06 quarrying prohibited)."});

    // --- protected areas --------------------------------------------------------------------
    cases.push_back(
        {"D11",
         "石桅岩核心景区新建度假酒店",
         rect(w.place("楠溪江风景名胜区-石桅岩景区"), 6000),
         {e(pa, "zoning", "core", Rel::Within)},
         true,
         nullptr,
         project("tourism_facility", "H6110", "new", {{"discharges_pollutants", std::int64_t{1}}}),
         "prohibited",
         "PA-07: a hotel in the core scenic zone (核心景区) of the 楠溪江 scenic area is "
         "prohibited; it is also red line ∩ core (ERL-01)."});
    {
        const Xy lwt = w.lonLat(120.905, 28.352);
        cases.push_back(
            {"D12",
             "龙湾潭森林公园游客服务中心（红线外）",
             rect({lwt.x - 1200, lwt.y - 900}, 3000),
             {e(pa, "zone_id", "PA-LWT", Rel::Within),
              e("control_units", "priority_subtype", "ecological_space", Rel::Within),
              e(pz, "zone_id", "JY-04", Rel::Within), kBasinOpt},
             false,
             nullptr,
             project("tourism_facility", "N7861", "new", {}),
             "restricted",
             "PA-09: forest parks are managed as general control zones — restricted, "
             "needs the forestry authority's consent. Priority unit (ecological space): "
             "TL-03 needs_review. Not in the red line."});
        cases.push_back({"D13",
                         "龙湾潭森林公园内新建制鞋厂",
                         rect({lwt.x - 1000, lwt.y - 1100}, 9000),
                         {e(pa, "zone_id", "PA-LWT", Rel::Within),
                          e("control_units", "priority_subtype", "ecological_space", Rel::Within)},
                         true,
                         nullptr,
                         industrial("C1953", 2, "new", {}),
                         "prohibited",
                         "TL-02: a class-2 footwear plant (新建) in a priority protection unit is "
                         "prohibited; also NX-06 (new industry in the 楠溪江 basin)."});
    }
    cases.push_back(
        {"D14",
         "楠溪江湿地公园滩地生态修复",
         [&w](int k)
         {
             const XyRing& nx = w.river("R01").line;
             const double c = nanxiChainage(w, 11) + 40.0 * k;
             const Xy p = pointAt(nx, c);
             const Xy d = directionAt(nx, c);
             return rectangle({p.x + d.y * 300, p.y - d.x * 300}, 2500, 3.0, std::atan2(d.y, d.x));
         },
         {e(pa, "category", "wetland_park", Rel::Within), cu("priority", Rel::Within),
          e(pz, "prohibition", "no_bbq", Rel::Any, false), kBasinOpt},
         false,
         nullptr,
         project("eco_restoration", "N7712", "new", {}),
         "restricted",
         "PA-09/PA-11: restoration in a wetland park is allowed only with the "
         "authority's consent (restricted); priority unit TL-03 needs_review; the "
         "no-barbecue zone bans barbecues only."});

    // --- water source protection zones ------------------------------------------------------
    {
        const Xy ljq = pointXy(w.namedPoints.at("岭家岙山塘").get());
        cases.push_back(
            {"D15",
             "岭家岙山塘一级保护区内农家乐餐厅",
             [=](int k) { return rectangle(spiral(ljq, k, 25.0), 600, 1.5, 0.8); },
             {e(wz, "level", "I", Rel::Within), cu("priority"), kLivestockOpt, kBasinOpt,
              e(wz, "level", "II", Rel::Near, false)},
             false,
             [&w](const GEOSGeometry* s)
             { return distance(s, w.reservoirWater.at("鹤盛岭家岙山塘").get()) > 100.0; },
             project("catering", "H6210", "new", {{"discharges_pollutants", std::int64_t{1}}}),
             "prohibited",
             "DW-02/DW-04: construction not serving water supply, and catering, in a "
             "level-I source protection zone are prohibited (WPPL Art. 65)."});
        cases.push_back(
            {"D16",
             "岭家岙山塘二级保护区内新建民宿（有污水排放）",
             [=](int k) {
                 return rectangle(spiral({ljq.x + 900, ljq.y + 900}, k, 60.0), 1500, 1.4, 0.1);
             },
             {e(wz, "level", "II", Rel::Within), cu("priority"), kLivestockOpt, kBasinOpt},
             false,
             nullptr,
             project("tourism_facility", "H6130", "new",
                     {{"discharges_pollutants", std::int64_t{1}}}),
             "prohibited",
             "DW-05: a new project discharging pollutants in a level-II zone is "
             "prohibited (WPPL Art. 66; ZJ Art. 22)."});
        cases.push_back(
            {"D17",
             "岭家岙山塘二级保护区内游步道（无排污）",
             [=](int k)
             {
                 const Xy m = spiral({ljq.x + 700, ljq.y + 1100}, k, 60.0);
                 return makeLine({{m.x - 150, m.y - 60}, {m.x, m.y + 20}, {m.x + 150, m.y + 40}});
             },
             {e(wz, "level", "II", Rel::Within), cu("priority"), kLivestockOpt, kBasinOpt},
             false,
             nullptr,
             project("tourism_facility", "N7861", "new", {}),
             "needs_review",
             "DW-07: a project without pollutant discharge (a footpath) in a level-II "
             "zone needs measures against water pollution — needs_review; priority unit "
             "TL-03 needs_review."});
    }
    {
        const Xy xzx = pointXy(w.namedPoints.at("小子溪水库").get());
        cases.push_back(
            {"D18",
             "小子溪水库准保护区内新建民宿（有污水排放）",
             [=](int k) {
                 return rectangle(spiral({xzx.x + 1800, xzx.y - 1500}, k, 60.0), 2500, 1.3, 0.4);
             },
             {e(wz, "level", "quasi", Rel::Within), cu("general"),
              e(pz, "zone_id", "JY-01", Rel::Within)},
             false,
             nullptr,
             project("tourism_facility", "H6130", "new",
                     {{"discharges_pollutants", std::int64_t{1}}}),
             "restricted",
             "DW-11: other discharging projects in a quasi zone are restricted (reduce "
             "discharge, meet the water target). Outside the 楠溪江 basin; general unit "
             "without a total-load cap: no rule."});
        cases.push_back(
            {"D19",
             "小子溪水库准保护区内新建生猪养殖场",
             [=](int k) {
                 return rectangle(spiral({xzx.x - 1500, xzx.y + 2600}, k, 60.0), 6000, 2.0, 0.9);
             },
             {e(wz, "level", "quasi", Rel::Within)},
             true,
             nullptr,
             project("livestock_farm", "A0313", "new",
                     {{"discharges_pollutants", std::int64_t{1}},
                      {"heavy_water_polluter", std::int64_t{1}},
                      {"high_total_nitrogen", std::int64_t{1}}}),
             "prohibited",
             "DW-08: a new scale livestock farm (heavy water polluter) in a quasi zone is "
             "prohibited; also LV-01 (the source zones are no-breeding zones)."});
        cases.push_back(
            {"D20",
             "小子溪水库准保护区外50米内的供水管道",
             [=](int k) -> GeomPtr
             {
                 const Xy m = spiral({xzx.x + 3000, xzx.y}, k, 40.0);
                 return makeLine({{m.x, m.y - 200}, {m.x + 30, m.y}, {m.x, m.y + 200}});
             },
             {e(wz, "level", "quasi", Rel::Near), cu("general", Rel::Any),
              e(pz, "zone_id", "JY-01", Rel::Near)},
             false,
             [&w](const GEOSGeometry* s) { return distance(s, w.waterUnion.get()) <= 60.0; },
             project("pipeline", "E4821", "new", {}),
             "needs_review",
             "DW-14: within the buffer of a quasi zone, not overlapping it — "
             "needs_review. The no-breeding buffer (LV-02) concerns livestock farms only."});
        cases.push_back({"D21",
                         "楠溪江引供水工程二级保护区内污水排放口",
                         [&w](int k)
                         {
                             const XyRing& nx = w.river("R01").line;
                             const Xy p =
                                 pointAt(nx, nanxiChainage(w, 8) - 2500.0 - 2000.0 + 30.0 * k);
                             return makePoint(p);
                         },
                         {e(wz, "level", "II", Rel::Within)},
                         true,
                         nullptr,
                         project("other", "D4620", "new",
                                 {{"sewage_outfall", std::int64_t{1}},
                                  {"discharges_pollutants", std::int64_t{1}}}),
                         "prohibited",
                         "DW-01: a sewage outfall in any level of a source protection zone is "
                         "prohibited (WPPL Art. 64)."});
    }

    // --- control units and the 楠溪江 basin ----------------------------------------------------
    cases.push_back(
        {"D22",
         "东瓯工业区电镀园区新建项目",
         rect(w.place("东瓯工业区(瓯北)"), 15000),
         {e("control_units", "key_subtype", "industrial_cluster", Rel::Within)},
         false,
         nullptr,
         industrial("C3360", 3, "new",
                    {{"discharges_pollutants", std::int64_t{1}},
                     {"heavy_water_polluter", std::int64_t{1}}}),
         "restricted",
         "TL-06: industry in an industrial-cluster key unit is restricted (park "
         "orientation, green buffer, emission offset); TL-09 total-load cap. Outside the "
         "楠溪江 basin and every other zone."});
    cases.push_back({"D23",
                     "上塘工业区新建电镀项目（楠溪江流域内）",
                     rect(w.place("上塘工业区"), 15000),
                     {e("control_units", "key_subtype", "industrial_cluster", Rel::Within), kBasin},
                     true,
                     nullptr,
                     industrial("C3360", 3, "new",
                                {{"discharges_pollutants", std::int64_t{1}},
                                 {"heavy_water_polluter", std::int64_t{1}}}),
                     "prohibited",
                     "NX-06: no new industrial project in the 楠溪江 basin — prohibited, although "
                     "the industrial-cluster unit alone would only restrict it (TL-06)."});
    cases.push_back(
        {"D24",
         "瓯北城区新建注塑件厂",
         rect(w.place("瓯北街道"), 5000),
         {e("control_units", "key_subtype", "urban_living", Rel::Within),
          e(pz, "zone_id", "JY-03", Rel::Within)},
         false,
         nullptr,
         industrial("C2929", 2, "new", {}),
         "restricted",
         "TL-05: a class-2 industrial project in an urban-living key unit is allowed "
         "only inside a designated 工业功能区 (restricted). No discharge flag, so TL-09 "
         "does not apply; the no-breeding zone concerns livestock only."});
    cases.push_back(
        {"D25",
         "瓯北城区新建制革厂",
         rect({w.place("瓯北街道").x + 600, w.place("瓯北街道").y + 400}, 8000),
         {e("control_units", "key_subtype", "urban_living", Rel::Within)},
         true,
         nullptr,
         industrial("C1910", 3, "new",
                    {{"discharges_pollutants", std::int64_t{1}},
                     {"high_total_nitrogen", std::int64_t{1}}}),
         "prohibited",
         "TL-04: a class-3 project (tanning) in an urban-living key unit is prohibited."});
    cases.push_back(
        {"D26",
         "桥下镇一般管控单元内阀门装配厂",
         rect(w.lonLat(120.540, 28.200), 10000),
         {cu("general")},
         false,
         nullptr,
         industrial("C3443", 1, "new", {}),
         "allowed",
         "General unit, class-1 project without discharge: TL-07/TL-08 do not apply "
         "and TL-09 needs a discharge; outside the 楠溪江 basin and every other zone."});
    cases.push_back({"D27",
                     "桥头镇一般管控单元内注塑件厂（界址点文件）",
                     rect(w.lonLat(120.445, 28.205), 8000, 1.3, 0.15),
                     {cu("general")},
                     false,
                     nullptr,
                     industrial("C2929", 2, "new", {}),
                     "restricted",
                     "TL-08: a class-2 project in a general unit must sit in an 工业功能区 "
                     "(restricted). Also supplied as the 界址点 file sites_jzd.txt."});
    cases.push_back({"D28",
                     "乐清市境内选址（县域外）",
                     [c = w.lonLat(121.03, 28.27), &w](int k) -> GeomPtr
                     {
                         GeomPtr g = rectangle(spiral(c, k, 200.0), 5000, 1.5, 0.0);
                         return distance(g.get(), w.county.get()) > 500.0 ? std::move(g) : nullptr;
                     },
                     {},
                     false,
                     [&w](const GEOSGeometry* s)
                     {
                         for (const OutFeature& f : w.neighbours.features)
                         {
                             if (textOf(w.neighbours, f, "code") == "330382" &&
                                 GEOSContains_r(geosContext(), f.geometry.get(), s) == 1)
                             {
                                 return true;
                             }
                         }
                         return false;
                     },
                     project("public_service", "", "new", {}),
                     "needs_review",
                     "TL-10: the site lies outside every control unit (it is in 乐清市, outside "
                     "the county) — a data gap, needs_review."});
    {
        auto gcjHitsRedline = [&w](const GEOSGeometry* s)
        {
            // The same numbers read as if they were CGCS2000 would land ~0.55 km south-east,
            // inside the 瓯江 red-line strip: the case shows why GCJ-02 input must be converted.
            GeomPtr raw =
                transformXy(toGcj02LonLat(w, s).get(), [&w](Xy p) { return w.proj.toGk(p); });
            return area(intersection(raw.get(), w.redlineUnion.get()).get()) > 0.5 * area(s);
        };
        cases.push_back({"D29",
                         "桥头镇阀门厂（GCJ-02 坐标数字化）",
                         rect(w.place("瓯江#2"), 6000, 1.5, 0.0),
                         {cu("general")},
                         false,
                         gcjHitsRedline,
                         industrial("C3443", 1, "new", {}),
                         "allowed",
                         "Correctly converted from GCJ-02 the site is in a general unit outside "
                         "every zone and the 楠溪江 basin: class 1, no discharge — allowed. Read "
                         "unconverted it would fall inside the 瓯江水源保护 red line "
                         "(sites_gcj02.geojson, --site-crs gcj02)."});
    }
    cases.push_back({"D30",
                     "城镇居住区内新建养猪场（禁养区）",
                     rect(pointXy(pointOnSurface(w.urbanUnion.get()).get()), 5000),
                     {e(pz, "prohibition", "livestock", Rel::Within)},
                     true,
                     nullptr,
                     project("livestock_farm", "A0313", "new",
                             {{"discharges_pollutants", std::int64_t{1}},
                              {"heavy_water_polluter", std::int64_t{1}}}),
                     "prohibited",
                     "LV-01: a livestock farm inside a no-breeding zone (town residential area) is "
                     "prohibited."});

    for (Designed& c : cases)
    {
        GeomPtr chosen;
        for (int k = 0; k < kMaxCandidates && !chosen; ++k)
        {
            GeomPtr g = c.candidate(k);
            if (!g)
            {
                continue;
            }
            const auto hits = screen.hits(g.get());
            if (screen.matches(hits, c.expects, c.allowOthers) && (!c.extra || c.extra(g.get())))
            {
                chosen = std::move(g);
            }
        }
        if (!chosen)
        {
            throw std::runtime_error("no placement satisfies designed case " + c.id + " (" +
                                     c.name + ")");
        }
        if (c.id == "D27")
        {
            chosen = roundToMm(chosen.get());
            w.jzdLines = jzdFile(w, c.name, chosen.get());
        }
        GeomPtr gcj = c.id == "D29" ? toGcj02LonLat(w, chosen.get()) : nullptr;
        Attrs attrs = c.attrs;
        setAttr(attrs, "site_id", c.id);
        setAttr(attrs, "name", c.name);
        setAttr(attrs, "case_kind", std::string("designed"));
        setAttr(attrs, "expected_verdict", c.verdict);
        setAttr(attrs, "expected_reason", c.reason);
        addSite(w, std::move(chosen), attrs);
        if (gcj)
        {
            addGcj02Copy(w, std::move(gcj));
        }
    }
}

} // namespace redline::datagen
