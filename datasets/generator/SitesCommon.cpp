#include "SitesCommon.hpp"

#include <cmath>
#include <cstdio>
#include <numbers>

#include <ogr_core.h>

#include "ZoneShapes.hpp"

namespace redline::datagen
{
namespace
{

const char* kFlags[] = {"discharges_pollutants", "sewage_outfall",      "increases_discharge",
                        "heavy_water_polluter",  "high_total_nitrogen", "new_construction_land",
                        "unavoidable",           "in_county_plan",      "national_major"};

std::string format(const char* fmt, double a, double b)
{
    char buf[128];
    std::snprintf(buf, sizeof buf, fmt, a, b);
    return buf;
}

GeomPtr multi(int type, std::vector<GeomPtr> parts)
{
    return makeCollection(type, std::move(parts));
}

} // namespace

void setAttr(Attrs& attrs, const std::string& key, Value v)
{
    for (auto& [k, value] : attrs)
    {
        if (k == key)
        {
            value = std::move(v);
            return;
        }
    }
    attrs.emplace_back(key, std::move(v));
}

Attrs project(const std::string& type, const std::string& industryCode,
              const std::string& construction, const Attrs& overrides)
{
    Attrs a;
    a.emplace_back("project_type", type);
    a.emplace_back("industry_code", industryCode.empty() ? Value{} : Value{industryCode});
    a.emplace_back("construction", construction);
    for (const char* f : kFlags)
    {
        a.emplace_back(f, std::int64_t{0});
    }
    for (const auto& [k, v] : overrides)
    {
        setAttr(a, k, v);
    }
    return a;
}

Attrs industrial(const std::string& industryCode, int zjClass, const std::string& construction,
                 const Attrs& overrides)
{
    Attrs a = project("industrial", industryCode, construction, overrides);
    setAttr(a, "zj_industrial_class", std::int64_t{zjClass});
    return a;
}

std::vector<Field> siteFields()
{
    std::vector<Field> fields = {
        {"site_id", FieldType::Text},      {"name", FieldType::Text},
        {"case_kind", FieldType::Text},    {"industry_code", FieldType::Text},
        {"project_type", FieldType::Text}, {"construction", FieldType::Text}};
    for (const char* f : kFlags)
    {
        fields.push_back({f, FieldType::Integer});
    }
    const std::vector<Field> rest = {{"zj_industrial_class", FieldType::Integer},
                                     {"township", FieldType::Text},
                                     {"plan_no", FieldType::Integer},
                                     {"plan_type", FieldType::Text},
                                     {"content", FieldType::Text},
                                     {"period", FieldType::Text},
                                     {"invest_total", FieldType::Real},
                                     {"invest_14th", FieldType::Real},
                                     {"responsible", FieldType::Text},
                                     {"expected_verdict", FieldType::Text},
                                     {"expected_reason", FieldType::Text}};
    fields.insert(fields.end(), rest.begin(), rest.end());
    return fields;
}

void initSitesLayer(World& w)
{
    w.sites.name = "sites";
    w.sites.geometryType = wkbUnknown;
    w.sites.fields = siteFields();
    w.sitesGcj02.name = "sites_gcj02";
    w.sitesGcj02.geometryType = wkbUnknown;
    w.sitesGcj02.fields = siteFields();
}

void addSite(World& w, GeomPtr geometry, const Attrs& attrs)
{
    Attrs a = attrs;
    GeomPtr probe = pointOnSurface(geometry.get());
    for (const OutFeature& t : w.townships.features)
    {
        if (GEOSIntersects_r(geosContext(), t.geometry.get(), probe.get()) == 1)
        {
            setAttr(a, "township", textOf(w.townships, t, "name"));
            break;
        }
    }
    w.sites.add(std::move(geometry), a);
}

void addGcj02Copy(World& w, GeomPtr lonLatGcj02)
{
    OutFeature copy;
    copy.geometry = std::move(lonLatGcj02);
    copy.values = w.sites.features.back().values;
    w.sitesGcj02.features.push_back(std::move(copy));
}

std::vector<std::string> jzdFile(const World& w, const std::string& name, const GEOSGeometry* g)
{
    (void)w;
    std::vector<std::string> lines = {
        "[属性描述]",
        "格式版本号=1.01",
        "数据产生单位=永嘉县演示数据（redline-datagen，非真实报批数据）",
        "数据产生日期=2021-6-1",
        "坐标系=2000国家大地坐标系",
        "几度分带=3",
        "投影类型=高斯克吕格",
        "计量单位=米",
        "带号=40",
        "精度=0.001",
        "转换参数=,,,,,,",
        "[地块坐标]"};
    const auto ring = rings(g).front();
    char header[256];
    std::snprintf(header, sizeof header, "%zu,%.4f,D27,%s,面,,工业用地,,@", ring.size() - 1,
                  area(g) / 10000.0, name.c_str());
    lines.emplace_back(header);
    for (std::size_t i = 0; i < ring.size(); ++i)
    {
        const std::size_t number = i + 1 == ring.size() ? 1 : i + 1;
        // EPSG:4528 differs from EPSG:4549 only by the zone prefix 40 in the false easting.
        lines.push_back("J" + std::to_string(number) + ",1," +
                        format("%.3f,%.3f", ring[i].y, ring[i].x + 40000000.0));
    }
    return lines;
}

void addPlanProjects(World& w)
{
    struct Plan
    {
        int no;
        const char* type;
        const char* name;
        const char* content;
        const char* period;
        double total;
        double in14th;
        const char* responsible;
        const char* projectType;
        const char* code;
        const char* construction;
    };
    const Plan plans[] = {
        {1, "生态保护与建设", "乡村振兴示范带和跨区域精品带",
         "三江街道、岩头镇、岩坦镇、鹤盛镇、沙头镇、巽宅镇、茗岙乡5条乡村振兴示范带（沙头耕读客舍、"
         "沙头环湖生态、巽宅栖凤小镇、茗岙梯田风光、三江瓯窑文化）",
         "2020–2022", 6500, 4800, "县农业农村局", "other", "", "new"},
        {2, "生态保护与建设", "绿色生活体验地创建", "创建至少3个\"美丽温州\"绿色生活体验地",
         "2020–2025", 500, 500, "市生态环境局永嘉分局", "public_service", "", "new"},
        {3, "生态保护与建设", "永嘉县零污染村提质扩面",
         "以岩坦镇源头村为中心每年创建1个零污染村，至2025年不少于5个", "2020–2025", 500, 500,
         "市生态环境局永嘉分局", "eco_restoration", "", "rebuild"},
        {4, "生态保护与建设", "小楠溪流域综合治理工程",
         "治理河道25公里，新建堤防2公里，堤防加固5公里，清淤8公里，滩林修复11.3公里", "2023–2027",
         25000, 5000, "县水利局", "flood_control", "E4822", "rebuild"},
        {5, "生态保护与建设", "鹤盛溪（东皋溪）流域综合治理工程",
         "治理河道11.01公里，堤防3公里，清淤6公里，生态修复5公里", "2021–2025", 6000, 6000,
         "县水利局、鹤盛镇", "flood_control", "E4822", "rebuild"},
        {6, "生态保护与建设", "岩坦溪流域综合治理工程",
         "屿北、岩坦、小舟垟新建堤防约5公里，加固5公里，清淤5.5公里，生态修复4公里", "2020–2025",
         16000, 16000, "县水利局、岩坦镇", "flood_control", "E4822", "rebuild"},
        {7, "水环境", "永嘉县电镀行业提标改造",
         "桥头南片电镀污水处理有限公司、益企污水处理有限公司2座工业污水处理厂提标改造", "2020–2021",
         1000, 1000, "市生态环境局永嘉分局", "public_service", "D4620", "rebuild"},
        {8, "水环境", "全县污水处理厂、站新建扩容与提标工程",
         "新建峙口污水处理厂；桥头、桥下、黄田、岩坦、岩头、枫林、鹤盛、碧莲、沙头、巽宅、大若岩扩"
         "容提标；瓯北、江东提标",
         "2021–2023", 72000, 72000, "县水务集团", "public_service", "D4620", "expansion"},
        {9, "水环境", "永嘉县桥头镇工业污水处理厂", "位于桥头镇白垟工业区，占地约19亩", "2022–2025",
         20000, 20000, "县住建局、桥头镇", "public_service", "D4620", "new"},
        {10, "水环境", "永嘉县小子溪水库备用水源联网工程", "管道及隧洞共9.642公里", "2020–2023",
         15600, 10000, "县住建局", "water_supply", "E4821", "new"},
        {11, "水环境", "生活小区污水零直排建设", "续建23个，2021年新开工109个", "2020–2022", 57000,
         56000, "县住建局", "pipeline", "D4620", "rebuild"},
        {12, "水环境", "工业园区\"污水零直排\"建设工程", "26个工业园区", "2021–2022", 21300, 21300,
         "市生态环境局永嘉分局", "pipeline", "D4620", "rebuild"},
        {13, "水环境", "全县城镇污水管网和农村污水处理", "216个污水管网及农村污水处理项目",
         "2021–2023", 124500, 124500, "县水务集团", "pipeline", "D4620", "new"},
        {14, "水环境", "东瓯工业区污水管网工程",
         "污水管网15600米，倒虹管3处，泵站，接户管36503米（瓯北街道）", "2023–2025", 15900, 15900,
         "县住建局、瓯北街道", "pipeline", "D4620", "new"},
        {15, "固体废物", "永嘉县生活垃圾填埋场工程", "占地202.69亩，库容39.7万立方米", "2020–2021",
         13800, 6000, "县住建局", "public_service", "N7820", "new"},
        {16, "能力建设", "重点排污单位污染源自动监控设施现场端建设", "重点排污单位在线监控设施",
         "2019–2021", 500, 500, "市生态环境局永嘉分局", "research_monitoring", "M7461", "new"},
        {17, "能力建设", "数字环保新基建", "涂装、印刷、制鞋企业监控", "2021–2025", 500, 500,
         "市生态环境局永嘉分局", "research_monitoring", "M7461", "new"},
        {18, "能力建设", "县级环境监测站监测能力提升", "实验室设备", "2021–2025", 500, 500,
         "市生态环境局永嘉分局", "research_monitoring", "M7461", "rebuild"},
    };
    const XyRing& nanxi = w.river("R01").line;
    auto pt = [](Xy p) { return makePoint(p); };
    auto seat = [&](const char* name, double dx = 0, double dy = 0)
    {
        const Xy p = w.place(name);
        return Xy{p.x + dx, p.y + dy};
    };
    auto near = [&](const char* name) { return pt(seat(name, 150.0, -150.0)); };
    Rng rng(0x5eed0001);
    auto pointsIn = [&](const GEOSGeometry* area, int n)
    {
        std::vector<GeomPtr> pts;
        const auto box = rings(envelope(area).get()).front();
        const double x0 = std::min(box[0].x, box[2].x);
        const double x1 = std::max(box[0].x, box[2].x);
        const double y0 = std::min(box[0].y, box[2].y);
        const double y1 = std::max(box[0].y, box[2].y);
        while (static_cast<int>(pts.size()) < n)
        {
            GeomPtr p = makePoint({rng.uniform(x0, x1), rng.uniform(y0, y1)});
            if (GEOSIntersects_r(geosContext(), area, p.get()) == 1)
            {
                pts.push_back(std::move(p));
            }
        }
        return multi(GEOS_MULTIPOINT, std::move(pts));
    };
    auto unitsOf = [&](const char* field, const char* value)
    {
        std::vector<const GEOSGeometry*> parts;
        for (const OutFeature& f : w.controlUnits.features)
        {
            if (textOf(w.controlUnits, f, field) == value)
            {
                parts.push_back(f.geometry.get());
            }
        }
        return unionAll(parts);
    };
    GeomPtr industrialUnits = unitsOf("key_subtype", "industrial_cluster");

    std::vector<GeomPtr> geoms;
    {
        // 1: five belts, each a few km through its villages.
        std::vector<GeomPtr> belts;
        belts.push_back(makeLine({seat("三江街道"), seat("三江街道", 2500, 1800)}));
        belts.push_back(
            makeLine(lineSubstring(nanxi, nanxiChainage(w, 5) - 1500, nanxiChainage(w, 5) + 2500)));
        belts.push_back(
            makeLine(lineSubstring(nanxi, nanxiChainage(w, 8) - 3000, nanxiChainage(w, 8) + 500)));
        belts.push_back(makeLine({seat("巽宅镇"), seat("巽宅镇", 1800, -2200)}));
        belts.push_back(makeLine({seat("茗岙乡"), seat("茗岙乡", -1500, -1200)}));
        geoms.push_back(multi(GEOS_MULTILINESTRING, std::move(belts)));
    }
    {
        std::vector<GeomPtr> p;
        p.push_back(near("北城街道"));
        p.push_back(near("岩头镇"));
        p.push_back(near("沙头镇"));
        geoms.push_back(multi(GEOS_MULTIPOINT, std::move(p)));
    }
    geoms.push_back(w.warp.apply(blob(w.place("楠溪江#1"), 350.0, 0.3, rng, 120).get(), 20));
    {
        const XyRing& xnx = w.river("R03").line;
        const double len = lineLength(xnx);
        geoms.push_back(makeLine(lineSubstring(xnx, std::max(0.0, len - 25000.0), len)));
    }
    {
        const XyRing& hs = w.river("R04").line;
        geoms.push_back(makeLine(lineSubstring(hs, 0.0, std::min(11010.0, lineLength(hs)))));
    }
    {
        std::vector<GeomPtr> dykes;
        for (double c : {0.3 * nanxiChainage(w, 2), nanxiChainage(w, 2), nanxiChainage(w, 3)})
        {
            dykes.push_back(makeLine(lineSubstring(nanxi, c - 800.0, c + 900.0)));
        }
        geoms.push_back(multi(GEOS_MULTILINESTRING, std::move(dykes)));
    }
    {
        std::vector<GeomPtr> plants;
        plants.push_back(rectangle(seat("白垟工业区(桥头镇)", 300, -200), 8000, 1.5, 0.2));
        plants.push_back(rectangle(seat("东瓯工业区(瓯北)", -250, 150), 6000, 1.4, -0.3));
        geoms.push_back(multi(GEOS_MULTIPOLYGON, std::move(plants)));
    }
    {
        std::vector<GeomPtr> p;
        for (const char* town :
             {"东城街道", "桥头镇", "桥下镇", "黄田街道", "岩坦镇", "岩头镇", "枫林镇", "鹤盛镇",
              "碧莲镇", "沙头镇", "巽宅镇", "大若岩镇", "瓯北街道", "三江街道"})
        {
            p.push_back(near(town));
        }
        geoms.push_back(multi(GEOS_MULTIPOINT, std::move(p)));
    }
    // 9: 19 亩 = 12,666.67 m² in the 白垟 industrial unit.
    geoms.push_back(
        rectangle(seat("白垟工业区(桥头镇)", -200, 250), 19.0 * 10000.0 / 15.0, 1.3, 0.25));
    {
        const Xy r = pointXy(w.namedPoints.at("小子溪水库").get());
        XyRing route = smoothLine({r, w.lonLat(120.640, 28.128), w.lonLat(120.662, 28.140),
                                   w.lonLat(120.690, 28.160), w.lonLat(120.720, 28.180)},
                                  3);
        geoms.push_back(makeLine(lineSubstring(route, 0.0, 9642.0)));
    }
    geoms.push_back(pointsIn(w.urbanUnion.get(), 12));
    geoms.push_back(pointsIn(industrialUnits.get(), 26));
    {
        std::vector<GeomPtr> sewers;
        for (const char* town :
             {"岩头镇", "沙头镇", "碧莲镇", "巽宅镇", "鹤盛镇", "桥下镇", "金溪镇", "大若岩镇"})
        {
            const Xy s = seat(town);
            sewers.push_back(makeLine({s, {s.x + 900, s.y + 400}, {s.x + 1600, s.y + 1300}}));
        }
        geoms.push_back(multi(GEOS_MULTILINESTRING, std::move(sewers)));
    }
    {
        // 14: 15,600 m of sewers as six 2.6 km lines through the 东瓯 industrial area.
        std::vector<GeomPtr> lines;
        // Centred 1.1 km north of the 东瓯 anchor so the comb stays on land, north of the 瓯江.
        const Xy c = seat("东瓯工业区(瓯北)", 0.0, 1100.0);
        for (int i = 0; i < 6; ++i)
        {
            const double off = (i - 2.5) * 250.0;
            lines.push_back(i % 2 == 0
                                ? makeLine({{c.x - 1300, c.y + off}, {c.x + 1300, c.y + off}})
                                : makeLine({{c.x + off, c.y - 1300}, {c.x + off, c.y + 1300}}));
        }
        geoms.push_back(multi(GEOS_MULTILINESTRING, std::move(lines)));
    }
    // 15: 202.69 亩 landfill in the hills between 桥下 and 金溪 (site not public).
    geoms.push_back(rectangle(w.lonLat(120.525, 28.190), 202.69 * 10000.0 / 15.0, 1.6, 0.6));
    {
        std::vector<GeomPtr> p;
        for (const char* a : {"东瓯工业区(瓯北)", "白垟工业区(桥头镇)", "桥下工业区", "黄田工业区",
                              "乌牛工业区", "上塘工业区", "金溪工业区"})
        {
            p.push_back(pt(seat(a, 100, 100)));
        }
        geoms.push_back(multi(GEOS_MULTIPOINT, std::move(p)));
    }
    {
        std::vector<GeomPtr> p;
        for (const char* a :
             {"上塘工业区", "东瓯工业区(瓯北)", "白垟工业区(桥头镇)", "桥下工业区", "黄田工业区"})
        {
            p.push_back(pt(seat(a, -120, 80)));
        }
        geoms.push_back(multi(GEOS_MULTIPOINT, std::move(p)));
    }
    geoms.push_back(pt(seat("北城街道", -200, 120)));

    for (std::size_t i = 0; i < std::size(plans); ++i)
    {
        const Plan& p = plans[i];
        Attrs a;
        char id[8];
        std::snprintf(id, sizeof id, "P%02d", p.no);
        a.emplace_back("site_id", std::string(id));
        a.emplace_back("name", std::string(p.name));
        a.emplace_back("case_kind", std::string("plan_project"));
        a.emplace_back("project_type", std::string(p.projectType));
        a.emplace_back("industry_code", *p.code ? Value{std::string(p.code)} : Value{});
        a.emplace_back("construction", std::string(p.construction));
        a.emplace_back("plan_no", std::int64_t{p.no});
        a.emplace_back("plan_type", std::string(p.type));
        a.emplace_back("content", std::string(p.content));
        a.emplace_back("period", std::string(p.period));
        a.emplace_back("invest_total", p.total);
        a.emplace_back("invest_14th", p.in14th);
        a.emplace_back("responsible", std::string(p.responsible));
        addSite(w, std::move(geoms[i]), a);
    }
}

} // namespace redline::datagen
