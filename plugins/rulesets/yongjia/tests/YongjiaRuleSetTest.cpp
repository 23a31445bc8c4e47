// rules.yongjia: every RULEBOOK rule (§1.3, §2.4, §3.1, §4, §5) has a row that fires it and a row
// that just misses it. Expected verdicts are read off the RULEBOOK tables by hand (with the
// precedence documented in yongjia_rules.yaml), not taken from the program.
#include "rulesets/yongjia/YongjiaRuleSet.hpp"

#include <map>
#include <set>

#include <gtest/gtest.h>

#include "../../../../tests/unit/rules/RuleFixtures.hpp"
#include "redline/plugin/Registry.hpp"

namespace redline
{
namespace
{

using test::fired;
using test::makeHit;
using test::makeSite;
using test::Shape;

constexpr const char* kRedline = "redline_type=scenic;name=楠溪江风景名胜区";
constexpr const char* kPaCore = "category=nature_reserve;zoning=core";

struct Row
{
    const char* rule;
    bool fires;       // true: the rule matches; false: it just misses
    const char* kind; // kind of the hit under test
    const char* zone; // its zone attributes
    const char* site; // site attributes
    Shape shape;
    const char* alsoKind; // an extra overlapping hit of the site ("" for none)
    const char* alsoZone;
    Verdict expected; // verdict of the hit under test
};

std::ostream& operator<<(std::ostream& os, const Row& row)
{
    return os << row.rule << (row.fires ? " fires" : " misses") << " | " << row.zone << " | "
              << row.site;
}

class YongjiaRule : public ::testing::TestWithParam<Row>
{
};

TEST_P(YongjiaRule, FiresOrJustMisses)
{
    const Row& row = GetParam();
    std::vector<Hit> hits{makeHit(row.kind, row.zone, row.shape)};
    if (std::string(row.alsoKind).size() > 0)
        hits.push_back(makeHit(row.alsoKind, row.alsoZone));
    SiteResult site = makeSite(row.site, std::move(hits));
    yongjiaRuleSet()->evaluate(site, {});
    const Hit& hit = site.hits.front();
    std::string reported;
    for (const auto& m : hit.rules)
        reported += m.ruleId + " ";
    EXPECT_EQ(fired(hit, row.rule), row.fires) << "reported: " << reported;
    EXPECT_EQ(hit.verdict, row.expected)
        << "got " << toString(hit.verdict) << "; reported: " << reported;
}

const auto O = Shape::Overlap;
const auto B = Shape::Buffer;
const auto P = Verdict::Prohibited;
const auto R = Verdict::Restricted;
const auto N = Verdict::NeedsReview;
const auto A = Verdict::Allowed;

// rule | fires | kind | zone attributes | site attributes | shape | also hit | expected
// clang-format off
const Row kControlUnits[] = {
    {"TL-01", true, "control_units", "unit_type=priority;name=永嘉县生态保护红线优先保护单元",
     "project_type=tourism_facility", O, "", "", R}, // as ERL-06
    {"TL-01", false, "control_units", "unit_type=priority;name=永嘉县楠溪江优先保护单元",
     "project_type=tourism_facility", O, "", "", N}, // TL-03
    {"TL-02", true, "control_units", "unit_type=priority",
     "project_type=industrial;industry_code=C3360;construction=new", O, "", "", P},
    {"TL-02", false, "control_units", "unit_type=priority",
     "project_type=industrial;industry_code=C3360;construction=rebuild", O, "", "", N},
    {"TL-03", true, "control_units", "unit_type=priority", "project_type=road", O, "", "", N},
    {"TL-03", false, "control_units", "unit_type=priority",
     "industry_code=C2929;construction=expansion", O, "", "", P}, // TL-02 decides
    {"TL-04", true, "control_units", "unit_type=key;key_subtype=urban_living",
     "industry_code=C1910;construction=new", O, "", "", P},
    {"TL-04", false, "control_units", "unit_type=key;key_subtype=urban_living",
     "industry_code=C1910;construction=rebuild", O, "", "", A},
    {"TL-05", true, "control_units", "unit_type=key;key_subtype=urban_living",
     "industry_code=C2929", O, "", "", R},
    {"TL-05", false, "control_units", "unit_type=key;key_subtype=urban_living",
     "project_type=industrial;zj_industrial_class=1", O, "", "", A},
    {"TL-06", true, "control_units", "unit_type=key;key_subtype=industrial_cluster",
     "project_type=industrial", O, "", "", R},
    {"TL-06", false, "control_units", "unit_type=key;key_subtype=industrial_cluster",
     "project_type=residential", O, "", "", A},
    {"TL-07", true, "control_units", "unit_type=general", "industry_code=C2611", O, "", "", P},
    {"TL-07", false, "control_units", "unit_type=general",
     "project_type=industrial;zj_industrial_class=2", O, "", "", R}, // TL-08
    {"TL-08", true, "control_units", "unit_type=general", "industry_code=C3443", O, "", "", R},
    {"TL-08", false, "control_units", "unit_type=general", "project_type=road", O, "", "", A},
    {"TL-09", true, "control_units", "unit_type=general;PWWPFGK=实行主要污染物排放总量控制",
     "project_type=public_service;discharges_pollutants=1", O, "", "", R},
    {"TL-09", false, "control_units", "unit_type=general;PWWPFGK=严格执行污染物排放标准",
     "project_type=public_service;discharges_pollutants=1", O, "", "", A},
};

const Row kRedlineRows[] = {
    {"ERL-01", true, "ecological_redline", kRedline, "project_type=tourism_facility", O,
     "protected_areas", kPaCore, P},
    {"ERL-01", false, "ecological_redline", kRedline, "project_type=research_monitoring", O,
     "protected_areas", kPaCore, R}, // ERL-06
    {"ERL-02", true, "ecological_redline", kRedline, "project_type=industrial", O, "", "", P},
    {"ERL-02", false, "ecological_redline", kRedline, "project_type=public_service", O, "", "",
     N}, // ERL-07
    {"ERL-03", true, "ecological_redline", kRedline,
     "project_type=road;unavoidable=1;in_county_plan=1", O, "", "", R},
    {"ERL-03", false, "ecological_redline", kRedline, "project_type=road;unavoidable=1;in_county_plan=0", O,
     "", "", P}, // ERL-04
    {"ERL-03", false, "ecological_redline", kRedline, "project_type=road;in_county_plan=1", O, "",
     "", R}, // unavoidable left empty: restricted (ERL-03) or prohibited (ERL-04): restricted
    {"ERL-04", true, "ecological_redline", kRedline, "project_type=power_line;unavoidable=0", O,
     "", "", P},
    {"ERL-04", false, "ecological_redline", kRedline, "project_type=flood_control;unavoidable=0",
     O, "", "", N}, // ERL-07
    {"ERL-05", true, "ecological_redline", kRedline, "project_type=railway;national_major=1", O,
     "", "", N},
    {"ERL-05", false, "ecological_redline", kRedline, "project_type=railway;national_major=0;unavoidable=0",
     O, "", "", P}, // ERL-04
    {"ERL-06", true, "ecological_redline", kRedline, "project_type=eco_restoration", O, "", "", R},
    {"ERL-06", false, "ecological_redline", kRedline, "project_type=hydrology", O, "", "", N},
    {"ERL-06b", true, "ecological_redline", kRedline, "project_type=resident_livelihood", O, "", "",
     R}, // new_construction_land is opt-in: not stated = no new land
    {"ERL-06b", false, "ecological_redline", kRedline,
     "project_type=resident_livelihood;new_construction_land=1", O, "", "", P}, // ERL-06c
    {"ERL-06c", true, "ecological_redline", kRedline,
     "project_type=原住居民生产生活;new_construction_land=是", O, "", "", P},
    {"ERL-06c", false, "ecological_redline", kRedline,
     "project_type=resident_livelihood;new_construction_land=否", O, "", "", R}, // ERL-06b
    {"ERL-07", true, "ecological_redline", kRedline, "project_type=other", O, "", "", N},
    {"ERL-07", false, "ecological_redline", kRedline, "project_type=forestry", O, "", "", R},
    {"ERL-08", true, "ecological_redline", kRedline, "project_type=industrial", B, "", "", N},
    {"ERL-08", false, "ecological_redline", kRedline, "project_type=residential", O, "", "", P},
};

const Row kWaterRows[] = {
    {"DW-01", true, "water_protection_zones", "level=II",
     "project_type=public_service;sewage_outfall=1", O, "", "", P},
    {"DW-01", false, "water_protection_zones", "level=II",
     "project_type=public_service;sewage_outfall=0;discharges_pollutants=0", O, "", "", N}, // DW-07
    {"DW-02", true, "water_protection_zones", "level=I", "project_type=road", O, "", "", P},
    {"DW-02", false, "water_protection_zones", "level=I", "project_type=water_supply", O, "", "",
     R},
    {"DW-03", true, "water_protection_zones", "level=I", "project_type=source_protection", O, "",
     "", R},
    {"DW-03", false, "water_protection_zones", "level=II",
     "project_type=water_supply;discharges_pollutants=0", O, "", "", N}, // DW-07
    {"DW-04", true, "water_protection_zones", "level=I", "project_type=catering", O, "", "", P},
    {"DW-04", false, "water_protection_zones", "level=quasi",
     "project_type=catering;discharges_pollutants=0", O, "", "", A},
    {"DW-05", true, "water_protection_zones", "level=II",
     "project_type=industrial;discharges_pollutants=1;construction=expansion", O, "", "", P},
    {"DW-05", false, "water_protection_zones", "level=II",
     "project_type=industrial;discharges_pollutants=0;construction=new", O, "", "", N},
    {"DW-06", true, "water_protection_zones", "level=II",
     "project_type=waste_facility;stores_solid_waste=1", O, "", "", P},
    {"DW-06", false, "water_protection_zones", "level=II",
     "project_type=waste_facility;hazardous_goods=0;discharges_pollutants=0", O, "", "", N},
    {"DW-07", true, "water_protection_zones", "level=II",
     "project_type=road;discharges_pollutants=0", O, "", "", N},
    {"DW-07", false, "water_protection_zones", "level=II",
     "project_type=road;discharges_pollutants=1;construction=new", O, "", "", P},
    {"DW-08", true, "water_protection_zones", "level=quasi",
     "project_type=fuel_station;construction=new", O, "", "", P},
    {"DW-08", false, "water_protection_zones", "level=quasi",
     "project_type=fuel_station;construction=rebuild;discharges_pollutants=0", O, "", "", A},
    {"DW-09", true, "water_protection_zones", "level=quasi",
     "industry_code=C3441;construction=rebuild;increases_discharge=1", O, "", "", P},
    {"DW-09", false, "water_protection_zones", "level=quasi",
     "industry_code=C3441;construction=rebuild;discharges_pollutants=1", O, "", "", R},
    {"DW-10", true, "water_protection_zones", "level=quasi",
     "project_type=wharf;pollutant_wharf=1", O, "", "", P},
    {"DW-10", false, "water_protection_zones", "level=quasi",
     "project_type=wharf;discharges_pollutants=0", O, "", "", A},
    {"DW-11", true, "water_protection_zones", "level=quasi",
     "project_type=public_service;discharges_pollutants=1", O, "", "", R},
    {"DW-11", false, "water_protection_zones", "level=quasi",
     "project_type=public_service;discharges_pollutants=0", O, "", "", A},
    {"DW-12", true, "water_protection_zones", "level=rural", "project_type=other;waste_dumping=1",
     O, "", "", P},
    {"DW-12", false, "water_protection_zones", "level=rural", "project_type=other", O, "", "", N},
    {"DW-13", true, "water_protection_zones", "level=rural", "project_type=residential", O, "",
     "", N},
    {"DW-13", false, "water_protection_zones", "level=rural",
     "project_type=residential;sewage_outfall=1", O, "", "", P},
    {"DW-14", true, "water_protection_zones", "level=I", "project_type=industrial", B, "", "", N},
    {"DW-14", false, "water_protection_zones", "level=quasi",
     "industry_code=C3441;construction=rebuild;discharges_pollutants=0", O, "", "", A},
};

const Row kProtectedRows[] = {
    {"PA-01", true, "protected_areas", kPaCore, "project_type=road", O, "", "", P},
    {"PA-01", false, "protected_areas", kPaCore, "project_type=research_monitoring", O, "", "", A},
    {"PA-02", true, "protected_areas", "category=nature_reserve;zoning=buffer",
     "project_type=tourism_facility", O, "", "", P},
    {"PA-02", false, "protected_areas", "category=nature_reserve;zoning=buffer",
     "project_type=eco_restoration", O, "", "", A},
    {"PA-03", true, "protected_areas", "category=nature_reserve;zoning=general",
     "project_type=public_service;discharges_pollutants=1", O, "", "", P},
    {"PA-03", false, "protected_areas", "category=nature_reserve;zoning=general",
     "project_type=public_service;discharges_pollutants=0", O, "", "", R}, // PA-04
    {"PA-04", true, "protected_areas", "category=nature_reserve;zoning=experimental",
     "project_type=road;discharges_pollutants=0", O, "", "", R},
    {"PA-04", false, "protected_areas", "category=nature_reserve;zoning=general",
     "project_type=mining", O, "", "", P}, // PA-03
    {"PA-05", true, "protected_areas", "category=forest_park;zoning=general",
     "project_type=industrial", O, "ecological_redline", kRedline, P},
    {"PA-05", false, "protected_areas", "category=forest_park;zoning=general",
     "project_type=industrial", O, "", "", R}, // PA-09
    {"PA-06", true, "protected_areas", "category=scenic_area;zoning=general",
     "project_type=quarrying", O, "", "", P},
    {"PA-06", false, "protected_areas", "category=scenic_area;zoning=general", "project_type=road",
     O, "", "", N}, // PA-08
    {"PA-07", true, "protected_areas", "category=scenic_area;zoning=core", "project_type=hotel", O,
     "", "", P},
    {"PA-07", false, "protected_areas", "category=scenic_area;zoning=core",
     "project_type=tourism_facility", O, "", "", N}, // PA-08
    {"PA-08", true, "protected_areas", "category=scenic_area;zoning=general",
     "project_type=residential", O, "", "", N},
    {"PA-08", false, "protected_areas", "category=scenic_area;zoning=general",
     "project_type=mining", O, "", "", P}, // PA-06
    {"PA-09", true, "protected_areas", "category=forest_park", "project_type=road", O, "", "", R},
    {"PA-09", false, "protected_areas", "category=scenic_area;zoning=general",
     "project_type=pipeline", O, "", "", N},
    {"PA-10", true, "protected_areas", "category=wetland_park;zoning=conservation",
     "project_type=tourism_facility", O, "", "", P},
    {"PA-10", false, "protected_areas", "category=wetland_park;zoning=conservation",
     "project_type=research_monitoring", O, "", "", R}, // PA-09
    {"PA-11", true, "protected_areas", "category=wetland_park;zoning=reasonable_use",
     "project_type=tourism_facility", O, "", "", R},
    {"PA-11", false, "protected_areas", "category=wetland_park;zoning=reasonable_use",
     "project_type=industrial", O, "", "", R}, // PA-09 only
};

const Row kProhibitionRows[] = {
    {"LV-01", true, "prohibited_zones", "prohibition=livestock", "industry_code=A0311", O, "", "",
     P},
    {"LV-01", false, "prohibited_zones", "prohibition=livestock", "project_type=aquaculture", O,
     "", "", A},
    {"LV-02", true, "prohibited_zones", "prohibition=livestock", "project_type=livestock_farm", B,
     "", "", N},
    {"LV-02", false, "prohibited_zones", "prohibition=livestock", "project_type=residential", B,
     "", "", A},
    {"NX-01", true, "prohibited_zones", "prohibition=no_swimming",
     "project_type=swimming_facility", O, "", "", P},
    {"NX-01", false, "prohibited_zones", "prohibition=no_swimming", "project_type=road", O, "", "",
     A},
    {"NX-02", true, "prohibited_zones", "prohibition=no_bbq", "project_type=bbq_site", O, "", "",
     P},
    {"NX-02", false, "prohibited_zones", "prohibition=no_bbq", "project_type=camping_site", O, "",
     "", A},
    {"NX-03", true, "prohibited_zones", "prohibition=no_camping", "project_type=camping_site", O,
     "", "", P},
    {"NX-03", false, "prohibited_zones", "prohibition=no_camping", "project_type=bbq_site", O, "",
     "", A},
    {"NX-04", true, "prohibited_zones", "prohibition=no_riverside_catering",
     "industry_code=H6210", O, "", "", P},
    {"NX-04", false, "prohibited_zones", "prohibition=no_riverside_catering",
     "project_type=hotel", O, "", "", A},
    {"NX-05", true, "prohibited_zones", "prohibition=beach_forest",
     "project_type=eco_restoration", O, "", "", N},
    {"NX-05", false, "prohibited_zones", "prohibition=no_swimming",
     "project_type=eco_restoration", O, "", "", A},
    {"NX-06", true, "prohibited_zones", "prohibition=nanxi_basin",
     "industry_code=C2929;construction=new", O, "", "", P},
    {"NX-06", false, "prohibited_zones", "prohibition=nanxi_basin",
     "project_type=industrial;construction=expansion", O, "", "", A},
    {"NX-07", true, "prohibited_zones", "prohibition=nanxi_basin",
     "project_type=industrial;construction=expansion;high_total_nitrogen=1", O, "", "", R},
    {"NX-07", false, "prohibited_zones", "prohibition=nanxi_basin",
     "project_type=public_service;high_total_nitrogen=0", O, "", "", A},
};

// clang-format on

INSTANTIATE_TEST_SUITE_P(ControlUnits, YongjiaRule, ::testing::ValuesIn(kControlUnits));
INSTANTIATE_TEST_SUITE_P(EcologicalRedline, YongjiaRule, ::testing::ValuesIn(kRedlineRows));
INSTANTIATE_TEST_SUITE_P(WaterSources, YongjiaRule, ::testing::ValuesIn(kWaterRows));
INSTANTIATE_TEST_SUITE_P(ProtectedAreas, YongjiaRule, ::testing::ValuesIn(kProtectedRows));
INSTANTIATE_TEST_SUITE_P(ProhibitionZones, YongjiaRule, ::testing::ValuesIn(kProhibitionRows));

TEST(YongjiaRuleSet, Tl10SiteOutsideEveryControlUnit)
{
    RuleContext context;
    context.kindsPresent = {"control_units", "ecological_redline"};
    SiteResult outside = makeSite("project_type=road", {});
    yongjiaRuleSet()->evaluate(outside, context);
    EXPECT_EQ(outside.verdict, Verdict::NeedsReview);
    ASSERT_FALSE(outside.warnings.empty());
    EXPECT_EQ(outside.warnings.front().rfind("TL-10", 0), 0u);

    SiteResult inside =
        makeSite("project_type=road", {makeHit("control_units", "unit_type=general")});
    yongjiaRuleSet()->evaluate(inside, context);
    EXPECT_EQ(inside.verdict, Verdict::Allowed);
    EXPECT_TRUE(inside.warnings.empty());
}

TEST(YongjiaRuleSet, EveryRulebookRuleIsPresentWithItsConfidenceMark)
{
    // RULEBOOK ids and marks: §1.3 TL (P, TL-01 V, TL-10 -), §2.4 ERL (V, ERL-07/08 -),
    // §3.1 DW (V unless marked: DW-07/13 P, DW-14 -), §4 PA (PA-09..11 P), §5 LV/NX.
    const std::map<std::string, std::string> expected{
        {"TL-01", "V"},  {"TL-02", "P"},  {"TL-03", "P"},  {"TL-04", "P"},  {"TL-05", "P"},
        {"TL-06", "P"},  {"TL-07", "P"},  {"TL-08", "P"},  {"TL-09", "P"},  {"TL-10", ""},
        {"ERL-01", "V"}, {"ERL-02", "V"}, {"ERL-03", "V"}, {"ERL-04", "V"}, {"ERL-05", "V"},
        {"ERL-06", "V"}, {"ERL-06b", "V"}, {"ERL-06c", "V"}, {"ERL-07", ""},  {"ERL-08", ""},  {"DW-01", "V"},  {"DW-02", "V"},
        {"DW-03", "V"},  {"DW-04", "V"},  {"DW-05", "V"},  {"DW-06", "V"},  {"DW-07", "P"},
        {"DW-08", "V"},  {"DW-09", "V"},  {"DW-10", "V"},  {"DW-11", "V"},  {"DW-12", "V"},
        {"DW-13", "P"},  {"DW-14", ""},   {"PA-01", "V"},  {"PA-02", "V"},  {"PA-03", "V"},
        {"PA-04", "V"},  {"PA-05", "V"},  {"PA-06", "V"},  {"PA-07", "V"},  {"PA-08", "V"},
        {"PA-09", "P"},  {"PA-10", "P"},  {"PA-11", "P"},  {"LV-01", "V"},  {"LV-02", ""},
        {"NX-01", "V"},  {"NX-02", "V"},  {"NX-03", "V"},  {"NX-04", "U"},  {"NX-05", "U"},
        {"NX-06", "P"},  {"NX-07", "P"}};
    const auto set = yongjiaRuleSet();
    EXPECT_EQ(set->rules().size(), expected.size());
    for (const auto& [id, mark] : expected)
    {
        const RuleRecord* rule = set->findRule(id);
        ASSERT_NE(rule, nullptr) << id;
        EXPECT_EQ(rule->confidence, mark) << id;
        EXPECT_FALSE(rule->reasonZh.empty()) << id;
        EXPECT_FALSE(rule->reasonEn.empty()) << id;
    }
}

TEST(YongjiaRuleSet, EveryRuleHasAFiringAndAMissingRow)
{
    std::set<std::string> fires;
    std::set<std::string> misses;
    const auto collect = [&](const auto& rows)
    {
        for (const Row& r : rows)
            (r.fires ? fires : misses).insert(r.rule);
    };
    collect(kControlUnits);
    collect(kRedlineRows);
    collect(kWaterRows);
    collect(kProtectedRows);
    collect(kProhibitionRows);
    fires.insert("TL-10"); // site-level rule: Tl10SiteOutsideEveryControlUnit
    misses.insert("TL-10");
    for (const auto& rule : yongjiaRuleSet()->rules())
    {
        EXPECT_EQ(fires.count(rule.id), 1u) << rule.id << " has no firing row";
        EXPECT_EQ(misses.count(rule.id), 1u) << rule.id << " has no missing row";
    }
}

TEST(YongjiaRuleSet, Erl06StatesTheProvincialOpinionOnlyWithNewConstructionLand)
{
    // RULEBOOK §2.4 ERL-06: restricted; with new_construction_land the hit also states that land
    // approval needs the provincial government's 认定意见 (一(2)).
    const auto reasonOf = [](const char* site)
    {
        SiteResult s = makeSite(site, {makeHit("ecological_redline", kRedline)});
        yongjiaRuleSet()->evaluate(s, {});
        EXPECT_EQ(s.hits.front().verdict, Verdict::Restricted) << site;
        return s.hits.front().rules.front().reason;
    };
    const std::string opinion = "省级人民政府认定意见";
    EXPECT_NE(reasonOf("project_type=游客中心;new_construction_land=1").find(opinion),
              std::string::npos);
    EXPECT_EQ(reasonOf("project_type=游客中心;new_construction_land=0").find(opinion),
              std::string::npos);
    EXPECT_EQ(reasonOf("project_type=游客中心").find(opinion), std::string::npos);
}

TEST(YongjiaRuleSet, RegisteredAsRulesYongjia)
{
    Registry registry;
    registerYongjiaRuleSet(registry);
    ASSERT_NE(registry.ruleSet("rules.yongjia"), nullptr);
    EXPECT_EQ(registry.ruleSet("yongjia"), registry.ruleSet("rules.yongjia"));
    EXPECT_EQ(registry.ruleSet("rules.yongjia")->name(), "rules.yongjia");
}

} // namespace
} // namespace redline
