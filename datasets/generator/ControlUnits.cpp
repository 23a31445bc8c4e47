// 三线一单 environmental control units partitioning the county: priority units on each red-line
// area and on the other ecological space (protected areas, water-source levels I and II) per
// township; key units for the industrial areas the plan names (industrial_cluster) and the
// towns (urban_living); one general unit per township for the rest. Built by overlay from the
// county and the township partition, so units neither gap nor overlap.
#include <cstdio>

#include <ogr_core.h>

#include "ZoneShapes.hpp"

namespace redline::datagen
{
namespace
{

struct KeySpec
{
    std::string name;
    Xy centre;
    double radius;
};

std::string code(int classDigit, int serial)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "ZH330324%d%04d", classDigit, serial);
    return buf;
}

const char* kPriorityRedline[4] = {
    "执行生态保护红线管理规定：禁止开发性、生产性建设活动，仅允许对生态功能不造成破坏的有限人为活动"
    "（自然资发〔2022〕142号）；国家重大项目须开展不可避让论证。",
    "不得新增污染物排放；现有排污设施限期退出或整改。",
    "禁止新建、扩建存在环境风险的项目；加强森林火灾、地质灾害防控。",
    "严格保护水源涵养、水土保持与自然景观功能，禁止采砂、采石、毁林开垦。"};
const char* kPriorityEco[4] = {
    "一般生态空间：原则上按限制开发区域管理；禁止新建、扩建二类、三类工业项目，"
    "其他开发建设活动须征求主管部门意见，符合主体功能定位。",
    "严格控制污染物排放，新建项目不得降低区域环境质量。",
    "加强饮用水水源、自然保护地等环境风险防控。", "严格控制林地、湿地占用，提高水资源利用效率。"};
const char* kKeyIndustrial[4] = {
    "产业集聚类重点管控单元：优化产业布局，引导工业项目入园集聚；新建项目须符合园区产业定位，"
    "与居住区之间设置防护绿地。",
    "实行污染物排放总量控制，新增排放须区域削减替代；电镀等重点行业执行特别排放限值，"
    "推进工业园区\"污水零直排\"。",
    "加强涉重金属、危险化学品企业环境风险防控，建立园区应急体系。",
    "推进清洁生产和节水改造，提高土地集约利用水平。"};
const char* kKeyUrban[4] = {
    "城镇生活类重点管控单元：禁止新建、扩建三类工业项目；二类工业项目须布局在工业功能区内；"
    "合理规划居住区与工业功能区。",
    "实行污染物排放总量控制；城镇污水全收集、全处理，推进生活小区\"污水零直排\"。",
    "加强居住区周边工业企业环境风险防控。", "推进节水型社会建设，提高再生水利用率。"};
const char* kGeneral[4] = {
    "一般管控单元：禁止新建三类工业项目；二类工业项目须布局在工业功能区（小微园区、工业集聚点）内；"
    "落实畜禽禁养区、限养区管理要求。",
    "严格执行污染物排放标准，农村生活污水治理设施稳定运行。",
    "加强农业面源污染和农村环境风险防控。", "推进农业节水，严格保护耕地。"};

} // namespace

