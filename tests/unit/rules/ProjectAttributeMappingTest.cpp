// Project attributes as applicants send them: field names cut to 10 bytes by the Shapefile
// format, Chinese field names, --fields, --site-attr and the 界址点 list's 地块用途.
// Expected cut names are worked out by hand from the UTF-8 / GBK bytes; tests/cli checks the
// same against names GDAL's Shapefile driver really writes.
#include "redline/rules/ProjectAttributeMapping.hpp"

#include <gtest/gtest.h>

#include "redline/core/Error.hpp"

#include "TestSupport.hpp"

namespace redline
{
namespace
{

const ProjectAttributeMapping& builtinMapping()
{
    static const ProjectAttributeMapping mapping(Vocabulary::builtin(), {});
    return mapping;
}

struct FieldRow
{
    const char* field;     // as a site file spells it
    const char* attribute; // what it is read as ("" = not a project attribute)
};

std::ostream& operator<<(std::ostream& os, const FieldRow& r)
{
    return os << r.field << " -> " << r.attribute;
}

class FieldAlias : public ::testing::TestWithParam<FieldRow>
{
};

TEST_P(FieldAlias, ReadsAs)
{
    EXPECT_EQ(builtinMapping().attributeFor(GetParam().field), GetParam().attribute);
}

// clang-format off
// field name in the site file | attribute
INSTANTIATE_TEST_SUITE_P(Table, FieldAlias, ::testing::Values(
    // the attribute names themselves, any case
    FieldRow{"project_type", "project_type"}, FieldRow{"Project_Type", "project_type"},
    FieldRow{"sewage_outfall", "sewage_outfall"},
    // cut to 10 bytes by the Shapefile format (every attribute longer than 10 bytes)
    FieldRow{"project_ty", "project_type"}, FieldRow{"PROJECT_TY", "project_type"},
    FieldRow{"constructi", "construction"}, FieldRow{"industry_c", "industry_code"},
    FieldRow{"zj_industr", "zj_industrial_class"}, FieldRow{"discharges", "discharges_pollutants"},
    FieldRow{"sewage_out", "sewage_outfall"}, FieldRow{"increases_", "increases_discharge"},
    FieldRow{"heavy_wate", "heavy_water_polluter"}, FieldRow{"high_total", "high_total_nitrogen"},
    FieldRow{"new_constr", "new_construction_land"}, FieldRow{"unavoidabl", "unavoidable"},
    FieldRow{"in_county_", "in_county_plan"}, FieldRow{"national_m", "national_major"},
    FieldRow{"stores_sol", "stores_solid_waste"}, FieldRow{"hazardous_", "hazardous_goods"},
    FieldRow{"ship_washi", "ship_washing"}, FieldRow{"pollutant_", "pollutant_wharf"},
    FieldRow{"toxic_cont", "toxic_container_washing"}, FieldRow{"high_toxic", "high_toxicity_pesticide"},
    FieldRow{"waste_dump", "waste_dumping"}, FieldRow{"pollutes_o", "pollutes_or_damages"},
    // Chinese names, whole, cut at byte 10 of UTF-8 (项 E9A1B9 目 E79BAE 类 E7B1BB 型 E5…),
    // cut at a whole UTF-8 character, and cut after 5 GBK characters (10 bytes)
    FieldRow{"项目类型", "project_type"}, FieldRow{"项目类\xE5", "project_type"},
    FieldRow{"项目类", "project_type"}, FieldRow{"建设性质", "construction"},
    FieldRow{"建设性\xE8", "construction"}, FieldRow{"行业代码", "industry_code"},
    FieldRow{"是否设排污口", "sewage_outfall"}, FieldRow{"是否设\xE6", "sewage_outfall"},
    FieldRow{"是否设排污", "sewage_outfall"},
    // collisions, not read: 是否设置排污口 (sewage_outfall) and 是否设置污染物装卸码头
    // (pollutant_wharf) both cut to 是否设 + 置's first byte E7, and to 是否设 at a whole
    // character, as 是否设排污口 does too
    FieldRow{"是否设\xE7", ""}, FieldRow{"是否设", ""},
    FieldRow{"是否排放污染物", "discharges_pollutants"}, FieldRow{"是否排放污", "discharges_pollutants"},
    FieldRow{"是否无法避让", "unavoidable"}, FieldRow{"是否新增建设用地", "new_construction_land"},
    FieldRow{"是否新增建", "new_construction_land"},
    FieldRow{"是否符合国土空间规划", "in_county_plan"}, FieldRow{"是否国家重大项目", "national_major"},
    // pinyin initials used in Chinese GIS tables
    FieldRow{"XMLX", "project_type"}, FieldRow{"jsxz", "construction"}, FieldRow{"HYDM", "industry_code"},
    // not project attributes
    FieldRow{"site_id", ""}, FieldRow{"name", ""}, FieldRow{"项目名称", ""}, FieldRow{"discharg_1", ""},
    FieldRow{"project", ""}, FieldRow{"地块用途", ""}));
// clang-format on

TEST(ProjectAttributeMapping, CutNamesTwoAttributesShareAreNotRead)
{
    // A rule file adding pollutant_discharge_cap: cut to 10 bytes it is "pollutant_", the same
    // as pollutant_wharf.
    Vocabulary v = Vocabulary::builtin();
    v.flags.insert("pollutant_discharge_cap");
    const ProjectAttributeMapping mapping(v, {});
    EXPECT_EQ(mapping.attributeFor("pollutant_"), "");
    EXPECT_EQ(mapping.attributeFor("pollutant_discharge_cap"), "pollutant_discharge_cap");

    Layer layer;
    layer.source = "parcels.shp";
    layer.fieldNames = {"site_id", "pollutant_"};
    Feature f;
    f.attributes.set("site_id", std::string("S1"));
    f.attributes.set("pollutant_", std::int64_t{1});
    layer.features.push_back(f);
    mapping.apply(layer);
    ASSERT_EQ(layer.warnings.size(), 1u);
    EXPECT_EQ(layer.warnings[0],
              "parcels.shp: field 'pollutant_' could be pollutant_discharge_cap or "
              "pollutant_wharf (a name cut to 10 bytes); it is not read — map it with --fields "
              "ATTRIBUTE=pollutant_");
    EXPECT_EQ(layer.features[0].attributes.find("pollutant_wharf"), nullptr);
}

Layer shapefileSites()
{
    Layer layer;
    layer.source = "sites.shp";
    layer.fieldNames = {"site_id",      "project_ty", "constructi",
                        "是否设排污口", "discharg_1", "是否涉密"};
    Feature f;
    f.fid = 1;
    f.attributes.set("site_id", std::string("D21"));
    f.attributes.set("project_ty", std::string("民宿"));
    f.attributes.set("constructi", std::string("改扩建"));
    f.attributes.set("是否设排污口", std::string("有"));
    f.attributes.set("discharg_1", std::int64_t{1});
    f.attributes.set("是否涉密", std::string("否"));
    layer.features.push_back(f);
    return layer;
}

TEST(ProjectAttributeMapping, AliasedFieldsAreCopiedToTheAttributeNamesAndNamed)
{
    Layer layer = shapefileSites();
    builtinMapping().apply(layer);
    const Attributes& a = layer.features[0].attributes;
    EXPECT_EQ(a.text("project_type"), "民宿");
    EXPECT_EQ(a.text("construction"), "改扩建");
    EXPECT_EQ(a.text("sewage_outfall"), "有");
    EXPECT_EQ(a.text("project_ty"), "民宿"); // the source field stays
    const std::vector<std::string> expected{
        "sites.shp: fields read as project attributes: project_ty → project_type, constructi → "
        "construction, 是否设排污口 → sewage_outfall",
        "sites.shp: field 'discharg_1' looks like a project attribute but is not one Redline "
        "reads; map it with --fields ATTRIBUTE=discharg_1 if it is one",
        "sites.shp: field '是否涉密' looks like a project attribute but is not one Redline reads; "
        "map it with --fields ATTRIBUTE=是否涉密 if it is one"};
    EXPECT_EQ(layer.warnings, expected);
}

TEST(ProjectAttributeMapping, FieldsOptionWinsAndIsChecked)
{
    ProjectAttributeOptions options;
    options.fields = parseFieldMapping("discharges_pollutants=discharg_1, 项目类型 = project_ty");
    ASSERT_EQ(options.fields.size(), 2u);
    EXPECT_EQ(options.fields[1], (std::pair<std::string, std::string>{"项目类型", "project_ty"}));
    const ProjectAttributeMapping mapping(Vocabulary::builtin(), options);
    Layer layer = shapefileSites();
    mapping.apply(layer);
    EXPECT_EQ(layer.features[0].attributes.text("discharges_pollutants"), "1");
    EXPECT_EQ(layer.features[0].attributes.text("project_type"), "民宿");

    ProjectAttributeOptions missing;
    missing.fields = {{"project_type", "XMLB"}};
    Layer again = shapefileSites();
    try
    {
        ProjectAttributeMapping(Vocabulary::builtin(), missing).apply(again);
        FAIL() << "a --fields source the layer lacks must be refused";
    }
    catch (const ConfigError& e)
    {
        EXPECT_STREQ(e.what(), "sites.shp: --fields project_type=XMLB: the sites have no field "
                               "'XMLB' (fields: site_id, project_ty, constructi, 是否设排污口, "
                               "discharg_1, 是否涉密)");
    }
    ProjectAttributeOptions unknown;
    unknown.fields = {{"projecttype", "project_ty"}};
    EXPECT_THROW(ProjectAttributeMapping(Vocabulary::builtin(), unknown), ConfigError);
    EXPECT_THROW((void)parseFieldMapping("project_type"), ConfigError);
}

TEST(ProjectAttributeMapping, FieldsFileHasOneMappingPerLine)
{
    test::TempDir dir;
    const std::string path = dir.file("fields.txt");
    test::writeFile(path,
                    "\xEF\xBB\xBF# 字段对照\nproject_type = XMLB\n\nsewage_outfall=PWK # 排污口\n");
    const auto fields = parseFieldMapping(path);
    const std::vector<std::pair<std::string, std::string>> expected{{"project_type", "XMLB"},
                                                                    {"sewage_outfall", "PWK"}};
    EXPECT_EQ(fields, expected);
}

TEST(ProjectAttributeMapping, SiteAttributesApplyToEverySiteAndSayWhatTheyReplace)
{
    ProjectAttributeOptions options;
    options.siteAttributes = {parseSiteAttribute("project_type=road"),
                              parseSiteAttribute("是否无法避让=是")};
    const ProjectAttributeMapping mapping(Vocabulary::builtin(), options);
    Layer layer = shapefileSites();
    layer.warnings.clear();
    mapping.apply(layer);
    EXPECT_EQ(layer.features[0].attributes.text("project_type"), "road");
    EXPECT_EQ(layer.features[0].attributes.text("unavoidable"), "是");
    ASSERT_FALSE(layer.warnings.empty());
    EXPECT_EQ(layer.warnings.back(), "sites.shp: --site-attr project_type=road replaces what the "
                                     "sites give (e.g. site D21: 民宿)");
    EXPECT_THROW((void)parseSiteAttribute("=road"), ConfigError);
    ProjectAttributeOptions bad;
    bad.siteAttributes = {{"sewage", "1"}};
    EXPECT_THROW(ProjectAttributeMapping(Vocabulary::builtin(), bad), ConfigError);
}

struct LandUseRow
{
    const char* landUse;     // 地块用途 as a 界址点 list writes it
    const char* projectType; // "" = no project type: a warning
};

std::ostream& operator<<(std::ostream& os, const LandUseRow& r)
{
    return os << r.landUse << " -> " << r.projectType;
}

class LandUse : public ::testing::TestWithParam<LandUseRow>
{
};

TEST_P(LandUse, GivesTheProjectTypeOnlyWhenUnambiguous)
{
    Layer layer;
    layer.source = "parcels.txt";
    layer.fieldNames = {"site_id", "name", "地块用途"};
    Feature f;
    f.attributes.set("site_id", std::string("1"));
    f.attributes.set("name", std::string("XX区块"));
    f.attributes.set("地块用途", std::string(GetParam().landUse));
    layer.features.push_back(f);
    builtinMapping().apply(layer);
    ASSERT_EQ(layer.warnings.size(), 1u);
    const auto type = layer.features[0].attributes.text("project_type");
    if (*GetParam().projectType)
    {
        EXPECT_EQ(type, GetParam().projectType);
        EXPECT_NE(layer.warnings[0].find("project_type taken from 地块用途 (用地用海分类)"),
                  std::string::npos)
            << layer.warnings[0];
    }
    else
    {
        EXPECT_FALSE(type.has_value());
        EXPECT_EQ(layer.warnings[0].rfind("parcels.txt: site 1 (XX区块): 地块用途 '", 0), 0u)
            << layer.warnings[0];
        EXPECT_NE(layer.warnings[0].find("--site-attr project_type="), std::string::npos);
    }
}

// clang-format off
// 地块用途 | project type
INSTANTIATE_TEST_SUITE_P(Table, LandUse, ::testing::Values(
    LandUseRow{"工业用地", "industrial"}, LandUseRow{"1001工业用地", "industrial"},
    LandUseRow{"100102 二类工业用地", "industrial"}, LandUseRow{"工业", "industrial"},
    LandUseRow{"1001", ""},                 // 1001 is 铁路用地 in GB/T 21010-2017
    LandUseRow{"0601工业用地", ""},          // code (农村道路) and name disagree
    LandUseRow{"采矿用地", "mining"}, LandUseRow{"0701", "residential"},
    LandUseRow{"070102二类城镇住宅用地", "residential"}, LandUseRow{"0703 农村宅基地", ""},
    LandUseRow{"0804", "public_service"}, LandUseRow{"医疗卫生用地", "public_service"},
    LandUseRow{"商业服务业用地", ""}, LandUseRow{"商业用地", ""}, LandUseRow{"090103", "catering"},
    LandUseRow{"090104旅馆用地", "hotel"}, LandUseRow{"090105", ""}, LandUseRow{"商务金融用地", "commercial"},
    LandUseRow{"公路用地", "road"}, LandUseRow{"1202", ""}, LandUseRow{"城镇村道路用地", "road"},
    LandUseRow{"铁路用地", "railway"}, LandUseRow{"管道运输用地", "pipeline"}, LandUseRow{"港口码头用地", "wharf"},
    LandUseRow{"1301", "water_supply"}, LandUseRow{"1306通信用地", "telecom"}, LandUseRow{"供电用地", ""},
    LandUseRow{"环卫用地", ""}, LandUseRow{"060202", "livestock_farm"}, LandUseRow{"水产养殖设施建设用地", "aquaculture"},
    LandUseRow{"1506", "cemetery"}, LandUseRow{"林地", ""}, LandUseRow{"物流仓储用地", ""},
    LandUseRow{"建设用地", ""}, LandUseRow{"9999", ""}));
// clang-format on

TEST(ProjectAttributeMapping, StatedProjectTypeWinsOverLandUse)
{
    Layer layer;
    layer.source = "parcels.txt";
    layer.fieldNames = {"site_id", "地块用途", "project_type"};
    Feature f;
    f.attributes.set("site_id", std::string("1"));
    f.attributes.set("地块用途", std::string("工业用地"));
    f.attributes.set("project_type", std::string("道路"));
    layer.features.push_back(f);
    builtinMapping().apply(layer);
    EXPECT_EQ(layer.features[0].attributes.text("project_type"), "道路");
    ASSERT_EQ(layer.warnings.size(), 1u);
    EXPECT_EQ(layer.warnings[0],
              "parcels.txt: site 1: 地块用途 '工业用地' (1001 工业用地, industrial) differs from "
              "the project_type given, 道路; project_type is used");
}

} // namespace
} // namespace redline
