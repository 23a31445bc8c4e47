// The vocabulary table (redline/rules/Terms.hpp): canonical values, Chinese labels and the
// spellings seen in zoning data and in applicants' site files. Sources: DESIGN A1 and RULEBOOK
// §0, §1.1, §2, §3.1, §4, §5, §9 for the values; the rule file's own terms (缓冲区, 实验区,
// 保育区, …); the national red-line function types (生态保护红线划定指南) for redline_type.
// A spelling belongs to one value only; a spelling meaning two values is a compound.
#include "redline/rules/Terms.hpp"

namespace redline
{

const std::vector<TermDomain>& termDomains()
{
    static const std::vector<TermDomain> kDomains = {
        {"zone_kind",
         "zone kind",
         {{"ecological_redline", "生态保护红线", {"生态红线"}},
          {"control_units", "环境管控单元", {"生态环境管控单元"}},
          {"water_protection_zones", "饮用水水源保护区", {"水源保护区"}},
          {"protected_areas", "自然保护地", {}},
          {"prohibited_zones", "禁止类区域", {"禁止区域"}},
          {"townships", "乡镇街道", {}},
          {"county", "县界", {}},
          // 三区三线 control lines other than the red line (issue 14, coordination check).
          {"permanent_farmland",
           "永久基本农田",
           {"permanent_basic_farmland", "basic_farmland", "基本农田", "永久基本农田保护区"}},
          {"urban_development_boundary", "城镇开发边界", {"urban_boundary"}}},
         {}},
        {"redline_type",
         "red-line type",
         {{"water_conservation",
           "水源涵养",
           {"水源涵养功能", "水源涵养区", "水源涵养功能区", "水源涵养生态保护红线"}},
          {"soil_conservation",
           "水土保持",
           {"水土保持功能", "水土保持区", "水土保持功能区", "水土保持生态保护红线"}},
          {"scenic", "风景名胜", {"风景名胜区", "风景名胜生态保护红线"}},
          {"biodiversity", "生物多样性维护", {"生物多样性维护功能", "生物多样性保护"}},
          {"windbreak_sand_fixation", "防风固沙", {"防风固沙功能"}},
          {"coastal_stability", "海岸生态稳定", {"海岸生态稳定功能"}}},
         {}},
        {"unit_type",
         "control-unit type",
         {{"priority", "优先保护单元", {"优先保护", "优先保护类", "1"}},
          {"key", "重点管控单元", {"重点管控", "重点管控类", "2"}},
          {"general", "一般管控单元", {"一般管控", "一般管控类", "3"}}},
         {}},
        {"key_subtype",
         "key-unit subtype",
         {{"urban_living", "城镇生活类", {"城镇生活", "城镇生活类重点管控单元"}},
          {"industrial_cluster", "产业集聚类", {"产业集聚", "产业集聚类重点管控单元"}}},
         {}},
        {"level",
         "water-protection level",
         {{"I",
           "一级保护区",
           {"一级", "一级区", "一级水源保护区", "水源一级保护区", "饮用水水源一级保护区", "Ⅰ",
            "Ⅰ级", "I级", "1", "1级"}},
          {"II",
           "二级保护区",
           {"二级", "二级区", "二级水源保护区", "水源二级保护区", "饮用水水源二级保护区", "Ⅱ",
            "Ⅱ级", "II级", "2", "2级"}},
          {"quasi", "准保护区", {"准", "准水源保护区", "水源准保护区", "饮用水水源准保护区"}},
          {"rural",
           "农村饮用水水源保护范围",
           {"农村水源保护范围", "农村饮用水水源地保护范围", "农村饮用水水源保护区"}}},
         {}},
        {"category",
         "protected-area category",
         {{"nature_reserve", "自然保护区", {"国家级自然保护区", "省级自然保护区"}},
          {"scenic_area", "风景名胜区", {"国家级风景名胜区", "省级风景名胜区"}},
          {"forest_park", "森林公园", {"国家森林公园", "国家级森林公园", "省级森林公园"}},
          {"wetland_park", "湿地公园", {"国家湿地公园", "国家级湿地公园", "省级湿地公园"}},
          {"geopark", "地质公园", {"国家地质公园", "国家级地质公园"}},
          {"national_park", "国家公园", {}}},
         {}},
        {"zoning",
         "protected-area zoning",
         {{"core", "核心保护区", {"核心区", "核心景区"}},
          {"general", "一般控制区", {"实验区", "experimental"}},
          {"buffer", "缓冲区", {}}, // legacy nature-reserve zoning (PA-02)
          {"conservation", "保育区", {"湿地保育区"}},
          {"restoration", "恢复重建区", {"恢复区"}},
          {"reasonable_use", "合理利用区", {}}},
         {}},
        {"prohibition",
         "prohibition kind",
         {{"livestock", "畜禽禁养区", {"禁养区", "畜禽养殖禁养区", "畜禽禁止养殖区"}},
          {"no_swimming", "禁止游泳区", {"禁止游泳区域"}},
          {"no_bbq", "禁止露天烧烤区", {"禁止烧烤区", "禁止露天烧烤区域"}},
          {"no_camping", "禁止露营区", {"禁止露营区域"}},
          {"no_riverside_catering", "离岸禁止餐饮区", {"禁止餐饮区"}},
          {"beach_forest", "滩林保护范围", {"滩林", "滩林保护区"}},
          {"nanxi_basin", "楠溪江流域", {"楠溪江流域范围"}}},
         {}},
        {"project_type",
         "project type",
         {{"industrial", "工业", {"工业项目", "工业企业"}},
          {"livestock_farm",
           "畜禽养殖场",
           {"畜禽养殖", "规模化畜禽养殖场", "养殖场", "养猪场", "养鸡场", "养殖小区"}},
          {"road", "道路", {"公路", "道路工程", "公路工程", "县道", "乡道", "国道", "省道"}},
          {"railway", "铁路", {"铁路工程", "轨道交通"}},
          {"pipeline", "管道", {"管线", "管网", "管道工程", "输水管道", "污水管网", "燃气管道"}},
          {"power_line", "输电线路", {"电力线路", "输变电线路", "架空线路"}},
          {"telecom", "通信设施", {"通信", "通讯", "通信基站", "基站", "通信线路"}},
          {"water_supply", "供水设施", {"供水", "供水工程", "水厂", "自来水厂"}},
          {"flood_control", "防洪设施", {"防洪", "防洪工程", "堤防", "防洪堤", "海塘"}},
          {"hydrology", "水文设施", {"水文", "水文站", "水文监测"}},
          {"tourism_facility",
           "旅游设施",
           {"游客中心", "游客服务中心", "公厕", "旅游厕所", "步道", "游步道", "登山步道", "观景台",
            "旅游服务设施"}},
          {"catering", "餐饮", {"餐饮服务", "餐馆", "餐厅", "饭馆"}},
          {"residential", "住宅", {"居住", "住宅小区", "商品住宅"}},
          {"public_service", "公共服务设施", {"公共服务", "公共设施", "公共管理与公共服务"}},
          {"mining", "采矿", {"矿山", "矿产开采", "采矿业"}},
          {"eco_restoration", "生态修复", {"生态保护修复", "生态修复工程", "生态治理"}},
          {"research_monitoring", "科研监测", {"科研", "监测", "监测站", "巡护", "巡护监测"}},
          {"resident_livelihood", "原住居民生产生活设施", {"原住居民生产生活"}},
          {"forestry", "林业", {"营林", "森林抚育", "人工商品林抚育"}},
          {"other", "其他", {}},
          {"commercial", "商业", {"商业服务", "商业服务业", "商铺", "商业综合体"}},
          {"real_estate", "房地产", {"房地产开发"}},
          {"aquaculture", "水产养殖", {"网箱养殖", "渔业养殖"}},
          {"recreation", "游乐娱乐", {"游乐", "娱乐", "游乐场"}},
          {"swimming_facility", "游泳场所", {"游泳场", "游泳池", "浴场"}},
          {"bbq_site", "烧烤场地", {"烧烤", "露天烧烤", "烧烤场"}},
          {"camping_site", "露营地", {"露营", "营地", "露营基地"}},
          {"hotel",
           "住宿（酒店、宾馆、民宿）",
           {"酒店", "宾馆", "民宿", "旅馆", "招待所", "度假村", "住宿", "疗养院", "培训中心"}},
          {"quarrying", "采石", {"采石场", "开山采石"}},
          {"cemetery", "墓地", {"公墓", "墓园", "陵园"}},
          {"hazardous_depot", "危险品仓库", {"危化品仓库", "危险化学品仓库"}},
          {"oil_depot", "油库", {}},
          {"fuel_station", "加油站", {"加气站", "加油加气站", "水上加油站"}},
          {"wharf", "码头", {"港口码头"}},
          {"development_zone", "开发区", {"工业园区", "产业园区"}},
          {"land_reclamation", "开荒", {"垦荒", "开垦"}},
          {"waste_facility",
           "垃圾处理设施",
           {"垃圾填埋场", "垃圾中转站", "垃圾焚烧厂", "固废处置", "固体废物处置场"}},
          {"source_protection", "水源保护工程", {"水源保护"}},
          {"geological_survey", "地质勘查", {"地质调查", "矿产勘查"}},
          {"archaeology", "考古", {"考古发掘", "文物保护"}}},
         // Farm stays (农家乐) and 饭店 (a restaurant or a hotel) offer meals and rooms.
         {{"农家乐", {"catering", "hotel"}}, {"饭店", {"catering", "hotel"}}}},
        {"construction",
         "construction kind",
         {{"new", "新建", {"新建项目", "迁建", "易地新建"}},
          {"expansion", "扩建", {"扩建项目", "extension"}},
          {"rebuild", "改建", {"改建项目", "技改", "技术改造", "重建", "reconstruction"}}},
         {{"改扩建", {"rebuild", "expansion"}}, {"扩改建", {"rebuild", "expansion"}}}},
        {"flag",
         "yes/no value",
         {{"true", "是", {"1", "yes", "y", "有", "√", "✓", "✔"}},
          {"false", "否", {"0", "no", "n", "无", "×", "✗", "✘"}}},
         {}},
    };
    return kDomains;
}

const char* zoneFieldDomain(std::string_view kind, std::string_view field)
{
    struct Entry
    {
        std::string_view kind;
        std::string_view field;
        const char* domain;
    };
    static constexpr Entry kFields[] = {
        {"ecological_redline", "redline_type", "redline_type"},
        {"control_units", "unit_type", "unit_type"},
        {"control_units", "key_subtype", "key_subtype"},
        {"control_units", "total_load_cap", "flag"},
        {"water_protection_zones", "level", "level"},
        {"protected_areas", "category", "category"},
        {"protected_areas", "zoning", "zoning"},
        {"protected_areas", "legacy_zoning", "zoning"},
        {"prohibited_zones", "prohibition", "prohibition"},
    };
    for (const Entry& e : kFields)
    {
        if (e.kind == kind && e.field == field)
            return e.domain;
    }
    return nullptr;
}

} // namespace redline
