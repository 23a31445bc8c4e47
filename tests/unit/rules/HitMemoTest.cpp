// A rule set keeps the verdicts of hits it has evaluated (engine/src/rules/HitMemo): the same
// zone screened again must still get the verdict of its own inputs — other hits of the site,
// zone attributes, project attributes, buffer-only or overlapping — whatever was screened
// before. Expected verdicts follow by hand from the rule file below.
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "redline/rules/DeclarativeRuleSet.hpp"

#include "RuleFixtures.hpp"

namespace redline
{
namespace
{

using test::makeHit;
using test::makeSite;
using test::Shape;

const char* const kRules = R"(name: memo.rules
version: "1"
rules:
  - id: PA-IN-SCENIC-RED
    zone_kind: protected_areas
    also_hit: {kind: ecological_redline, zone: {redline_type: [scenic]}}
    verdict: prohibited
    reason_zh: 位于风景红线内
    reason_en: inside a scenic red line
    confidence: V
  - id: PA-ELSE
    zone_kind: protected_areas
    fallback: true
    verdict: restricted
    reason_zh: 其他
    reason_en: anything else
    confidence: "-"
  - id: WA-I-INDUSTRY
    zone_kind: water_protection_zones
    zone: {level: [I]}
    project: {project_type: [industrial]}
    verdict: prohibited
    reason_zh: 一级区禁止工业
    reason_en: no industry in level I
    confidence: V
  - id: WA-II-INDUSTRY
    zone_kind: water_protection_zones
    zone: {level: [II]}
    project: {project_type: [industrial]}
    verdict: restricted
    reason_zh: 二级区限制工业
    reason_en: industry restricted in level II
    confidence: V
)";

std::shared_ptr<const DeclarativeRuleSet> freshRules()
{
    return DeclarativeRuleSet::fromYamlText(kRules, "memo_rules.yaml");
}

// The first hit of the site after evaluation by `rules`.
Hit firstHit(const DeclarativeRuleSet& rules, const std::string& site, std::vector<Hit> hits)
{
    SiteResult s = makeSite(site, std::move(hits));
    rules.evaluate(s, {});
    return s.hits.front();
}

const Hit kPark = makeHit("protected_areas", "zoning=general");

// The park (always zone protected_areas-1) with a scenic red line that overlaps the site:
// PA-IN-SCENIC-RED prohibits. Alone, PA-ELSE restricts.
Hit parkInsideRedLine(const DeclarativeRuleSet& rules)
{
    return firstHit(rules, "", {kPark, makeHit("ecological_redline", "redline_type=scenic")});
}

Hit parkAlone(const DeclarativeRuleSet& rules)
{
    return firstHit(rules, "", {kPark});
}

TEST(HitMemo, SameZoneWithAndWithoutTheOtherKindsHitInEitherOrder)
{
    const auto insideFirst = freshRules();
    const Hit inside1 = parkInsideRedLine(*insideFirst);
    const Hit alone1 = parkAlone(*insideFirst);
    EXPECT_EQ(inside1.verdict, Verdict::Prohibited);
    ASSERT_EQ(inside1.rules.size(), 1u);
    EXPECT_EQ(inside1.rules.front().ruleId, "PA-IN-SCENIC-RED");
    EXPECT_EQ(alone1.verdict, Verdict::Restricted);
    ASSERT_EQ(alone1.rules.size(), 1u);
    EXPECT_EQ(alone1.rules.front().ruleId, "PA-ELSE");

    const auto aloneFirst = freshRules();
    const Hit alone2 = parkAlone(*aloneFirst);
    const Hit inside2 = parkInsideRedLine(*aloneFirst);
    EXPECT_EQ(alone2.verdict, Verdict::Restricted);
    EXPECT_EQ(alone2.rules.front().ruleId, "PA-ELSE");
    EXPECT_EQ(inside2.verdict, Verdict::Prohibited);
    EXPECT_EQ(inside2.rules.front().ruleId, "PA-IN-SCENIC-RED");

    // Screened again after both: each keeps its own verdict.
    EXPECT_EQ(parkInsideRedLine(*aloneFirst).verdict, Verdict::Prohibited);
    EXPECT_EQ(parkAlone(*insideFirst).verdict, Verdict::Restricted);
}

TEST(HitMemo, OtherHitsAttributesAndBufferOnlyFlagCount)
{
    const auto rules = freshRules();
    EXPECT_EQ(parkInsideRedLine(*rules).verdict, Verdict::Prohibited);
    // The same red-line zone id, but not scenic: the also_hit test fails, PA-ELSE restricts.
    EXPECT_EQ(firstHit(*rules, "",
                       {kPark, makeHit("ecological_redline", "redline_type=water_conservation")})
                  .verdict,
              Verdict::Restricted);
    // A scenic red line within the buffer only is not "also hit".
    EXPECT_EQ(firstHit(*rules, "",
                       {kPark, makeHit("ecological_redline", "redline_type=scenic", Shape::Buffer)})
                  .verdict,
              Verdict::Restricted);
    // The red line listed first: the park still overlaps it.
    SiteResult s = makeSite("", {makeHit("ecological_redline", "redline_type=scenic"), kPark});
    rules->evaluate(s, {});
    EXPECT_EQ(s.hits[1].verdict, Verdict::Prohibited);
}

TEST(HitMemo, SameZoneIdWithAnotherZoneAttribute)
{
    // Both zones are water_protection_zones-1 on layer water_protection_zones.
    const auto rules = freshRules();
    const Hit levelI =
        firstHit(*rules, "project_type=industrial", {makeHit("water_protection_zones", "level=I")});
    const Hit levelII = firstHit(*rules, "project_type=industrial",
                                 {makeHit("water_protection_zones", "level=II")});
    EXPECT_EQ(levelI.verdict, Verdict::Prohibited);
    EXPECT_EQ(levelI.rules.front().ruleId, "WA-I-INDUSTRY");
    EXPECT_EQ(levelII.verdict, Verdict::Restricted);
    EXPECT_EQ(levelII.rules.front().ruleId, "WA-II-INDUSTRY");
}

TEST(HitMemo, SameZoneWithAnotherProjectAttribute)
{
    const auto rules = freshRules();
    const Hit zone = makeHit("water_protection_zones", "level=I");
    EXPECT_EQ(firstHit(*rules, "project_type=industrial", {zone}).verdict, Verdict::Prohibited);
    // A road: WA-I-INDUSTRY's zone test holds (the zone is covered) but not its project test.
    const Hit road = firstHit(*rules, "project_type=road", {zone});
    EXPECT_EQ(road.verdict, Verdict::Allowed);
    EXPECT_TRUE(road.rules.empty());
    // No project type: industrial would prohibit, anything else allow -> needs review.
    const Hit unknown = firstHit(*rules, "", {zone});
    EXPECT_EQ(unknown.verdict, Verdict::NeedsReview);
    EXPECT_EQ(unknown.rules.front().ruleId, "MISSING-INFO");
    EXPECT_EQ(firstHit(*rules, "project_type=industrial", {zone}).verdict, Verdict::Prohibited);
}

TEST(HitMemo, SameZoneOverlappingOrWithinTheBufferOnly)
{
    const auto rules = freshRules();
    const std::string factory = "project_type=industrial";
    EXPECT_EQ(firstHit(*rules, factory, {makeHit("water_protection_zones", "level=I")}).verdict,
              Verdict::Prohibited);
    // The WA rules apply to overlapping hits only; a buffer-only hit is never undecided.
    const Hit near =
        firstHit(*rules, factory, {makeHit("water_protection_zones", "level=I", Shape::Buffer)});
    EXPECT_EQ(near.verdict, Verdict::Allowed);
    EXPECT_TRUE(near.rules.empty());
    EXPECT_EQ(firstHit(*rules, factory, {makeHit("water_protection_zones", "level=I")}).verdict,
              Verdict::Prohibited);
}

TEST(HitMemo, ConcurrentScreeningsBeyondTheMemosBoundKeepTheirVerdicts)
{
    // 2 × 3,000 distinct zones (more than the memo holds) and the park, alternating.
    const auto rules = freshRules();
    const auto screen = [&](int thread, int& wrong)
    {
        for (int i = 0; i < 3000; ++i)
        {
            Hit water = makeHit("water_protection_zones", i % 2 == 0 ? "level=I" : "level=II");
            water.zoneId = "W-" + std::to_string(thread) + "-" + std::to_string(i);
            const Verdict expected = i % 2 == 0 ? Verdict::Prohibited : Verdict::Restricted;
            if (firstHit(*rules, "project_type=industrial", {water}).verdict != expected)
                ++wrong;
            const bool inside = (i + thread) % 3 == 0;
            const Hit park = inside ? parkInsideRedLine(*rules) : parkAlone(*rules);
            if (park.verdict != (inside ? Verdict::Prohibited : Verdict::Restricted))
                ++wrong;
        }
    };
    int wrong0 = 0;
    int wrong1 = 0;
    std::thread t0(screen, 0, std::ref(wrong0));
    std::thread t1(screen, 1, std::ref(wrong1));
    t0.join();
    t1.join();
    EXPECT_EQ(wrong0, 0);
    EXPECT_EQ(wrong1, 0);
}

} // namespace
} // namespace redline
