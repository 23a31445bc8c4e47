// 用地用海分类 (自然资源部 2023) classes a 地块用途 may name, and the project type each gives.
#include "LandUseClasses.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

#include "redline/rules/Terms.hpp"

namespace redline::detail
{
namespace
{

struct LandClass
{
    const char* code;
    const char* name;
    const char* projectType; // "" when the class names no single project type
};

// clang-format off
constexpr LandClass kClasses[] = {
    {"01", "耕地", ""}, {"02", "园地", ""}, {"03", "林地", ""}, {"04", "草地", ""}, {"05", "湿地", ""},
    {"06", "农业设施建设用地", ""},
    {"0601", "农村道路", "road"}, {"060101", "村道用地", "road"}, {"060102", "田间道", "road"},
    {"0602", "设施农用地", ""}, {"060201", "种植设施建设用地", ""},
    {"060202", "畜禽养殖设施建设用地", "livestock_farm"},
    {"060203", "水产养殖设施建设用地", "aquaculture"},
    {"07", "居住用地", ""},
    {"0701", "城镇住宅用地", "residential"}, {"070101", "一类城镇住宅用地", "residential"},
    {"070102", "二类城镇住宅用地", "residential"}, {"070103", "三类城镇住宅用地", "residential"},
    {"0702", "城镇社区服务设施用地", "public_service"},
    {"0703", "农村宅基地", ""}, {"070301", "一类农村宅基地", ""}, {"070302", "二类农村宅基地", ""},
    {"0704", "农村社区服务设施用地", "public_service"},
    {"08", "公共管理与公共服务用地", "public_service"},
    {"0801", "机关团体用地", "public_service"}, {"0802", "科研用地", "public_service"},
    {"0803", "文化用地", "public_service"}, {"080301", "图书与展览用地", "public_service"},
    {"080302", "文化活动用地", "public_service"},
    {"0804", "教育用地", "public_service"}, {"080401", "高等教育用地", "public_service"},
    {"080402", "中等职业教育用地", "public_service"}, {"080403", "中小学用地", "public_service"},
    {"080404", "幼儿园用地", "public_service"}, {"080405", "其他教育用地", "public_service"},
    {"0805", "体育用地", "public_service"}, {"080501", "体育场馆用地", "public_service"},
    {"080502", "体育训练用地", "public_service"},
    {"0806", "医疗卫生用地", "public_service"}, {"080601", "医院用地", "public_service"},
    {"080602", "基层医疗卫生设施用地", "public_service"}, {"080603", "公共卫生用地", "public_service"},
    {"0807", "社会福利用地", "public_service"}, {"080701", "老年人社会福利用地", "public_service"},
    {"080702", "儿童社会福利用地", "public_service"}, {"080703", "残疾人社会福利用地", "public_service"},
    {"080704", "其他社会福利用地", "public_service"},
    {"09", "商业服务业用地", ""}, {"0901", "商业用地", ""},
    {"090101", "零售商业用地", "commercial"}, {"090102", "批发市场用地", "commercial"},
    {"090103", "餐饮用地", "catering"}, {"090104", "旅馆用地", "hotel"},
    {"090105", "公用设施营业网点用地", ""},
    {"0902", "商务金融用地", "commercial"}, {"0903", "娱乐用地", ""}, {"0903", "娱乐康体用地", ""},
    {"0904", "其他商业服务业用地", ""},
    {"10", "工矿用地", ""}, {"1001", "工业用地", "industrial"},
    {"100101", "一类工业用地", "industrial"}, {"100102", "二类工业用地", "industrial"},
    {"100103", "三类工业用地", "industrial"}, {"1002", "采矿用地", "mining"}, {"1003", "盐田", ""},
    {"11", "仓储用地", ""}, {"1101", "物流仓储用地", ""}, {"1102", "储备库用地", ""},
    {"12", "交通运输用地", ""}, {"1201", "铁路用地", "railway"}, {"1202", "公路用地", "road"},
    {"1203", "机场用地", ""}, {"1204", "港口码头用地", "wharf"}, {"1205", "管道运输用地", "pipeline"},
    {"1206", "城市轨道交通用地", "railway"}, {"1207", "城镇村道路用地", "road"},
    {"1207", "城镇道路用地", "road"}, {"1208", "交通场站用地", ""}, {"1209", "其他交通设施用地", ""},
    {"13", "公用设施用地", ""}, {"1301", "供水用地", "water_supply"}, {"1302", "排水用地", ""},
    {"1303", "供电用地", ""}, {"1304", "供燃气用地", ""}, {"1305", "供热用地", ""},
    {"1306", "通信用地", "telecom"}, {"1307", "邮政用地", ""}, {"1308", "广播电视设施用地", ""},
    {"1309", "环卫用地", ""}, {"1310", "消防用地", ""},
    {"14", "绿地与开敞空间用地", ""}, {"1401", "公园绿地", ""}, {"1402", "防护绿地", ""},
    {"1403", "广场用地", ""},
    {"15", "特殊用地", ""}, {"1501", "军事设施用地", ""}, {"1502", "使领馆用地", ""},
    {"1503", "宗教用地", ""}, {"1504", "文物古迹用地", ""}, {"1505", "监教场所用地", ""},
    {"1506", "殡葬用地", "cemetery"}, {"1507", "其他特殊用地", ""},
    {"16", "留白用地", ""}, {"17", "陆地水域", ""}, {"23", "其他土地", ""},
};
// clang-format on

// Mapped four-digit codes that GB/T 21010-2017 (三调) uses for another kind of land: 0601 工业用地,
// 0702 农村宅基地, 0902 使领馆用地, 1001 铁路用地, 1002 轨道交通用地, 1201–1207 其他土地.
const std::set<std::string> kCodesOfAnotherStandard = {
    "0601", "0702", "0902", "1001", "1002", "1201", "1202", "1204", "1205", "1206", "1207"};

std::string describe(const LandClass& c)
{
    return std::string(c.code) + " " + c.name;
}

} // namespace

LandUseReading readLandUse(const std::string& text)
{
    LandUseReading r;
    std::string value = normalizeSpelling(text);
    std::size_t digits = 0;
    while (digits < value.size() && std::isdigit(static_cast<unsigned char>(value[digits])))
        ++digits;
    const std::string code = value.substr(0, digits);
    std::string name = value.substr(digits);
    name.erase(std::remove(name.begin(), name.end(), ' '), name.end());

    const LandClass* byCode = nullptr;
    const LandClass* byName = nullptr;
    for (const LandClass& c : kClasses)
    {
        if (!code.empty() && code == c.code && !byCode)
            byCode = &c;
        if (!name.empty() && (name == c.name || name + "用地" == c.name))
            byName = &c;
    }
    if (!code.empty() && !name.empty() && byCode && byName &&
        std::string(byCode->code) != byName->code)
    {
        r.problem = "its code " + code + " (" + byCode->name + ") and name " + name +
                    " name different 用地用海分类 classes";
        return r;
    }
    const LandClass* found = byName ? byName : byCode;
    if (!found)
    {
        r.problem = "it is not a 用地用海分类 (2023) class this engine knows";
        return r;
    }
    r.landClass = describe(*found);
    if (!byName && kCodesOfAnotherStandard.count(code) != 0)
    {
        r.problem = "the code alone is " + describe(*found) +
                    " in 用地用海分类 (2023) but another kind of land in GB/T 21010-2017 (三调); "
                    "give the class name as well";
        return r;
    }
    if (*found->projectType == '\0')
    {
        r.problem = "用地用海分类 " + describe(*found) + " does not name one project type";
        return r;
    }
    r.projectType = found->projectType;
    return r;
}

} // namespace redline::detail
