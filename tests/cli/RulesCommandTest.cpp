// `redline rules`: lists the built-in Yongjia rules, explains one, loads a rule file, and turns
// bad input into one line on stderr with exit code 1 (usage errors: 2).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "TestSupport.hpp"

namespace redline
{
namespace
{

TEST(RulesCommand, ListsTheBuiltInYongjiaRules)
{
    const auto r = test::runRedline("rules");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("rules.yongjia"), std::string::npos);
    for (const char* id : {"TL-01", "TL-10", "ERL-08", "DW-14", "PA-11", "LV-02", "NX-07"})
        EXPECT_NE(r.out.find(std::string("\n") + id + " "), std::string::npos) << id;
}

TEST(RulesCommand, JsonListHasEveryRulebookRule)
{
    const auto r = test::runRedline("rules --format json");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto json = nlohmann::json::parse(r.out);
    EXPECT_EQ(json["name"], "rules.yongjia");
    // RULEBOOK: TL-01..10, ERL-01..08 with 06b/06c, DW-01..14, PA-01..11, LV-01..02, NX-01..07
    // = 54 rules.
    EXPECT_EQ(json["rules"].size(), 54u);
    EXPECT_EQ(json["rules"][0]["id"], "TL-01");
    EXPECT_EQ(json["rules"][0]["verdict_from_kind"], "ecological_redline");
}

TEST(RulesCommand, ExplainsOneRule)
{
    const auto r = test::runRedline("rules --explain ERL-03");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("the site's flag unavoidable is true"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("restricted (限制)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("tried after: ERL-01, ERL-05"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("142号"), std::string::npos) << r.out;
}

TEST(RulesCommand, UnknownRuleIdIsOneLineAndExitCode1)
{
    const auto r = test::runRedline("rules --explain XX-99");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("XX-99"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
}

TEST(RulesCommand, LoadsARuleFileAndReportsItsErrorsWithFileAndLine)
{
    test::TempDir dir;
    const std::string good = dir.file("farm.yaml");
    test::writeFile(good, "name: my.farm\nzone_kinds: [basic_farmland]\nrules:\n"
                          "  - id: BF-1\n    zone_kind: basic_farmland\n"
                          "    verdict: prohibited\n    reason_zh: 永久基本农田\n"
                          "    reason_en: permanent basic farmland\n    confidence: P\n");
    const auto listed = test::runRedline("rules --rules '" + good + "'");
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    EXPECT_NE(listed.out.find("my.farm"), std::string::npos);
    EXPECT_NE(listed.out.find("BF-1"), std::string::npos);

    const std::string bad = dir.file("bad.yaml");
    test::writeFile(bad, "rules:\n  - id: BF-1\n    zone_kind: farmland\n    verdict: prohibited\n"
                         "    reason_zh: x\n    reason_en: x\n    confidence: P\n");
    const auto failed = test::runRedline("rules --rules '" + bad + "'");
    EXPECT_EQ(failed.exitCode, 1);
    EXPECT_NE(failed.err.find(bad + ":3: rule 'BF-1': field 'zone_kind'"), std::string::npos)
        << failed.err;
}

TEST(RulesCommand, NoneHasNoRules)
{
    const auto r = test::runRedline("rules --rules none");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("no rules"), std::string::npos);
}

TEST(RulesCommand, UnknownRuleSetIsExitCode1AndBadFormatIsUsage)
{
    EXPECT_EQ(test::runRedline("rules --rules no.such.set").exitCode, 1);
    EXPECT_EQ(test::runRedline("rules --format yaml").exitCode, 2);
}

} // namespace
} // namespace redline
