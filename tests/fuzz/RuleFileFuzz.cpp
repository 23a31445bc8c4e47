// libFuzzer target: the declarative rule-file parser and validator (engine/src/rules/
// RuleFileParser, through DeclarativeRuleSet::fromYamlText), then, for a file it accepts, the
// plain-words explanation of every rule and the evaluation of a few fixed synthetic sites (so a
// rule file that loads can never crash a screening). A redline::Error is the expected answer to
// a bad file; anything else is a finding.

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "redline/core/Error.hpp"
#include "redline/rules/DeclarativeRuleSet.hpp"

namespace
{

using redline::Attributes;
using redline::Geometry;
using redline::Hit;
using redline::SiteResult;

Attributes zoneAttributes()
{
    Attributes a;
    a.set("unit_type", std::string("priority"));
    a.set("level", std::string("I"));
    a.set("zoning", std::string("core"));
    a.set("redline_type", std::string("water_conservation"));
    a.set("prohibition", std::string("quarry"));
    a.set("category", std::string("nature_reserve"));
    a.set("name", std::string("生态保护红线 一级保护区"));
    a.set("subtype", std::string("ecological_redline"));
    return a;
}

// Sites with no project information, with a full industrial application, and a point site.
std::vector<SiteResult> sitesFor(const std::set<std::string>& kinds)
{
    std::vector<SiteResult> sites(3);
    sites[1].attributes.set("project_type", std::string("industrial"));
    sites[1].attributes.set("construction", std::string("new"));
    sites[1].attributes.set("industry_code", std::string("C2614"));
    sites[1].attributes.set("discharges_pollutants", std::string("是"));
    sites[1].attributes.set("sewage_outfall", std::string("有"));
    sites[1].attributes.set("zj_industrial_class", std::int64_t{2});
    for (std::size_t i = 0; i < sites.size(); ++i)
    {
        SiteResult& s = sites[i];
        s.index = i;
        s.siteId = "S" + std::to_string(i);
        s.geometry = i == 2 ? Geometry::point(500000, 3100000)
                            : Geometry::polygon({{500000, 3100000},
                                                 {500100, 3100000},
                                                 {500100, 3100100},
                                                 {500000, 3100100},
                                                 {500000, 3100000}});
        s.areaM2 = i == 2 ? 0 : 10000;
        for (const std::string& kind : kinds)
        {
            Hit overlap;
            overlap.layer = kind;
            overlap.kind = kind;
            overlap.zoneId = kind + "-1";
            overlap.attributes = zoneAttributes();
            overlap.overlapM2 = i == 2 ? 0 : 2500;
            overlap.siteShare = i == 2 ? 0 : 0.25;
            overlap.contains = i == 2;
            Hit buffer = overlap;
            buffer.zoneId = kind + "-2";
            buffer.overlapM2 = 0;
            buffer.siteShare = 0;
            buffer.contains = false;
            buffer.distanceM = 40;
            s.hits.push_back(std::move(overlap));
            s.hits.push_back(std::move(buffer));
        }
    }
    return sites;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try
    {
        const auto rules = redline::DeclarativeRuleSet::fromYamlText(text, "fuzz.yaml");
        std::set<std::string> kinds;
        for (const auto& rule : rules->rules())
        {
            kinds.insert(rule.zoneKind);
            (void)rules->explain(rule.id);
        }
        redline::RuleContext context;
        context.kindsPresent = kinds;
        for (SiteResult& site : sitesFor(kinds))
            rules->evaluate(site, context);
    }
    catch (const redline::Error&)
    {
    }
    return 0;
}
