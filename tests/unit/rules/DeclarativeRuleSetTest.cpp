// Evaluation semantics of declarative rule sets (RULEBOOK §0), on a small rule file written here
// so that each expectation follows from the rules by hand.
#include "redline/rules/DeclarativeRuleSet.hpp"

#include <gtest/gtest.h>

#include "redline/core/Error.hpp"

#include "RuleFixtures.hpp"

namespace redline
{
namespace
{

using test::attrs;
using test::findMatch;
using test::fired;
using test::makeHit;
using test::makeSite;
using test::Shape;

const char* const kRules = R"(name: test.rules
version: "7"
opt_in_flags: [national_major, sewage_outfall]
zone_values: {prohibition: [code_prefix, code_range, line_only, new_only]}
rules:
  - id: RL-ROAD-OK        # 2 tests: tried before RL-DEV
    zone_kind: ecological_redline
    project: {project_type: [road], unavoidable: true}
    verdict: restricted
    reason_zh: 可避让论证通过
    reason_en: unavoidable road
    confidence: V
  - id: RL-DEV            # 1 test
    zone_kind: ecological_redline
    project: {project_type: [road, industrial]}
    verdict: prohibited
    reason_zh: 禁止开发
    reason_en: no development
    citation: Art. 1
    confidence: V
  - id: RL-MAJOR          # 1 test, but ranked first
    zone_kind: ecological_redline
    hit: any
    project: {national_major: true}
    specificity: 9
    verdict: prohibited
    reason_zh: 重大项目
    reason_en: major project
    confidence: P
  - id: RL-ELSE
    zone_kind: ecological_redline
    fallback: true
    verdict: needs_review
    reason_zh: 其他
    reason_en: anything else
    confidence: "-"
  - id: RL-NEAR
    zone_kind: ecological_redline
    hit: buffer
    verdict: needs_review
    reason_zh: 邻近
    reason_en: near
    confidence: "-"
  - id: WA-NEW3           # 3 tests: unknown without construction
    zone_kind: water_protection_zones
    zone: {level: [II]}
    project: {discharges_pollutants: true, construction: [new, expansion]}
    verdict: prohibited
    reason_zh: 二级禁止新建排污
    reason_en: no new discharge in level II
    confidence: V
  - id: WA-OUTFALL        # 1 test: same verdict as WA-NEW3
    zone_kind: water_protection_zones
    project: {sewage_outfall: true}
    verdict: prohibited
    reason_zh: 排污口
    reason_en: outfall
    confidence: V
  - id: WA-DISCHARGE      # 1 test: another verdict than WA-NEW3
    zone_kind: water_protection_zones
    project: {discharges_pollutants: true}
    verdict: restricted
    reason_zh: 排污限制
    reason_en: discharge restricted
    confidence: P
  - id: CU-RED
    zone_kind: control_units
    zone: {name: {contains: 红线}}
    verdict_from_kind: ecological_redline
    reason_zh: 按红线
    reason_en: as red line
    confidence: V
  - id: CU-CLASS3
    zone_kind: control_units
    zone: {unit_type: general}
    project: {zj_industrial_class: [3]}
    verdict: prohibited
    reason_zh: 三类
    reason_en: class 3
    confidence: P
  - id: CU-OUTSIDE
    zone_kind: control_units
    hit: outside
    verdict: needs_review
    reason_zh: 不在单元内
    reason_en: outside every unit
    confidence: "-"
  - id: PA-CORE-ALSO
    zone_kind: protected_areas
    zone: {zoning: {exists: true}}
    also_hit: {kind: ecological_redline, zone: {redline_type: [scenic]}}
    project: {project_type: {not_one_of: [research_monitoring]}}
    verdict: prohibited
    reason_zh: 红线内
    reason_en: inside red line
    confidence: V
  - id: PZ-CODE-PREFIX
    zone_kind: prohibited_zones
    zone: {prohibition: code_prefix}
    project: {industry_code: [C33, A031]}
    verdict: prohibited
    reason_zh: 前缀
    reason_en: prefix
    confidence: V
  - id: PZ-CODE-RANGE
    zone_kind: prohibited_zones
    zone: {prohibition: code_range}
    project: {industry_code: {range: [C2211, C2239]}}
    verdict: restricted
    reason_zh: 区间
    reason_en: range
    confidence: V
  - id: PZ-LINE
    zone_kind: prohibited_zones
    zone: {prohibition: line_only}
    project: {geometry: [line]}
    verdict: restricted
    reason_zh: 线
    reason_en: lines
    confidence: V
  - id: PZ-NEW
    zone_kind: prohibited_zones
    zone: {prohibition: new_only}
    project: {construction: [new]}
    verdict: prohibited
    reason_zh: 新建
    reason_en: new
    confidence: V
)";

std::shared_ptr<const DeclarativeRuleSet> rules()
{
    static const auto set = DeclarativeRuleSet::fromYamlText(kRules, "test_rules.yaml");
    return set;
}

SiteResult screened(const std::string& site, std::vector<Hit> hits, RuleContext context = {})
{
    SiteResult s = makeSite(site, std::move(hits));
    rules()->evaluate(s, context);
    return s;
}

TEST(DeclarativeRuleSet, MostSpecificRuleDecidesAndEveryMatchingRuleIsReported)
{
    const SiteResult s = screened("project_type=road;unavoidable=yes",
                                  {makeHit("ecological_redline", "redline_type=scenic")});
    const Hit& hit = s.hits.front();
    EXPECT_EQ(hit.verdict, Verdict::Restricted);
    ASSERT_EQ(hit.rules.size(), 2u);
    EXPECT_EQ(hit.rules[0].ruleId, "RL-ROAD-OK");
    EXPECT_EQ(hit.rules[0].verdict, Verdict::Restricted);
    EXPECT_EQ(hit.rules[1].ruleId, "RL-DEV");
    EXPECT_EQ(hit.rules[1].verdict, Verdict::Prohibited);
    EXPECT_EQ(hit.rules[1].citation, "Art. 1");
    EXPECT_EQ(hit.rules[1].reason, "禁止开发");
    EXPECT_EQ(hit.rules[1].reasonEn, "no development");
    EXPECT_EQ(findMatch(hit, "RL-ELSE"), nullptr); // fallback: only when nothing else matched
    EXPECT_EQ(s.verdict, Verdict::Restricted);
}

TEST(DeclarativeRuleSet, LessSpecificRuleDecidesWhenTheSpecificOneMisses)
{
    const SiteResult s = screened("project_type=road;unavoidable=0",
                                  {makeHit("ecological_redline", "redline_type=scenic")});
    EXPECT_EQ(s.hits.front().verdict, Verdict::Prohibited);
    EXPECT_FALSE(fired(s.hits.front(), "RL-ROAD-OK"));
    EXPECT_TRUE(fired(s.hits.front(), "RL-DEV"));
}

TEST(DeclarativeRuleSet, SpecificityOverrideRanksARuleFirst)
{
    const SiteResult s = screened("project_type=road;unavoidable=1;national_major=1",
                                  {makeHit("ecological_redline", "")});
    EXPECT_EQ(s.hits.front().rules.front().ruleId, "RL-MAJOR");
    EXPECT_EQ(s.hits.front().verdict, Verdict::Prohibited);
}

TEST(DeclarativeRuleSet, FallbackDecidesWhenNothingElseMatches)
{
    const SiteResult s = screened("project_type=forestry", {makeHit("ecological_redline", "")});
    ASSERT_EQ(s.hits.front().rules.size(), 1u);
    EXPECT_EQ(s.hits.front().rules.front().ruleId, "RL-ELSE");
    EXPECT_EQ(s.hits.front().verdict, Verdict::NeedsReview);
}

TEST(DeclarativeRuleSet, BufferOnlyHitIsCappedAtNeedsReview)
{
    const SiteResult s = screened("project_type=industrial;national_major=true",
                                  {makeHit("ecological_redline", "", Shape::Buffer)});
    const Hit& hit = s.hits.front();
    EXPECT_EQ(hit.verdict, Verdict::NeedsReview);
    const RuleMatch* major = findMatch(hit, "RL-MAJOR");
    ASSERT_NE(major, nullptr); // `hit: any` applies to buffer hits, but capped
    EXPECT_EQ(major->verdict, Verdict::NeedsReview);
    EXPECT_NE(major->reasonEn.find("capped at needs_review"), std::string::npos);
    EXPECT_TRUE(fired(hit, "RL-NEAR"));
    EXPECT_FALSE(fired(hit, "RL-DEV")); // overlap-only rule
    EXPECT_EQ(s.verdict, Verdict::NeedsReview);
}

TEST(DeclarativeRuleSet, MissingProjectAttributeGivesNeedsReviewNamingIt)
{
    // No project_type: industrial or road prohibits (RL-DEV), an unavoidable road restricts, any
    // other type falls to RL-ELSE (needs_review). The least severe possible is needs_review.
    const SiteResult s = screened("", {makeHit("ecological_redline", "")});
    const Hit& hit = s.hits.front();
    EXPECT_EQ(hit.verdict, Verdict::NeedsReview);
    ASSERT_FALSE(hit.rules.empty());
    const RuleMatch& summary = hit.rules.front();
    EXPECT_EQ(summary.ruleId, "MISSING-INFO");
    EXPECT_EQ(summary.verdict, Verdict::NeedsReview);
    EXPECT_EQ(summary.reason.rfind("信息不足：缺少或无法识别 项目类型", 0), 0u) << summary.reason;
    EXPECT_NE(summary.reasonEn.find("project_type"), std::string::npos);
    // What each value would give: RL-DEV prohibits for road or industrial.
    const RuleMatch* dev = findMatch(hit, "RL-DEV");
    ASSERT_NE(dev, nullptr);
    EXPECT_EQ(dev->verdict, Verdict::Prohibited);
    EXPECT_EQ(dev->reason.rfind("信息不足，若 项目类型=", 0), 0u) << dev->reason;
    EXPECT_NE(dev->reasonEn.find("if project_type=road/industrial, unavoidable=false"),
              std::string::npos)
        << dev->reasonEn;
}

TEST(DeclarativeRuleSet, UnknownRuleWithTheSameVerdictAsTheDecidingOneDoesNotBlur)
{
    // WA-NEW3 lacks `construction` but would also prohibit; WA-OUTFALL prohibits outright.
    const SiteResult s = screened("discharges_pollutants=1;sewage_outfall=1",
                                  {makeHit("water_protection_zones", "level=II")});
    EXPECT_EQ(s.hits.front().verdict, Verdict::Prohibited);
    EXPECT_TRUE(fired(s.hits.front(), "WA-OUTFALL"));
    EXPECT_EQ(findMatch(s.hits.front(), "MISSING-INFO"), nullptr); // the verdict is certain
}

TEST(DeclarativeRuleSet, UnknownRuleThatCouldChangeTheVerdictGivesTheLeastSevereStillPossible)
{
    // WA-NEW3 (prohibited) lacks `construction`; without it WA-DISCHARGE restricts: new or
    // expansion -> prohibited, rebuild -> restricted. "Restricted or prohibited" is restricted.
    const SiteResult s =
        screened("discharges_pollutants=1", {makeHit("water_protection_zones", "level=II")});
    const Hit& hit = s.hits.front();
    EXPECT_EQ(hit.verdict, Verdict::Restricted);
    EXPECT_EQ(hit.rules.front().ruleId, "MISSING-INFO");
    EXPECT_EQ(hit.rules.front().reason,
              "信息不足：缺少或无法识别 建设性质。按其可能取值：建设性质=改建 → "
              "限制（WA-DISCHARGE）；建设性质=扩建/新建 → 禁止（WA-NEW3）。"
              "取可能结论中最轻者：限制，待补充后复核。");
    EXPECT_EQ(hit.rules.front().reasonEn,
              "Insufficient information: construction missing or not understood. Depending on "
              "the value: construction=rebuild → restricted (WA-DISCHARGE); "
              "construction=expansion/new → prohibited (WA-NEW3). The hit takes the least "
              "severe possible verdict, restricted, until the value is given.");
    EXPECT_TRUE(fired(hit, "WA-DISCHARGE")); // holds whatever the construction
    const RuleMatch* dev = findMatch(hit, "WA-NEW3");
    ASSERT_NE(dev, nullptr);
    EXPECT_EQ(dev->verdict, Verdict::Prohibited);
    EXPECT_EQ(dev->reason, "信息不足，若 建设性质=扩建/新建：二级禁止新建排污");
    // Given the attribute, the verdict is definite.
    const SiteResult known = screened("discharges_pollutants=1;construction=新建",
                                      {makeHit("water_protection_zones", "level=II")});
    EXPECT_EQ(known.hits.front().verdict, Verdict::Prohibited);
    EXPECT_EQ(findMatch(known.hits.front(), "MISSING-INFO"), nullptr);
}

TEST(DeclarativeRuleSet, UnstatedFlagIsUnknownUnlessOptIn)
{
    // discharges_pollutants is not opt-in: left empty, WA-NEW3 and WA-DISCHARGE cannot decide
    // (true: prohibited, false: no rule, allowed -> needs_review); sewage_outfall is opt-in: left
    // empty it is false and WA-OUTFALL simply does not match.
    const SiteResult unstated = screened("project_type=road;construction=new",
                                         {makeHit("water_protection_zones", "level=II")});
    const Hit& hit = unstated.hits.front();
    EXPECT_EQ(hit.verdict, Verdict::NeedsReview);
    ASSERT_NE(findMatch(hit, "MISSING-INFO"), nullptr);
    EXPECT_NE(findMatch(hit, "MISSING-INFO")->reason.find("是否排放污染物=否 → 允许"),
              std::string::npos)
        << findMatch(hit, "MISSING-INFO")->reason;
    ASSERT_NE(findMatch(hit, "WA-NEW3"), nullptr);
    EXPECT_NE(findMatch(hit, "WA-NEW3")->reason.find("是否排放污染物=是"), std::string::npos);
    EXPECT_EQ(findMatch(hit, "WA-OUTFALL"), nullptr);

    const SiteResult stated =
        screened("project_type=road;construction=new;discharges_pollutants=否",
                 {makeHit("water_protection_zones", "level=II")});
    EXPECT_EQ(stated.hits.front().verdict, Verdict::Allowed);
    EXPECT_TRUE(stated.hits.front().rules.empty());

    // A road whose `unavoidable` is left empty: RL-ROAD-OK (restricted) or RL-DEV (prohibited):
    // restricted, the least severe still possible.
    const SiteResult road = screened("project_type=road", {makeHit("ecological_redline", "")});
    EXPECT_EQ(road.hits.front().verdict, Verdict::Restricted);
    EXPECT_NE(findMatch(road.hits.front(), "MISSING-INFO")->reason.find("是否无法避让=是 → 限制"),
              std::string::npos);
}

TEST(DeclarativeRuleSet, OptInFlagStatedInUnknownWordsIsUnknownNotFalse)
{
    const SiteResult s = screened("project_type=public_service;sewage_outfall=也许",
                                  {makeHit("water_protection_zones", "level=II")});
    // WA-OUTFALL: true -> prohibited; false -> discharges_pollutants unknown -> ...
    EXPECT_EQ(s.hits.front().verdict, Verdict::NeedsReview);
    EXPECT_NE(findMatch(s.hits.front(), "WA-OUTFALL"), nullptr);
    bool warned = false;
    for (const auto& w : s.warnings)
        warned = warned || w.rfind("sewage_outfall '也许' is not a yes/no value", 0) == 0;
    EXPECT_TRUE(warned);
}

TEST(DeclarativeRuleSet, HitOfAKindWithoutRulesIsAllowed)
{
    const SiteResult s = screened("project_type=industrial", {makeHit("townships", "name=x")});
    EXPECT_EQ(s.hits.front().verdict, Verdict::Allowed);
    EXPECT_TRUE(s.hits.front().rules.empty());
    EXPECT_EQ(s.verdict, Verdict::Allowed);
}

TEST(DeclarativeRuleSet, ProtectiveKindWithoutRulesIsNeedsReviewNeverAllowed)
{
    const auto set = DeclarativeRuleSet::fromYamlText(R"(name: farmland.rules
zone_kinds: [permanent_farmland]
protective_kinds: [permanent_farmland]
rules:
  - id: RL-ANY
    zone_kind: ecological_redline
    verdict: prohibited
    reason_zh: 红线
    reason_en: red line
    confidence: V
)",
                                                      "farmland.yaml");
    SiteResult s =
        makeSite("project_type=road",
                 {makeHit("permanent_farmland", "name=基本农田"),
                  makeHit("water_protection_zones", "level=I"), makeHit("townships", "name=岩头镇"),
                  makeHit("permanent_farmland", "", Shape::Buffer)});
    set->evaluate(s, {});
    EXPECT_EQ(s.hits[0].verdict, Verdict::NeedsReview); // declared protective, no rule
    EXPECT_EQ(s.hits[0].rules.front().ruleId, "UNDECIDED");
    EXPECT_EQ(s.hits[1].verdict, Verdict::NeedsReview); // protective by default, no rule
    EXPECT_EQ(s.hits[2].verdict, Verdict::Allowed);     // not protective
    EXPECT_EQ(s.hits[3].verdict, Verdict::Allowed);     // buffer-only: not inside the zone
    const std::vector<std::string> expected{
        "permanent_farmland zone permanent_farmland-1: no rule of farmland.rules decides a site "
        "inside this permanent_farmland zone (none of its classifying attributes given); the hit "
        "needs review",
        "water_protection_zones zone water_protection_zones-1: no rule of farmland.rules decides "
        "a site inside this water_protection_zones zone (level 'I'); the hit needs review"};
    EXPECT_EQ(s.warnings, expected);
    EXPECT_THROW(
        DeclarativeRuleSet::fromYamlText("protective_kinds: [farmland]\nrules: []\n", "bad.yaml"),
        ConfigError);
}

