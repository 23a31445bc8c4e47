// Rule files are validated on load: every problem is one ConfigError line naming the file, the
// line, the rule and the field.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "redline/core/Error.hpp"
#include "redline/rules/DeclarativeRuleSet.hpp"

namespace redline
{
namespace
{

// A valid rule; rows below replace one line of it.
const std::string kValidRule = R"(rules:
  - id: R-1
    zone_kind: water_protection_zones
    zone: {level: [I]}
    project: {project_type: [road], construction: [new], geometry: [line]}
    verdict: prohibited
    reason_zh: 测试
    reason_en: test
    citation: none
    confidence: V
)";

std::string replaced(const std::string& from, const std::string& to)
{
    std::string text = kValidRule;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

struct BadFileRow
{
    const char* name;
    std::string text;
    std::vector<std::string> expected; // substrings of the message
};

class BadRuleFile : public ::testing::TestWithParam<BadFileRow>
{
};

TEST_P(BadRuleFile, ThrowsOneLineConfigErrorNamingFileRuleAndField)
{
    const BadFileRow& row = GetParam();
    try
    {
        (void)DeclarativeRuleSet::fromYamlText(row.text, "my_rules.yaml");
        FAIL() << "no error for " << row.name;
    }
    catch (const ConfigError& e)
    {
        const std::string message = e.what();
        EXPECT_EQ(message.find('\n'), std::string::npos) << message;
        EXPECT_EQ(message.rfind("my_rules.yaml", 0), 0u) << message;
        for (const auto& part : row.expected)
            EXPECT_NE(message.find(part), std::string::npos) << "'" << part << "' in: " << message;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Validation, BadRuleFile,
    ::testing::Values(
        BadFileRow{"UnknownRuleField",
                   replaced("    citation: none\n", "    citaton: none\n"),
                   {"my_rules.yaml:9", "rule 'R-1'", "unknown field 'citaton'"}},
        BadFileRow{"BadVerdict",
                   replaced("verdict: prohibited", "verdict: forbidden"),
                   {"my_rules.yaml:6", "rule 'R-1'", "'verdict'", "'forbidden'"}},
        BadFileRow{"BadConfidence",
                   replaced("confidence: V", "confidence: X"),
                   {"rule 'R-1'", "'confidence'", "'X'"}},
        BadFileRow{
            "UnknownZoneKind",
            replaced("zone_kind: water_protection_zones", "zone_kind: water_zones"),
            {"my_rules.yaml:3", "rule 'R-1'", "'zone_kind'", "unknown zone kind", "'water_zones'"}},
        BadFileRow{"BadProjectType",
                   replaced("project_type: [road]", "project_type: [raod]"),
                   {"rule 'R-1'", "project.project_type", "'raod'"}},
        BadFileRow{"BadConstruction",
                   replaced("construction: [new]", "construction: [build]"),
                   {"rule 'R-1'", "project.construction", "'build'"}},
        BadFileRow{"BadGeometryType",
                   replaced("geometry: [line]", "geometry: [polyline]"),
                   {"rule 'R-1'", "project.geometry", "'polyline'"}},
        BadFileRow{"UnknownProjectAttribute",
                   replaced("construction: [new]", "discharge_polutants: true"),
                   {"rule 'R-1'", "unknown project attribute 'project.discharge_polutants'"}},
        BadFileRow{"BadFlagValue",
                   replaced("construction: [new]", "sewage_outfall: maybe"),
                   {"rule 'R-1'", "project.sewage_outfall", "'maybe'"}},
        BadFileRow{"BadIndustrialClass",
                   replaced("construction: [new]", "zj_industrial_class: 4"),
                   {"rule 'R-1'", "project.zj_industrial_class", "4"}},
        BadFileRow{"BadIndustryCode",
                   replaced("construction: [new]", "industry_code: [C33X]"),
                   {"rule 'R-1'", "project.industry_code", "'C33X'"}},
        BadFileRow{"BadHitMode",
                   replaced("verdict: prohibited", "verdict: prohibited\n    hit: near"),
                   {"rule 'R-1'", "'hit'", "'near'"}},
        BadFileRow{"BadZoneTest",
                   replaced("zone: {level: [I]}", "zone: {level: {like: I}}"),
                   {"rule 'R-1'", "zone.level.like"}},
        BadFileRow{"MissingId",
                   replaced("  - id: R-1\n    zone_kind", "  - zone_kind"),
                   {"rule #1", "'id' is missing"}},
        BadFileRow{"MissingVerdict",
                   replaced("    verdict: prohibited\n", ""),
                   {"rule 'R-1'", "'verdict' is missing"}},
        BadFileRow{"DuplicateId",
                   kValidRule + kValidRule.substr(kValidRule.find("  - id")),
                   {"rule 'R-1'", "duplicate rule id"}},
        BadFileRow{"UnknownTopLevelField", "rulez: []\n", {"unknown field 'rulez'"}},
        BadFileRow{"UnknownOptInFlag",
                   "opt_in_flags: [majr]\n" + kValidRule,
                   {"my_rules.yaml:1", "opt_in_flags", "'majr'"}},
        BadFileRow{"NotYaml", "rules: [ {id: R-1\n", {"my_rules.yaml:", "not valid YAML"}},
        BadFileRow{"AlsoHitUnknownKind",
                   replaced("zone: {level: [I]}", "also_hit: {kind: parks}"),
                   {"rule 'R-1'", "also_hit.kind", "'parks'"}}),
    [](const auto& row) { return std::string(row.param.name); });

TEST(RuleFile, ValidFileLoadsWithHeaderAndDeclaredVocabulary)
{
    std::string body = replaced("zone_kind: water_protection_zones", "zone_kind: basic_farmland");
    body.replace(body.find("[road]"), 6, "[solar_farm]");
    const std::string text = "name: my.rules\nversion: \"3\"\nzone_kinds: [basic_farmland]\n"
                             "project_types: [solar_farm]\n" +
                             body;
    const auto rules = DeclarativeRuleSet::fromYamlText(text, "my_rules.yaml");
    EXPECT_EQ(rules->name(), "my.rules");
    EXPECT_EQ(rules->version(), "3");
    ASSERT_EQ(rules->rules().size(), 1u);
    const RuleRecord& r = rules->rules().front();
    EXPECT_EQ(r.zoneKind, "basic_farmland");
    EXPECT_EQ(r.confidence, "V");
    EXPECT_EQ(r.specificity, 4); // level + project_type + construction + geometry
    EXPECT_EQ(r.line, 6);
}

TEST(RuleFile, MissingFileIsAnIoErrorNamingThePath)
{
    try
    {
        (void)DeclarativeRuleSet::fromFile("/nonexistent/rules.yaml");
        FAIL();
    }
    catch (const IoError& e)
    {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/rules.yaml"), std::string::npos);
    }
}

TEST(RuleFile, ExplainUnknownRuleIsAConfigError)
{
    const auto rules = DeclarativeRuleSet::fromYamlText(kValidRule, "my_rules.yaml");
    EXPECT_THROW((void)rules->explain("R-9"), ConfigError);
    const std::string text = rules->explain("R-1");
    EXPECT_NE(text.find("zone attribute level is I"), std::string::npos) << text;
    EXPECT_NE(text.find("the site's project_type is road"), std::string::npos) << text;
    EXPECT_NE(text.find("prohibited (禁止)"), std::string::npos) << text;
}

} // namespace
} // namespace redline
