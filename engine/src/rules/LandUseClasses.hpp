#pragma once
// A 界址点 list's 地块用途 read through the national land and sea use classification
// (国土空间调查、规划、用途管制用地用海分类指南, 自然资源部 2023) into a RULEBOOK project type,
// only where the class names one project type. Private to the engine; pure, thread-safe.
//
// Mapped (class -> project type) and why:
//   0601 农村道路, 060101 村道用地, 060102 田间道, 1202 公路用地, 1207 城镇(村)道路用地 -> road
//   1201 铁路用地, 1206 城市轨道交通用地 -> railway;   1205 管道运输用地 -> pipeline
//   1204 港口码头用地 -> wharf;   1301 供水用地 -> water_supply;   1306 通信用地 -> telecom
//   060202 畜禽养殖设施建设用地 -> livestock_farm;   060203 水产养殖设施建设用地 -> aquaculture
//   0701 城镇住宅用地 (070101–070103) -> residential
//   08 公共管理与公共服务用地 and 0801–0807 with their sub-classes, 0702 城镇社区服务设施用地,
//      0704 农村社区服务设施用地 -> public_service
//   090101 零售商业用地, 090102 批发市场用地, 0902 商务金融用地 -> commercial
//   090103 餐饮用地 -> catering;   090104 旅馆用地 -> hotel
//   1001 工业用地 (100101–100103) -> industrial (the land classes 一/二/三类工业用地 are not the
//      Zhejiang project classes, so zj_industrial_class is not set);   1002 采矿用地 -> mining
//   1506 殡葬用地 -> cemetery
// Not mapped (a warning): classes that hold several project types or none — 0703 农村宅基地
// (residents' housing: residential or resident_livelihood), 09/0901 商业用地 and 090105
// 公用设施营业网点用地 (fuel stations among others), 0903/0904, 11 仓储, 1203 机场, 1208/1209,
// 1302–1305, 1307–1310 (供电 is substations as well as lines; 环卫 toilets as well as waste),
// 14 绿地, 15 other than 1506, 01–05, 16, 17, 23 (no construction).
// A code alone is read only when it cannot be a GB/T 21010-2017 (三调) code of another meaning:
// 0601 there is 工业用地, 1001 铁路用地, 1202 设施农用地 …; give the name with such codes.

#include <optional>
#include <string>

namespace redline::detail
{

struct LandUseReading
{
    std::optional<std::string> projectType; // set when the class names one project type
    std::string landClass;                  // "1001 工业用地" when the class is recognised
    std::string problem;                    // why there is no project type
};

[[nodiscard]] LandUseReading readLandUse(const std::string& text);

} // namespace redline::detail