TEST(DeclarativeRuleSet, ZoneValuesOutsideTheVocabularyAreRefusedInRuleFiles)
{
    try
    {
        (void)DeclarativeRuleSet::fromYamlText(R"(rules:
  - id: W1
    zone_kind: water_protection_zones
    zone: {level: [1I]}
    verdict: prohibited
    reason_zh: x
    reason_en: x
    confidence: V
)",
                                               "typo.yaml");
        FAIL() << "level 1I must be refused";
    }
    catch (const ConfigError& e)
    {
        EXPECT_STREQ(e.what(), "typo.yaml:4: rule 'W1': field 'zone.level': '1I' is not a "
                               "water-protection level (known: I, II, quasi, rural, or their "
                               "spellings; declare others under zone_values)");
    }
    // Spellings are stored canonical: `level: [一级保护区]` matches a zone whose level is Ⅰ.
    const auto set = DeclarativeRuleSet::fromYamlText(R"(rules:
  - id: W1
    zone_kind: water_protection_zones
    zone: {level: [一级保护区]}
    verdict: prohibited
    reason_zh: x
    reason_en: x
    confidence: V
)",
                                                      "spelled.yaml");
    EXPECT_EQ(set->findRule("W1")->zone.front().values, std::vector<std::string>{"I"});
    SiteResult s = makeSite("", {makeHit("water_protection_zones", "level=Ⅰ")});
    set->evaluate(s, {});
    EXPECT_EQ(s.verdict, Verdict::Prohibited);
}

