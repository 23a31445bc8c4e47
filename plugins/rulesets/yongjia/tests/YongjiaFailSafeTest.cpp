// Issue 9, fail-safe evaluation under rules.yongjia: a value the rules cannot read never makes a
// hit on a protective zone `allowed`. Each row is one case a planner can check against the
// RULEBOOK: the zone, what the applicant gave, the verdict, the site warning that names the
// field and value (exact), and the start of the MISSING-INFO entry that says which value would
// decide and what each value gives. Expected outcomes were worked out by hand from the RULEBOOK
// tables (§2.4, §3.1, §4, §1.3, §5) and the least-severe-still-possible rule.
#include <algorithm>

#include <gtest/gtest.h>

#include "../../../../tests/unit/rules/RuleFixtures.hpp"
#include "rulesets/yongjia/YongjiaRuleSet.hpp"

namespace redline
{
namespace
{

using test::fired;
using test::makeHit;
using test::makeSite;

struct Case
{
    const char* name;
    const char* kind;
    const char* zone; // zone attributes
    const char* site; // site attributes
    Verdict expected;
    const char* warning; // a site warning, exactly ("" = none expected)
    const char* summary; // start of the hit's MISSING-INFO reason ("" = the verdict is certain)
};

std::ostream& operator<<(std::ostream& os, const Case& c)
{
    return os << c.name;
}

class YongjiaFailSafe : public ::testing::TestWithParam<Case>
{
};

// Red line, water zones, protected areas, prohibition zones, and control units not known to be
// key or general units.
bool protectiveHit(const Hit& hit)
{
    const std::string type = hit.attributes.text("unit_type").value_or("");
    return hit.kind != "control_units" || (type != "general" && type != "key");
}

TEST_P(YongjiaFailSafe, VerdictWarningAndWhatWouldDecide)
{
    const Case& c = GetParam();
    SiteResult site = makeSite(c.site, {makeHit(c.kind, c.zone)});
    yongjiaRuleSet()->evaluate(site, {});
    const Hit& hit = site.hits.front();
    std::string reported;
    for (const auto& m : hit.rules)
        reported += "\n  " + m.ruleId + " " + toString(m.verdict) + ": " + m.reason;
    for (const auto& w : site.warnings)
        reported += "\n  warning: " + w;

    EXPECT_EQ(hit.verdict, c.expected) << "got " << toString(hit.verdict) << reported;
    if (protectiveHit(hit))
    {
        EXPECT_NE(hit.verdict, Verdict::Allowed) << "allowed on a protective zone" << reported;
    }
    if (*c.warning)
    {
        EXPECT_NE(std::find(site.warnings.begin(), site.warnings.end(), c.warning),
                  site.warnings.end())
            << "missing warning: " << c.warning << reported;
    }
    ASSERT_FALSE(hit.rules.empty()) << reported;
    if (*c.summary)
    {
        EXPECT_EQ(hit.rules.front().ruleId, "MISSING-INFO") << reported;
        EXPECT_EQ(hit.rules.front().reason.rfind(c.summary, 0), 0u) << reported;
        EXPECT_EQ(hit.rules.front().verdict, c.expected);
    }
    else
        EXPECT_NE(hit.rules.front().ruleId, "MISSING-INFO") << reported;
}

const auto P = Verdict::Prohibited;
const auto R = Verdict::Restricted;
const auto N = Verdict::NeedsReview;

// clang-format off
const Case kZoneValueUnknown[] = {
    {"level_not_understood_factory", "water_protection_zones", "level=一级水源",
     "project_type=industrial;construction=new;discharges_pollutants=1;zj_industrial_class=2", N,
     "water_protection_zones zone water_protection_zones-1: level '一级水源' is not a known "
     "water-protection level (I, II, quasi, rural); rules that need it consider every possible value",
     "信息不足：缺少或无法识别 饮用水水源保护区 water_protection_zones-1 的 level。按其可能取值："
     "level=农村饮用水水源保护范围 → 需进一步论证（DW-13）；level=准保护区 → 限制（DW-11）；"
     "level=一级保护区 → 禁止（DW-02）；level=二级保护区 → 禁止（DW-05）。取可能结论中最轻者：需进一步论证"},
    {"level_not_understood_outfall_any_level", "water_protection_zones", "level=一级水源",
     "project_type=other;sewage_outfall=1", P,
     "water_protection_zones zone water_protection_zones-1: level '一级水源' is not a known "
     "water-protection level (I, II, quasi, rural); rules that need it consider every possible value",
     ""}, // DW-01 applies at any level
    {"zoning_not_understood", "protected_areas", "category=nature_reserve;zoning=外围保护地带",
     "project_type=road;discharges_pollutants=0", N,
     "protected_areas zone protected_areas-1: zoning '外围保护地带' is not a known protected-area "
     "zoning (core, general, buffer, conservation, restoration, reasonable_use); rules that need it "
     "consider every possible value",
     "信息不足：缺少或无法识别 自然保护地 protected_areas-1 的 zoning。按其可能取值："
     "zoning=缓冲区 → 允许（无规则适用）；zoning=保育区/恢复重建区/合理利用区 → 需进一步论证（无规则可判定）；"
     "zoning=一般控制区 → 限制（PA-04）；zoning=核心保护区 → 禁止（PA-01）。可能的结论含“允许”"},
    {"unit_type_not_understood", "control_units", "unit_type=优先",
     "project_type=industrial;zj_industrial_class=2;construction=new", N,
     "control_units zone control_units-1: unit_type '优先' is not a known control-unit type "
     "(priority, key, general); rules that need it consider every possible value",
     "信息不足：缺少或无法识别 环境管控单元 control_units-1 的 unit_type。按其可能取值："
     "unit_type=重点管控单元 → 允许（无规则适用）；unit_type=一般管控单元 → 限制（TL-08）；"
     "unit_type=优先保护单元 → 禁止（TL-02）。"},
    {"prohibition_not_understood", "prohibited_zones", "prohibition=禁止垂钓区",
     "project_type=livestock_farm", N,
     "prohibited_zones zone prohibited_zones-1: prohibition '禁止垂钓区' is not a known prohibition "
     "kind (livestock, no_swimming, no_bbq, no_camping, no_riverside_catering, beach_forest, "
     "nanxi_basin); rules that need it consider every possible value",
     "信息不足：缺少或无法识别 禁止类区域 prohibited_zones-1 的 prohibition。按其可能取值："
     "prohibition=禁止游泳区/禁止露天烧烤区/禁止露营区/离岸禁止餐饮区/楠溪江流域 → 允许（无规则适用）；"
     "prohibition=滩林保护范围 → 需进一步论证（NX-05）；prohibition=畜禽禁养区 → 禁止（LV-01）。"},
};

const Case kFlagUnknown[] = {
    {"discharge_flag_not_understood", "water_protection_zones", "level=II",
     "project_type=road;construction=new;discharges_pollutants=待定", N,
     "discharges_pollutants '待定' is not a yes/no value (1/0, true/false, yes/no, Y/N, 是/否, 有/无, "
     "√/×); treated as unknown, never as no",
     "信息不足：缺少或无法识别 是否排放污染物。按其可能取值：是否排放污染物=否 → "
     "需进一步论证（DW-07）；是否排放污染物=是 → 禁止（DW-05）。取可能结论中最轻者：需进一步论证"},
    {"opt_in_flag_not_understood_is_not_no", "water_protection_zones", "level=quasi",
     "project_type=public_service;discharges_pollutants=0;sewage_outfall=不详", N,
     "sewage_outfall '不详' is not a yes/no value (1/0, true/false, yes/no, Y/N, 是/否, 有/无, √/×); "
     "treated as unknown, never as no",
     "信息不足：缺少或无法识别 是否设排污口。按其可能取值：是否设排污口=否 → 允许（无规则适用）；"
     "是否设排污口=是 → 禁止（DW-01）。可能的结论含“允许”，判定为需进一步论证"},
    {"unavoidable_not_understood", "ecological_redline", "redline_type=scenic",
     "project_type=road;in_county_plan=1;unavoidable=maybe", R,
     "unavoidable 'maybe' is not a yes/no value (1/0, true/false, yes/no, Y/N, 是/否, 有/无, √/×); "
     "treated as unknown, never as no",
     "信息不足：缺少或无法识别 是否无法避让。按其可能取值：是否无法避让=是 → 限制（ERL-03）；"
     "是否无法避让=否 → 禁止（ERL-04）。取可能结论中最轻者：限制，待补充后复核。"},
    {"project_type_not_understood", "ecological_redline", "redline_type=scenic",
     "project_type=厂房", N,
     "project_type '厂房' is not a known project type; treated as unknown (信息不足)",
     "信息不足：缺少或无法识别 项目类型、是否无法避让、是否符合国土空间规划。按其可能取值："},
};

const Case kKindUncovered[] = {
    {"geopark_no_rule", "protected_areas", "category=geopark", "project_type=road", N,
     "protected_areas zone protected_areas-1: no rule of rules.yongjia decides a site inside this "
     "protected_areas zone (category 'geopark'); the hit needs review", ""},
    {"nature_reserve_without_zoning", "protected_areas", "category=nature_reserve",
     "project_type=road", N,
     "protected_areas zone protected_areas-1: no rule of rules.yongjia decides a site inside this "
     "protected_areas zone (category 'nature_reserve'); the hit needs review", ""},
    {"water_zone_without_level", "water_protection_zones", "source_name=某山塘",
     "project_type=industrial;construction=new", N,
     "water_protection_zones zone water_protection_zones-1: no rule of rules.yongjia decides a site "
     "inside this water_protection_zones zone (none of its classifying attributes given); the hit "
     "needs review", ""},
    {"prohibition_zone_without_kind", "prohibited_zones", "name=某禁止区", "project_type=bbq_site", N,
     "prohibited_zones zone prohibited_zones-1: no rule of rules.yongjia decides a site inside this "
     "prohibited_zones zone (none of its classifying attributes given); the hit needs review", ""},
    {"control_unit_without_type", "control_units", "name=某单元",
     "project_type=industrial;zj_industrial_class=3;construction=new", N,
     "control_units zone control_units-1: no rule of rules.yongjia decides a site inside this "
     "control_units zone (none of its classifying attributes given); the hit needs review", ""},
};

const Case kMissingWithAFloor[] = {
    {"unavoidable_unstated_restricted_or_prohibited", "ecological_redline", "redline_type=scenic",
     "project_type=road;in_county_plan=1", R, "",
     "信息不足：缺少或无法识别 是否无法避让。按其可能取值：是否无法避让=是 → 限制（ERL-03）；"
     "是否无法避让=否 → 禁止（ERL-04）。取可能结论中最轻者：限制，待补充后复核。"},
    {"priority_unit_on_red_line_follows_it", "control_units",
     "unit_type=priority;name=永嘉县生态保护红线优先保护单元", "project_type=road;in_county_plan=1", R, "",
     "信息不足：缺少或无法识别 是否无法避让。按其可能取值：是否无法避让=是 → 限制（TL-01）；"
     "是否无法避让=否 → 禁止（TL-01）。取可能结论中最轻者：限制"},
    {"construction_unstated_quasi_farm", "water_protection_zones", "level=quasi",
     "project_type=livestock_farm;discharges_pollutants=1", R, "",
     "信息不足：缺少或无法识别 建设性质。按其可能取值：建设性质=改建 → 限制（DW-11）；"
     "建设性质=扩建/新建 → 禁止（DW-08）。取可能结论中最轻者：限制，待补充后复核。"},
    {"construction_unstated_but_every_kind_prohibited", "water_protection_zones", "level=II",
     "project_type=industrial;discharges_pollutants=1", P, "", ""}, // DW-05: new/expansion/rebuild
    {"nothing_stated_in_red_line", "ecological_redline", "redline_type=scenic", "", N, "",
     "信息不足：缺少或无法识别 项目类型"},
    {"nothing_stated_in_level_I", "water_protection_zones", "level=I", "", R, "",
     "信息不足：缺少或无法识别 项目类型。按其可能取值：项目类型=水源保护工程/供水设施 → "
     "限制（DW-03）；项目类型="}, // every other type: DW-02 prohibited
};

// The examples of issue 9, now read through the vocabulary.
const Case kSpellingsUnderstood[] = {
    {"level_I_written_in_chinese", "water_protection_zones", "level=一级保护区",
     "project_type=工业;construction=新建;discharges_pollutants=是", P, "", ""}, // DW-02
    {"outfall_written_you", "water_protection_zones", "level=二级保护区",
     "project_type=other;sewage_outfall=有", P, "", ""}, // DW-01
    {"homestay_in_scenic_core", "protected_areas", "category=风景名胜区;zoning=核心景区",
     "project_type=民宿;construction=改扩建", P, "", ""}, // PA-07 (hotel)
    {"farm_stay_in_level_I", "water_protection_zones", "level=Ⅰ",
     "project_type=农家乐;discharges_pollutants=√", P, "", ""}, // DW-02 / DW-04
};
// clang-format on

INSTANTIATE_TEST_SUITE_P(ZoneAttributeUnknown, YongjiaFailSafe,
                         ::testing::ValuesIn(kZoneValueUnknown),
                         [](const auto& row) { return std::string(row.param.name); });
INSTANTIATE_TEST_SUITE_P(FlagUnknown, YongjiaFailSafe, ::testing::ValuesIn(kFlagUnknown),
                         [](const auto& row) { return std::string(row.param.name); });
INSTANTIATE_TEST_SUITE_P(KindUncovered, YongjiaFailSafe, ::testing::ValuesIn(kKindUncovered),
                         [](const auto& row) { return std::string(row.param.name); });
INSTANTIATE_TEST_SUITE_P(MissingWithAFloor, YongjiaFailSafe,
                         ::testing::ValuesIn(kMissingWithAFloor),
                         [](const auto& row) { return std::string(row.param.name); });
INSTANTIATE_TEST_SUITE_P(SpellingsUnderstood, YongjiaFailSafe,
                         ::testing::ValuesIn(kSpellingsUnderstood),
                         [](const auto& row) { return std::string(row.param.name); });

TEST(YongjiaFailSafe, UndecidedHitNamesItselfInItsRules)
{
    SiteResult site =
        makeSite("project_type=road", {makeHit("protected_areas", "category=geopark")});
    yongjiaRuleSet()->evaluate(site, {});
    const Hit& hit = site.hits.front();
    ASSERT_EQ(hit.rules.size(), 1u);
    EXPECT_EQ(hit.rules[0].ruleId, "UNDECIDED");
    EXPECT_EQ(hit.rules[0].verdict, Verdict::NeedsReview);
    EXPECT_TRUE(fired(hit, "UNDECIDED"));
    EXPECT_EQ(hit.rules[0].reasonEn,
              "No rule decides this hit: the zone is protective and no rule of rules.yongjia "
              "covers it (category 'geopark'); it needs review (fail safe, never allowed)");
}

} // namespace
} // namespace redline
