// Chinese labels of zone attributes (redline/rules/Terms.hpp, zhFieldLabel): the fields of the
// conventional layers (DESIGN A1) and of the demonstration store, as the plan's tables and the
// 三线一单 lists name them. Part of the one vocabulary table, next to the coded values'
// labels (TermTable.cpp), so that the viewer's forms, its legend and the reports agree.
#include <array>
#include <string>

#include "redline/rules/Terms.hpp"

namespace redline
{
namespace
{

struct FieldLabel
{
    std::string_view kind; // "" for every kind
    std::string_view field;
    std::string_view zh;
};

constexpr std::array<FieldLabel, 36> kLabels{{
    {"", "zone_id", "编号"},
    {"", "unit_code", "单元编码"},
    {"", "code", "代码"},
    {"townships", "code", "乡镇代码"},
    {"county", "code", "行政区划代码"},
    {"", "river_id", "河流编号"},
    {"", "name", "名称"},
    {"", "redline_type", "红线类型"},
    {"", "unit_type", "管控单元类别"},
    {"", "key_subtype", "重点管控类型"},
    {"", "priority_subtype", "优先保护类型"},
    {"", "kjbjys", "空间布局约束"},
    {"", "pwwpfgk", "污染物排放管控"},
    {"", "hjfxfk", "环境风险防控"},
    {"", "zykfxlyq", "资源开发效率要求"},
    {"", "total_load_cap", "总量控制"},
    {"", "source_name", "水源名称"},
    {"", "source_type", "水源类型"},
    {"", "source_scale", "供水规模"},
    {"", "level", "级别"},
    {"water_protection_zones", "level", "保护级别"},
    {"", "category", "保护地类型"},
    {"", "zoning", "功能分区"},
    {"", "prohibition", "禁止类型"},
    {"", "basis", "依据"},
    {"", "township", "所属乡镇"},
    {"", "origin", "数据来源"},
    {"", "source", "来源"},
    {"", "area_km2", "面积（km²）"},
    {"", "official_area_km2", "公布面积（km²）"},
    {"", "generated_km2", "生成面积（km²）"},
    {"", "length_km", "长度（km）"},
    {"", "site_id", "项目编号"},
    {"", "industry_code", "国民经济行业代码"},
    {"", "project_type", "项目类型"},
    {"", "construction", "建设性质"},
}};

} // namespace

std::string zhFieldLabel(std::string_view kind, std::string_view field)
{
    std::string_view general;
    for (const FieldLabel& l : kLabels)
    {
        if (l.field != field)
            continue;
        if (!l.kind.empty() && l.kind == kind)
            return std::string(l.zh);
        if (l.kind.empty())
            general = l.zh;
    }
    return std::string(general);
}

std::string zhFieldValue(std::string_view kind, std::string_view field, std::string_view value)
{
    if (const char* domain = zoneFieldDomain(kind, field))
        if (std::string zh = zhLabel(domain, value); !zh.empty())
            return zh;
    return std::string(value);
}

} // namespace redline