TEST(DeclarativeRuleSet, SiteTakesTheMostSevereHitVerdict)
{
    const SiteResult s =
        screened("project_type=road;unavoidable=1;sewage_outfall=1",
                 {makeHit("ecological_redline", ""),
                  makeHit("water_protection_zones", "level=quasi"), makeHit("townships", "")});
    EXPECT_EQ(s.hits[0].verdict, Verdict::Restricted);
    EXPECT_EQ(s.hits[1].verdict, Verdict::Prohibited);
    EXPECT_EQ(s.hits[2].verdict, Verdict::Allowed);
    EXPECT_EQ(s.verdict, Verdict::Prohibited);
}

TEST(DeclarativeRuleSet, OutsideRuleFlagsSitesOutsideEveryUnitOfAKindTheStoreHas)
{
    RuleContext withUnits;
    withUnits.kindsPresent = {"control_units", "ecological_redline"};
    const SiteResult outside = screened("project_type=road", {}, withUnits);
    EXPECT_EQ(outside.verdict, Verdict::NeedsReview);
    ASSERT_EQ(outside.warnings.size(), 1u);
    EXPECT_EQ(outside.warnings.front().rfind("CU-OUTSIDE (needs_review)", 0), 0u);

    // A buffer-only unit hit does not put the site inside a unit.
    const SiteResult near = screened(
        "project_type=road", {makeHit("control_units", "unit_type=key", Shape::Buffer)}, withUnits);
    EXPECT_EQ(near.verdict, Verdict::NeedsReview);

    const SiteResult inside =
        screened("project_type=road", {makeHit("control_units", "unit_type=key")}, withUnits);
    EXPECT_EQ(inside.verdict, Verdict::Allowed);
    EXPECT_TRUE(inside.warnings.empty());

    const SiteResult noUnitsLayer = screened("project_type=road", {}, RuleContext{});
    EXPECT_EQ(noUnitsLayer.verdict, Verdict::Allowed);
    EXPECT_TRUE(noUnitsLayer.warnings.empty());
}