void buildControlUnits(World& w)
{
    OutLayer& l = w.controlUnits;
    l.name = "control_units";
    l.geometryType = wkbMultiPolygon;
    l.fields = {{"unit_code", FieldType::Text},        {"name", FieldType::Text},
                {"unit_type", FieldType::Text},        {"key_subtype", FieldType::Text},
                {"priority_subtype", FieldType::Text}, {"kjbjys", FieldType::Text},
                {"pwwpfgk", FieldType::Text},          {"hjfxfk", FieldType::Text},
                {"zykfxlyq", FieldType::Text},         {"total_load_cap", FieldType::Integer},
                {"township", FieldType::Text},         {"origin", FieldType::Text}};
    const std::string origin = "synthetic unit boundaries built from the synthetic layers";
    auto addUnit = [&](GeomPtr g, const std::string& unitCode, const std::string& name,
                       const std::string& type, const Value& keySubtype, const Value& prioSubtype,
                       const char* const* texts, std::int64_t cap, const Value& township)
    {
        l.add(asMulti(std::move(g)), {{"unit_code", unitCode},
                                      {"name", name},
                                      {"unit_type", type},
                                      {"key_subtype", keySubtype},
                                      {"priority_subtype", prioSubtype},
                                      {"kjbjys", std::string(texts[0])},
                                      {"pwwpfgk", std::string(texts[1])},
                                      {"hjfxfk", std::string(texts[2])},
                                      {"zykfxlyq", std::string(texts[3])},
                                      {"total_load_cap", cap},
                                      {"township", township},
                                      {"origin", origin}});
    };

    // Priority: one unit per red-line area, then the other ecological space per township.
    int serial1 = 0;
    for (const OutFeature& f : w.redline.features)
    {
        addUnit(clone(f.geometry.get()), code(1, ++serial1),
                "永嘉县" + textOf(w.redline, f, "name") + "生态保护红线优先保护单元", "priority",
                std::monostate{}, std::string("ecological_redline"), kPriorityRedline, 0,
                std::monostate{});
    }
    GeomPtr eco =
        cleanPolygonal(difference(unite(w.protectedUnion.get(), w.waterCoreUnion.get()).get(),
                                  w.redlineUnion.get())
                           .get());
    for (const OutFeature& t : w.townships.features)
    {
        GeomPtr part = cleanPolygonal(intersection(eco.get(), t.geometry.get()).get());
        if (area(part.get()) < 1.0)
        {
            continue;
        }
        const std::string town = textOf(w.townships, t, "name");
        addUnit(std::move(part), code(1, ++serial1), "永嘉县" + town + "一般生态空间优先保护单元",
                "priority", std::monostate{}, std::string("ecological_space"), kPriorityEco, 0,
                town);
    }
    GeomPtr taken = unite(eco.get(), w.redlineUnion.get());

    // Key units: industrial areas first (they win over the towns around them), then towns.
    const std::vector<KeySpec> industrial = {
        {"东瓯工业区（瓯北）", w.place("东瓯工业区(瓯北)"), 1300},
        {"桥头白垟工业区", w.place("白垟工业区(桥头镇)"), 1000},
        {"桥下工业区", w.place("桥下工业区"), 900},
        {"黄田工业区", w.place("黄田工业区"), 800},
        {"乌牛工业区", w.place("乌牛工业区"), 900},
        {"上塘工业区", w.place("上塘工业区"), 800},
        {"金溪工业区", w.place("金溪工业区"), 600},
    };
    const Xy qiaotou = w.place("桥头镇");
    const Xy qiaoxia = w.place("桥下镇");
    const std::vector<KeySpec> urban = {
        {"上塘城区", w.place("北城街道"), 2300},
        {"瓯北城区", w.place("瓯北街道"), 2000},
        {"三江城区", w.place("三江街道"), 1000},
        {"黄田城区", w.place("黄田街道"), 800},
        {"乌牛城区", w.place("乌牛街道"), 800},
        {"桥头集镇", {qiaotou.x, qiaotou.y + 1800}, 700},
        {"桥下集镇", {qiaoxia.x + 1800, qiaoxia.y}, 700},
        {"岩头集镇", w.place("岩头镇"), 500},
        {"沙头集镇", w.place("沙头镇"), 600},
        {"碧莲集镇", w.place("碧莲镇"), 450},
        {"枫林集镇", w.place("枫林镇"), 450},
        {"岩坦集镇", w.place("岩坦镇"), 400},
        {"鹤盛集镇", w.place("鹤盛镇"), 400},
        {"巽宅集镇", w.place("巽宅镇"), 400},
        {"大若岩集镇", w.place("大若岩镇"), 400},
    };
    int serial2 = 0;
    std::vector<const GEOSGeometry*> urbanParts;
    std::vector<GeomPtr> keep;
    for (int pass = 0; pass < 2; ++pass)
    {
        const auto& list = pass == 0 ? industrial : urban;
        for (const KeySpec& k : list)
        {
            GeomPtr shape = organicInCounty(w, blob(k.centre, k.radius, 0.3, w.rng).get());
            shape = cleanPolygonal(difference(shape.get(), taken.get()).get());
            if (area(shape.get()) < 1.0)
            {
                continue;
            }
            taken = unite(taken.get(), shape.get());
            if (pass == 1)
            {
                keep.push_back(clone(shape.get()));
                urbanParts.push_back(keep.back().get());
            }
            const bool isIndustrial = pass == 0;
            addUnit(std::move(shape), code(2, ++serial2),
                    "永嘉县" + k.name +
                        (isIndustrial ? "产业集聚重点管控单元" : "城镇生活重点管控单元"),
                    "key", std::string(isIndustrial ? "industrial_cluster" : "urban_living"),
                    std::monostate{}, isIndustrial ? kKeyIndustrial : kKeyUrban, 1,
                    std::monostate{});
        }
    }
    w.urbanUnion = unionAll(urbanParts);

    int serial3 = 0;
    for (const OutFeature& t : w.townships.features)
    {
        GeomPtr part = cleanPolygonal(difference(t.geometry.get(), taken.get()).get());
        if (area(part.get()) < 1.0)
        {
            continue;
        }
        const std::string town = textOf(w.townships, t, "name");
        addUnit(std::move(part), code(3, ++serial3), "永嘉县" + town + "一般管控单元", "general",
                std::monostate{}, std::monostate{}, kGeneral, 0, town);
    }
}

} // namespace redline::datagen
