// The vocabulary table (redline/rules/Terms.hpp): every spelling real data uses, read by hand
// into its canonical value; values outside a domain are unknown, never a default.
#include "redline/rules/Terms.hpp"

#include <set>

#include <gtest/gtest.h>

namespace redline
{
namespace
{

struct Spelling
{
    const char* domain;
    const char* text;
    const char* expected; // canonical value(s), ";"-separated; "" = unknown
};

std::ostream& operator<<(std::ostream& os, const Spelling& s)
{
    return os << s.domain << " '" << s.text << "' -> '" << s.expected << "'";
}

std::vector<std::string> split(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size())
    {
        const auto end = std::min(text.find(';', start), text.size());
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// domain | spelling as found in data | canonical value(s)
// clang-format off
const Spelling kZoneKinds[] = {
    {"zone_kind", "ecological_redline", "ecological_redline"}, {"zone_kind", "生态保护红线", "ecological_redline"},
    {"zone_kind", "生态红线", "ecological_redline"},
    {"zone_kind", "control_units", "control_units"}, {"zone_kind", "环境管控单元", "control_units"},
    {"zone_kind", "生态环境管控单元", "control_units"},
    {"zone_kind", "water_protection_zones", "water_protection_zones"},
    {"zone_kind", "饮用水水源保护区", "water_protection_zones"}, {"zone_kind", "水源保护区", "water_protection_zones"},
    {"zone_kind", "protected_areas", "protected_areas"}, {"zone_kind", "自然保护地", "protected_areas"},
    {"zone_kind", "prohibited_zones", "prohibited_zones"}, {"zone_kind", "禁止类区域", "prohibited_zones"},
    {"zone_kind", "禁止区域", "prohibited_zones"},
    {"zone_kind", "townships", "townships"}, {"zone_kind", "乡镇街道", "townships"},
    {"zone_kind", "county", "county"}, {"zone_kind", "县界", "county"},
    {"zone_kind", "permanent_farmland", "permanent_farmland"}, {"zone_kind", "永久基本农田", "permanent_farmland"},
    {"zone_kind", "permanent_basic_farmland", "permanent_farmland"}, {"zone_kind", "basic_farmland", "permanent_farmland"},
    {"zone_kind", "基本农田", "permanent_farmland"}, {"zone_kind", "永久基本农田保护区", "permanent_farmland"},
    {"zone_kind", "urban_development_boundary", "urban_development_boundary"},
    {"zone_kind", "城镇开发边界", "urban_development_boundary"}, {"zone_kind", "urban_boundary", "urban_development_boundary"},
    {"zone_kind", "rivers", ""},
};

const Spelling kRedlineTypes[] = {
    {"redline_type", "water_conservation", "water_conservation"}, {"redline_type", "水源涵养", "water_conservation"},
    {"redline_type", "水源涵养功能", "water_conservation"}, {"redline_type", "水源涵养区", "water_conservation"},
    {"redline_type", "水源涵养功能区", "water_conservation"},
    {"redline_type", "水源涵养生态保护红线", "water_conservation"},
    {"redline_type", "soil_conservation", "soil_conservation"}, {"redline_type", "水土保持", "soil_conservation"},
    {"redline_type", "水土保持功能", "soil_conservation"}, {"redline_type", "水土保持区", "soil_conservation"},
    {"redline_type", "水土保持功能区", "soil_conservation"},
    {"redline_type", "水土保持生态保护红线", "soil_conservation"},
    {"redline_type", "scenic", "scenic"}, {"redline_type", "风景名胜", "scenic"},
    {"redline_type", "风景名胜区", "scenic"}, {"redline_type", "风景名胜生态保护红线", "scenic"},
    {"redline_type", "biodiversity", "biodiversity"}, {"redline_type", "生物多样性维护", "biodiversity"},
    {"redline_type", "生物多样性维护功能", "biodiversity"}, {"redline_type", "生物多样性保护", "biodiversity"},
    {"redline_type", "windbreak_sand_fixation", "windbreak_sand_fixation"},
    {"redline_type", "防风固沙", "windbreak_sand_fixation"}, {"redline_type", "防风固沙功能", "windbreak_sand_fixation"},
    {"redline_type", "coastal_stability", "coastal_stability"}, {"redline_type", "海岸生态稳定", "coastal_stability"},
    {"redline_type", "海岸生态稳定功能", "coastal_stability"},
    {"redline_type", "forest", ""}, {"redline_type", "水源", ""},
};

const Spelling kUnitTypes[] = {
    {"unit_type", "priority", "priority"}, {"unit_type", "优先保护单元", "priority"},
    {"unit_type", "优先保护", "priority"}, {"unit_type", "优先保护类", "priority"}, {"unit_type", "1", "priority"},
    {"unit_type", "key", "key"}, {"unit_type", "重点管控单元", "key"}, {"unit_type", "重点管控", "key"},
    {"unit_type", "重点管控类", "key"}, {"unit_type", "2", "key"},
    {"unit_type", "general", "general"}, {"unit_type", "一般管控单元", "general"}, {"unit_type", "一般管控", "general"},
    {"unit_type", "一般管控类", "general"}, {"unit_type", "3", "general"},
    {"unit_type", "4", ""}, {"unit_type", "important", ""},
    {"key_subtype", "urban_living", "urban_living"}, {"key_subtype", "城镇生活类", "urban_living"},
    {"key_subtype", "城镇生活", "urban_living"}, {"key_subtype", "城镇生活类重点管控单元", "urban_living"},
    {"key_subtype", "industrial_cluster", "industrial_cluster"}, {"key_subtype", "产业集聚类", "industrial_cluster"},
    {"key_subtype", "产业集聚", "industrial_cluster"},
    {"key_subtype", "产业集聚类重点管控单元", "industrial_cluster"},
    {"key_subtype", "harbour", ""},
};

const Spelling kWaterLevels[] = {
    {"level", "I", "I"}, {"level", "i", "I"}, {"level", "Ⅰ", "I"}, {"level", "Ｉ", "I"}, {"level", "1", "I"},
    {"level", "１", "I"}, {"level", "1级", "I"}, {"level", "I级", "I"}, {"level", "Ⅰ级", "I"}, {"level", "一级", "I"},
    {"level", "一级区", "I"}, {"level", "一级保护区", "I"}, {"level", " 一级保护区\u3000", "I"},
    {"level", "一级水源保护区", "I"}, {"level", "水源一级保护区", "I"}, {"level", "饮用水水源一级保护区", "I"},
    {"level", "II", "II"}, {"level", "ii", "II"}, {"level", "Ⅱ", "II"}, {"level", "2", "II"}, {"level", "2级", "II"},
    {"level", "II级", "II"}, {"level", "Ⅱ级", "II"}, {"level", "二级", "II"}, {"level", "二级区", "II"},
    {"level", "二级保护区", "II"}, {"level", "二级水源保护区", "II"}, {"level", "水源二级保护区", "II"},
    {"level", "饮用水水源二级保护区", "II"},
    {"level", "quasi", "quasi"}, {"level", "QUASI", "quasi"}, {"level", "准", "quasi"}, {"level", "准保护区", "quasi"},
    {"level", "准水源保护区", "quasi"}, {"level", "水源准保护区", "quasi"}, {"level", "饮用水水源准保护区", "quasi"},
    {"level", "rural", "rural"}, {"level", "农村饮用水水源保护范围", "rural"}, {"level", "农村水源保护范围", "rural"},
    {"level", "农村饮用水水源地保护范围", "rural"}, {"level", "农村饮用水水源保护区", "rural"},
    {"level", "III", ""}, {"level", "三级", ""}, {"level", "", ""}, {"level", "  ", ""},
};

const Spelling kProtectedAreas[] = {
    {"category", "nature_reserve", "nature_reserve"}, {"category", "自然保护区", "nature_reserve"},
    {"category", "国家级自然保护区", "nature_reserve"}, {"category", "省级自然保护区", "nature_reserve"},
    {"category", "scenic_area", "scenic_area"}, {"category", "风景名胜区", "scenic_area"},
    {"category", "国家级风景名胜区", "scenic_area"}, {"category", "省级风景名胜区", "scenic_area"},
    {"category", "forest_park", "forest_park"}, {"category", "森林公园", "forest_park"},
    {"category", "国家森林公园", "forest_park"}, {"category", "国家级森林公园", "forest_park"},
    {"category", "省级森林公园", "forest_park"},
    {"category", "wetland_park", "wetland_park"}, {"category", "湿地公园", "wetland_park"},
    {"category", "国家湿地公园", "wetland_park"}, {"category", "国家级湿地公园", "wetland_park"},
    {"category", "省级湿地公园", "wetland_park"},
    {"category", "geopark", "geopark"}, {"category", "地质公园", "geopark"}, {"category", "国家地质公园", "geopark"},
    {"category", "国家级地质公园", "geopark"},
    {"category", "national_park", "national_park"}, {"category", "国家公园", "national_park"},
    {"category", "自然公园", ""},
    {"zoning", "core", "core"}, {"zoning", "Core", "core"}, {"zoning", "核心保护区", "core"}, {"zoning", "核心区", "core"},
    {"zoning", "核心景区", "core"},
    {"zoning", "general", "general"}, {"zoning", "一般控制区", "general"}, {"zoning", "实验区", "general"},
    {"zoning", "experimental", "general"},
    {"zoning", "buffer", "buffer"}, {"zoning", "缓冲区", "buffer"},
    {"zoning", "conservation", "conservation"}, {"zoning", "保育区", "conservation"},
    {"zoning", "湿地保育区", "conservation"},
    {"zoning", "restoration", "restoration"}, {"zoning", "恢复重建区", "restoration"}, {"zoning", "恢复区", "restoration"},
    {"zoning", "reasonable_use", "reasonable_use"}, {"zoning", "合理利用区", "reasonable_use"},
    {"zoning", "外围区", ""},
};

const Spelling kProhibitions[] = {
    {"prohibition", "livestock", "livestock"}, {"prohibition", "畜禽禁养区", "livestock"},
    {"prohibition", "禁养区", "livestock"}, {"prohibition", "畜禽养殖禁养区", "livestock"},
    {"prohibition", "畜禽禁止养殖区", "livestock"},
    {"prohibition", "no_swimming", "no_swimming"}, {"prohibition", "禁止游泳区", "no_swimming"},
    {"prohibition", "禁止游泳区域", "no_swimming"},
    {"prohibition", "no_bbq", "no_bbq"}, {"prohibition", "禁止露天烧烤区", "no_bbq"},
    {"prohibition", "禁止烧烤区", "no_bbq"}, {"prohibition", "禁止露天烧烤区域", "no_bbq"},
    {"prohibition", "no_camping", "no_camping"}, {"prohibition", "禁止露营区", "no_camping"},
    {"prohibition", "禁止露营区域", "no_camping"},
    {"prohibition", "no_riverside_catering", "no_riverside_catering"},
    {"prohibition", "离岸禁止餐饮区", "no_riverside_catering"}, {"prohibition", "禁止餐饮区", "no_riverside_catering"},
    {"prohibition", "beach_forest", "beach_forest"}, {"prohibition", "滩林保护范围", "beach_forest"},
    {"prohibition", "滩林", "beach_forest"}, {"prohibition", "滩林保护区", "beach_forest"},
    {"prohibition", "nanxi_basin", "nanxi_basin"}, {"prohibition", "楠溪江流域", "nanxi_basin"},
    {"prohibition", "楠溪江流域范围", "nanxi_basin"},
    {"prohibition", "禁止垂钓区", ""},
};

const Spelling kProjectTypes[] = {
    {"project_type", "industrial", "industrial"}, {"project_type", "工业", "industrial"},
    {"project_type", "工业项目", "industrial"}, {"project_type", "工业企业", "industrial"},
    {"project_type", "livestock_farm", "livestock_farm"}, {"project_type", "畜禽养殖场", "livestock_farm"},
    {"project_type", "畜禽养殖", "livestock_farm"}, {"project_type", "规模化畜禽养殖场", "livestock_farm"},
    {"project_type", "养殖场", "livestock_farm"}, {"project_type", "养猪场", "livestock_farm"},
    {"project_type", "养鸡场", "livestock_farm"}, {"project_type", "养殖小区", "livestock_farm"},
    {"project_type", "road", "road"}, {"project_type", "道路", "road"}, {"project_type", "公路", "road"},
    {"project_type", "道路工程", "road"}, {"project_type", "公路工程", "road"}, {"project_type", "县道", "road"},
    {"project_type", "乡道", "road"}, {"project_type", "国道", "road"}, {"project_type", "省道", "road"},
    {"project_type", "railway", "railway"}, {"project_type", "铁路", "railway"}, {"project_type", "铁路工程", "railway"},
    {"project_type", "轨道交通", "railway"},
    {"project_type", "pipeline", "pipeline"}, {"project_type", "管道", "pipeline"}, {"project_type", "管线", "pipeline"},
    {"project_type", "管网", "pipeline"}, {"project_type", "管道工程", "pipeline"}, {"project_type", "输水管道", "pipeline"},
    {"project_type", "污水管网", "pipeline"}, {"project_type", "燃气管道", "pipeline"},
    {"project_type", "power_line", "power_line"}, {"project_type", "输电线路", "power_line"},
    {"project_type", "电力线路", "power_line"}, {"project_type", "输变电线路", "power_line"},
    {"project_type", "架空线路", "power_line"},
    {"project_type", "telecom", "telecom"}, {"project_type", "通信设施", "telecom"}, {"project_type", "通信", "telecom"},
    {"project_type", "通讯", "telecom"}, {"project_type", "通信基站", "telecom"}, {"project_type", "基站", "telecom"},
    {"project_type", "通信线路", "telecom"},
    {"project_type", "water_supply", "water_supply"}, {"project_type", "供水设施", "water_supply"},
    {"project_type", "供水", "water_supply"}, {"project_type", "供水工程", "water_supply"},
    {"project_type", "水厂", "water_supply"}, {"project_type", "自来水厂", "water_supply"},
    {"project_type", "flood_control", "flood_control"}, {"project_type", "防洪设施", "flood_control"},
    {"project_type", "防洪", "flood_control"}, {"project_type", "防洪工程", "flood_control"},
    {"project_type", "堤防", "flood_control"}, {"project_type", "防洪堤", "flood_control"},
    {"project_type", "海塘", "flood_control"},
    {"project_type", "hydrology", "hydrology"}, {"project_type", "水文设施", "hydrology"},
    {"project_type", "水文", "hydrology"}, {"project_type", "水文站", "hydrology"}, {"project_type", "水文监测", "hydrology"},
    {"project_type", "tourism_facility", "tourism_facility"}, {"project_type", "旅游设施", "tourism_facility"},
    {"project_type", "游客中心", "tourism_facility"}, {"project_type", "游客服务中心", "tourism_facility"},
    {"project_type", "公厕", "tourism_facility"}, {"project_type", "旅游厕所", "tourism_facility"},
    {"project_type", "步道", "tourism_facility"}, {"project_type", "游步道", "tourism_facility"},
    {"project_type", "登山步道", "tourism_facility"}, {"project_type", "观景台", "tourism_facility"},
    {"project_type", "旅游服务设施", "tourism_facility"},
    {"project_type", "catering", "catering"}, {"project_type", "餐饮", "catering"}, {"project_type", "餐饮服务", "catering"},
    {"project_type", "餐馆", "catering"}, {"project_type", "餐厅", "catering"}, {"project_type", "饭馆", "catering"},
    {"project_type", "residential", "residential"}, {"project_type", "住宅", "residential"},
    {"project_type", "居住", "residential"}, {"project_type", "住宅小区", "residential"},
    {"project_type", "商品住宅", "residential"},
    {"project_type", "public_service", "public_service"}, {"project_type", "公共服务设施", "public_service"},
    {"project_type", "公共服务", "public_service"}, {"project_type", "公共设施", "public_service"},
    {"project_type", "公共管理与公共服务", "public_service"},
    {"project_type", "mining", "mining"}, {"project_type", "采矿", "mining"}, {"project_type", "矿山", "mining"},
    {"project_type", "矿产开采", "mining"}, {"project_type", "采矿业", "mining"},
    {"project_type", "eco_restoration", "eco_restoration"}, {"project_type", "生态修复", "eco_restoration"},
    {"project_type", "生态保护修复", "eco_restoration"}, {"project_type", "生态修复工程", "eco_restoration"},
    {"project_type", "生态治理", "eco_restoration"},
    {"project_type", "research_monitoring", "research_monitoring"}, {"project_type", "科研监测", "research_monitoring"},
    {"project_type", "科研", "research_monitoring"}, {"project_type", "监测", "research_monitoring"},
    {"project_type", "监测站", "research_monitoring"}, {"project_type", "巡护", "research_monitoring"},
    {"project_type", "巡护监测", "research_monitoring"},
    {"project_type", "resident_livelihood", "resident_livelihood"},
    {"project_type", "原住居民生产生活设施", "resident_livelihood"},
    {"project_type", "原住居民生产生活", "resident_livelihood"},
    {"project_type", "forestry", "forestry"}, {"project_type", "林业", "forestry"}, {"project_type", "营林", "forestry"},
    {"project_type", "森林抚育", "forestry"}, {"project_type", "人工商品林抚育", "forestry"},
    {"project_type", "other", "other"}, {"project_type", "其他", "other"},
    {"project_type", "commercial", "commercial"}, {"project_type", "商业", "commercial"},
    {"project_type", "商业服务", "commercial"}, {"project_type", "商业服务业", "commercial"},
    {"project_type", "商铺", "commercial"}, {"project_type", "商业综合体", "commercial"},
    {"project_type", "real_estate", "real_estate"}, {"project_type", "房地产", "real_estate"},
    {"project_type", "房地产开发", "real_estate"},
    {"project_type", "aquaculture", "aquaculture"}, {"project_type", "水产养殖", "aquaculture"},
    {"project_type", "网箱养殖", "aquaculture"}, {"project_type", "渔业养殖", "aquaculture"},
    {"project_type", "recreation", "recreation"}, {"project_type", "游乐娱乐", "recreation"},
    {"project_type", "游乐", "recreation"}, {"project_type", "娱乐", "recreation"}, {"project_type", "游乐场", "recreation"},
    {"project_type", "swimming_facility", "swimming_facility"}, {"project_type", "游泳场所", "swimming_facility"},
    {"project_type", "游泳场", "swimming_facility"}, {"project_type", "游泳池", "swimming_facility"},
    {"project_type", "浴场", "swimming_facility"},
    {"project_type", "bbq_site", "bbq_site"}, {"project_type", "烧烤场地", "bbq_site"}, {"project_type", "烧烤", "bbq_site"},
    {"project_type", "露天烧烤", "bbq_site"}, {"project_type", "烧烤场", "bbq_site"},
    {"project_type", "camping_site", "camping_site"}, {"project_type", "露营地", "camping_site"},
    {"project_type", "露营", "camping_site"}, {"project_type", "营地", "camping_site"},
    {"project_type", "露营基地", "camping_site"},
    {"project_type", "hotel", "hotel"}, {"project_type", "住宿（酒店、宾馆、民宿）", "hotel"},
    {"project_type", "酒店", "hotel"}, {"project_type", "宾馆", "hotel"}, {"project_type", "民宿", "hotel"},
    {"project_type", "旅馆", "hotel"}, {"project_type", "招待所", "hotel"}, {"project_type", "度假村", "hotel"},
    {"project_type", "住宿", "hotel"}, {"project_type", "疗养院", "hotel"}, {"project_type", "培训中心", "hotel"},
    {"project_type", "quarrying", "quarrying"}, {"project_type", "采石", "quarrying"},
    {"project_type", "采石场", "quarrying"}, {"project_type", "开山采石", "quarrying"},
    {"project_type", "cemetery", "cemetery"}, {"project_type", "墓地", "cemetery"}, {"project_type", "公墓", "cemetery"},
    {"project_type", "墓园", "cemetery"}, {"project_type", "陵园", "cemetery"},
    {"project_type", "hazardous_depot", "hazardous_depot"}, {"project_type", "危险品仓库", "hazardous_depot"},
    {"project_type", "危化品仓库", "hazardous_depot"}, {"project_type", "危险化学品仓库", "hazardous_depot"},
    {"project_type", "oil_depot", "oil_depot"}, {"project_type", "油库", "oil_depot"},
    {"project_type", "fuel_station", "fuel_station"}, {"project_type", "加油站", "fuel_station"},
    {"project_type", "加气站", "fuel_station"}, {"project_type", "加油加气站", "fuel_station"},
    {"project_type", "水上加油站", "fuel_station"},
    {"project_type", "wharf", "wharf"}, {"project_type", "码头", "wharf"}, {"project_type", "港口码头", "wharf"},
    {"project_type", "development_zone", "development_zone"}, {"project_type", "开发区", "development_zone"},
    {"project_type", "工业园区", "development_zone"}, {"project_type", "产业园区", "development_zone"},
    {"project_type", "land_reclamation", "land_reclamation"}, {"project_type", "开荒", "land_reclamation"},
    {"project_type", "垦荒", "land_reclamation"}, {"project_type", "开垦", "land_reclamation"},
    {"project_type", "waste_facility", "waste_facility"}, {"project_type", "垃圾处理设施", "waste_facility"},
    {"project_type", "垃圾填埋场", "waste_facility"}, {"project_type", "垃圾中转站", "waste_facility"},
    {"project_type", "垃圾焚烧厂", "waste_facility"}, {"project_type", "固废处置", "waste_facility"},
    {"project_type", "固体废物处置场", "waste_facility"},
    {"project_type", "source_protection", "source_protection"}, {"project_type", "水源保护工程", "source_protection"},
    {"project_type", "水源保护", "source_protection"},
    {"project_type", "geological_survey", "geological_survey"}, {"project_type", "地质勘查", "geological_survey"},
    {"project_type", "地质调查", "geological_survey"}, {"project_type", "矿产勘查", "geological_survey"},
    {"project_type", "archaeology", "archaeology"}, {"project_type", "考古", "archaeology"},
    {"project_type", "考古发掘", "archaeology"}, {"project_type", "文物保护", "archaeology"},
    {"project_type", "农家乐", "catering;hotel"}, {"project_type", "饭店", "catering;hotel"},
    {"project_type", "Industrial", "industrial"}, {"project_type", "factory", ""}, {"project_type", "厂房", ""},
};

const Spelling kConstructions[] = {
    {"construction", "new", "new"}, {"construction", "NEW", "new"}, {"construction", "新建", "new"},
    {"construction", "新建项目", "new"}, {"construction", "迁建", "new"}, {"construction", "易地新建", "new"},
    {"construction", "expansion", "expansion"}, {"construction", "扩建", "expansion"},
    {"construction", "扩建项目", "expansion"}, {"construction", "extension", "expansion"},
    {"construction", "rebuild", "rebuild"}, {"construction", "改建", "rebuild"}, {"construction", "改建项目", "rebuild"},
    {"construction", "技改", "rebuild"}, {"construction", "技术改造", "rebuild"}, {"construction", "重建", "rebuild"},
    {"construction", "reconstruction", "rebuild"},
    {"construction", "改扩建", "rebuild;expansion"}, {"construction", "扩改建", "rebuild;expansion"},
    {"construction", "built", ""}, {"construction", "续建", ""},
};

const Spelling kFlags[] = {
    {"flag", "1", "true"}, {"flag", "true", "true"}, {"flag", "TRUE", "true"}, {"flag", "yes", "true"},
    {"flag", "Yes", "true"}, {"flag", "y", "true"}, {"flag", "Y", "true"}, {"flag", "是", "true"},
    {"flag", " 是 ", "true"}, {"flag", "有", "true"}, {"flag", "√", "true"}, {"flag", "✓", "true"}, {"flag", "✔", "true"},
    {"flag", "0", "false"}, {"flag", "false", "false"}, {"flag", "False", "false"}, {"flag", "no", "false"},
    {"flag", "NO", "false"}, {"flag", "n", "false"}, {"flag", "N", "false"}, {"flag", "否", "false"},
    {"flag", "无", "false"}, {"flag", "×", "false"}, {"flag", "✗", "false"}, {"flag", "✘", "false"},
    {"flag", "", ""}, {"flag", "2", ""}, {"flag", "maybe", ""}, {"flag", "不详", ""}, {"flag", "待定", ""},
    {"flag", "-1", ""},
};
// clang-format on

// One test per table (ctest starts a process per test); a failing row is named in the message.
struct Table
{
    const char* name;
    const Spelling* begin;
    const Spelling* end;
};

std::ostream& operator<<(std::ostream& os, const Table& t)
{
    return os << t.name;
}

class TermSpelling : public ::testing::TestWithParam<Table>
{
};

TEST_P(TermSpelling, EachSpellingReadsAsItsCanonicalValue)
{
    for (const Spelling* s = GetParam().begin; s != GetParam().end; ++s)
        EXPECT_EQ(canonicalValues(s->domain, s->text), split(s->expected)) << *s;
}

INSTANTIATE_TEST_SUITE_P(
    Tables, TermSpelling,
    ::testing::Values(Table{"zone_kind", std::begin(kZoneKinds), std::end(kZoneKinds)},
                      Table{"redline_type", std::begin(kRedlineTypes), std::end(kRedlineTypes)},
                      Table{"unit_type", std::begin(kUnitTypes), std::end(kUnitTypes)},
                      Table{"level", std::begin(kWaterLevels), std::end(kWaterLevels)},
                      Table{"protected_areas", std::begin(kProtectedAreas),
                            std::end(kProtectedAreas)},
                      Table{"prohibition", std::begin(kProhibitions), std::end(kProhibitions)},
                      Table{"project_type", std::begin(kProjectTypes), std::end(kProjectTypes)},
                      Table{"construction", std::begin(kConstructions), std::end(kConstructions)},
                      Table{"flag", std::begin(kFlags), std::end(kFlags)}),
    [](const ::testing::TestParamInfo<Table>& row) { return std::string(row.param.name); });

// Every spelling in the table has a row above: a spelling added to the table without a row a
// planner has checked fails here.
TEST(TermTable, EverySpellingHasARow)
{
    std::set<std::pair<std::string, std::string>> rows;
    const auto add = [&](const auto& table)
    {
        for (const Spelling& s : table)
            rows.emplace(s.domain, s.text);
    };
    add(kZoneKinds);
    add(kRedlineTypes);
    add(kUnitTypes);
    add(kWaterLevels);
    add(kProtectedAreas);
    add(kProhibitions);
    add(kProjectTypes);
    add(kConstructions);
    add(kFlags);
    for (const TermDomain& d : termDomains())
    {
        for (const Term& t : d.terms)
        {
            EXPECT_EQ(rows.count({d.name, t.value}), 1u) << d.name << " " << t.value;
            EXPECT_EQ(rows.count({d.name, t.zh}), 1u) << d.name << " " << t.zh;
            for (const auto& s : t.spellings)
                EXPECT_EQ(rows.count({d.name, s}), 1u) << d.name << " " << s;
        }
        for (const auto& [spelling, values] : d.compounds)
            EXPECT_EQ(rows.count({d.name, spelling}), 1u) << d.name << " " << spelling;
    }
}

TEST(TermTable, ChineseLabels)
{
    EXPECT_EQ(zhLabel("level", "I"), "一级保护区");
    EXPECT_EQ(zhLabel("level", "quasi"), "准保护区");
    EXPECT_EQ(zhLabel("level", "一级"), "一级保护区"); // a spelling is accepted too
    EXPECT_EQ(zhLabel("redline_type", "water_conservation"), "水源涵养");
    EXPECT_EQ(zhLabel("zoning", "core"), "核心保护区");
    EXPECT_EQ(zhLabel("unit_type", "priority"), "优先保护单元");
    EXPECT_EQ(zhLabel("prohibition", "no_bbq"), "禁止露天烧烤区");
    EXPECT_EQ(zhLabel("project_type", "tourism_facility"), "旅游设施");
    EXPECT_EQ(zhLabel("construction", "expansion"), "扩建");
    EXPECT_EQ(zhLabel("flag", "false"), "否");
    EXPECT_EQ(zhLabel("zone_kind", "water_protection_zones"), "饮用水水源保护区");
    EXPECT_EQ(zhLabel("level", "III"), "");
    EXPECT_EQ(zhLabel("no_such_domain", "I"), "");
}

TEST(TermTable, FlagsAreUnknownOutsideTheVocabularyNeverFalse)
{
    EXPECT_EQ(parseFlag("有"), true);
    EXPECT_EQ(parseFlag("×"), false);
    EXPECT_EQ(parseFlag("maybe"), std::nullopt);
    EXPECT_EQ(parseFlag(""), std::nullopt);
}

TEST(TermTable, ZoneFieldsWithADomain)
{
    EXPECT_STREQ(zoneFieldDomain("water_protection_zones", "level"), "level");
    EXPECT_STREQ(zoneFieldDomain("protected_areas", "legacy_zoning"), "zoning");
    EXPECT_STREQ(zoneFieldDomain("control_units", "total_load_cap"), "flag");
    EXPECT_EQ(zoneFieldDomain("control_units", "name"), nullptr);
    EXPECT_EQ(zoneFieldDomain("townships", "level"), nullptr);
    EXPECT_EQ(domainValueList("level"), "I, II, quasi, rural");
}

} // namespace
} // namespace redline