TEST(DeclarativeRuleSet, VerdictFromAnotherKindFollowsThatKindsRules)
{
    const SiteResult road = screened("project_type=road;unavoidable=1",
                                     {makeHit("control_units", "name=生态保护红线单元")});
    EXPECT_EQ(road.hits.front().verdict, Verdict::Restricted);
    ASSERT_TRUE(fired(road.hits.front(), "CU-RED"));
    EXPECT_NE(findMatch(road.hits.front(), "CU-RED")->reasonEn.find("RL-ROAD-OK"),
              std::string::npos);
    const SiteResult factory =
        screened("project_type=industrial", {makeHit("control_units", "name=生态保护红线单元")});
    EXPECT_EQ(factory.hits.front().verdict, Verdict::Prohibited);
}

TEST(DeclarativeRuleSet, AlsoHitNeedsAnOverlappingHitOfThatKindMatchingItsTests)
{
    const Hit park = makeHit("protected_areas", "zoning=general");
    const auto parkHit = [&](const char* site, const Hit& other) {
        return screened(site, {park, other}).hits.front();
    };
    EXPECT_TRUE(fired(parkHit("project_type=tourism_facility",
                              makeHit("ecological_redline", "redline_type=scenic")),
                      "PA-CORE-ALSO"));
    EXPECT_FALSE(fired(parkHit("project_type=tourism_facility",
                               makeHit("ecological_redline", "redline_type=water_conservation")),
                       "PA-CORE-ALSO"));
    EXPECT_FALSE(fired(parkHit("project_type=tourism_facility",
                               makeHit("ecological_redline", "redline_type=scenic", Shape::Buffer)),
                       "PA-CORE-ALSO"));
    // The rule applies but the project is exempt: the zone is covered, allowed.
    EXPECT_EQ(parkHit("project_type=research_monitoring",
                      makeHit("ecological_redline", "redline_type=scenic"))
                  .verdict,
              Verdict::Allowed);
    // Outside the red line no rule of this file covers the park: needs review, never allowed.
    const Hit alone = parkHit("project_type=tourism_facility",
                              makeHit("ecological_redline", "redline_type=water_conservation"));
    EXPECT_EQ(alone.verdict, Verdict::NeedsReview);
    EXPECT_TRUE(fired(alone, "UNDECIDED"));
}

struct CodeRow
{
    const char* site;
    const char* prohibition;
    Verdict expected;
};

class IndustryAndGeometryConditions : public ::testing::TestWithParam<CodeRow>
{
};

TEST_P(IndustryAndGeometryConditions, Verdict)
{
    const CodeRow& row = GetParam();
    const SiteResult s = screened(row.site, {makeHit("prohibited_zones", row.prohibition)});
    EXPECT_EQ(s.hits.front().verdict, row.expected) << row.site << " | " << row.prohibition;
}

// site attributes | zone | expected verdict
INSTANTIATE_TEST_SUITE_P(
    Table, IndustryAndGeometryConditions,
    ::testing::Values(CodeRow{"industry_code=C3360", "prohibition=code_prefix",
                              Verdict::Prohibited},
                      CodeRow{"industry_code=3311", "prohibition=code_prefix", Verdict::Prohibited},
                      CodeRow{"industry_code=0311", "prohibition=code_prefix", Verdict::Prohibited},
                      CodeRow{"industry_code=C3441", "prohibition=code_prefix", Verdict::Allowed},
                      CodeRow{"industry_code=C3260", "prohibition=code_prefix", Verdict::Allowed},
                      CodeRow{"project_type=road", "prohibition=code_prefix", Verdict::NeedsReview},
                      CodeRow{"industry_code=C2211", "prohibition=code_range", Verdict::Restricted},
                      CodeRow{"industry_code=C2223", "prohibition=code_range", Verdict::Restricted},
                      CodeRow{"industry_code=C2239", "prohibition=code_range", Verdict::Restricted},
                      CodeRow{"industry_code=C2210", "prohibition=code_range", Verdict::Allowed},
                      CodeRow{"industry_code=C2241", "prohibition=code_range", Verdict::Allowed},
                      CodeRow{"", "prohibition=line_only", Verdict::Allowed}, // site is a polygon
                      CodeRow{"construction=扩建", "prohibition=new_only", Verdict::Allowed},
                      CodeRow{"construction=New", "prohibition=new_only", Verdict::Prohibited},
                      CodeRow{"construction=built", "prohibition=new_only", Verdict::NeedsReview}));

TEST(DeclarativeRuleSet, LineGeometryCondition)
{
    SiteResult s = makeSite("", {makeHit("prohibited_zones", "prohibition=line_only")});
    s.geometry = Geometry::lineString({{0, 0}, {100, 0}});
    rules()->evaluate(s, {});
    EXPECT_EQ(s.hits.front().verdict, Verdict::Restricted);
}

TEST(DeclarativeRuleSet, IndustrialClassIsInferredFromTheIndustryCode)
{
    // C1910 tanning is class 3 in RULEBOOK §6.1; C2929 plastic parts class 2.
    const Hit unit = makeHit("control_units", "unit_type=general");
    const SiteResult tannery = screened("industry_code=C1910", {unit});
    EXPECT_EQ(tannery.hits.front().verdict, Verdict::Prohibited);
    bool noted = false;
    for (const auto& w : tannery.warnings)
        noted = noted || w.find("zj_industrial_class 3 inferred from industry_code C1910") == 0;
    EXPECT_TRUE(noted);
    EXPECT_EQ(screened("industry_code=C2929", {unit}).hits.front().verdict, Verdict::Allowed);
    // An explicit class wins over the inferred one.
    EXPECT_EQ(screened("industry_code=C2929;zj_industrial_class=3", {unit}).hits.front().verdict,
              Verdict::Prohibited);
    // Industrial without class or code: unknown; a known non-industrial type has no class.
    EXPECT_EQ(screened("project_type=industrial", {unit}).hits.front().verdict,
              Verdict::NeedsReview);
    EXPECT_EQ(screened("project_type=road", {unit}).hits.front().verdict, Verdict::Allowed);
}

TEST(DeclarativeRuleSet, ProjectTypeIsInferredFromTheIndustryCode)
{
    const SiteResult s = screened("industry_code=C2929", {makeHit("ecological_redline", "")});
    EXPECT_EQ(s.hits.front().verdict, Verdict::Prohibited); // industrial -> RL-DEV
}

TEST(DeclarativeRuleSet, ExplicitIndustrialClassImpliesAnIndustrialProject)
{
    const SiteResult s = screened("zj_industrial_class=2", {makeHit("ecological_redline", "")});
    EXPECT_EQ(s.hits.front().verdict, Verdict::Prohibited); // industrial -> RL-DEV
}

TEST(DeclarativeRuleSet, UnknownProjectTypeValueCountsAsMissingWithAWarning)
{
    const SiteResult s = screened("project_type=factory", {makeHit("ecological_redline", "")});
    EXPECT_EQ(s.hits.front().verdict, Verdict::NeedsReview);
    bool warned = false;
    for (const auto& w : s.warnings)
        warned = warned || w.find("project_type 'factory'") != std::string::npos;
    EXPECT_TRUE(warned);
}

TEST(DeclarativeRuleSet, AttributeNamesMatchWhateverTheirCase)
{
    // Zoning tables spell list fields PWWPFGK or pwwpfgk; shapefile users type Project_Type.
    const SiteResult s = screened("Project_Type=industrial;UNAVOIDABLE=1",
                                  {makeHit("control_units", "NAME=生态保护红线单元")});
    EXPECT_EQ(s.hits.front().verdict, Verdict::Prohibited);
    EXPECT_TRUE(fired(s.hits.front(), "CU-RED"));
}

} // namespace
} // namespace redline
