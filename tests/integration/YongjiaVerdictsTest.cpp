// Done-when of issue 4: every designed case of the Yongjia dataset (sites.gpkg, field
// `expected_verdict`) gets its expected verdict under the built-in rules.yongjia. The expected
// values were set by the dataset's author from the RULEBOOK, independently of the rule engine.
#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>

#include "BuiltinPlugins.hpp"
#include "TestSupport.hpp"
#include "redline/analysis/Screening.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/model/ZoningStore.hpp"
#include "redline/plugin/Registry.hpp"
#include "redline/rules/ResolveRuleSet.hpp"

namespace redline
{
namespace
{

std::string describeHits(const SiteResult& site)
{
    std::ostringstream out;
    for (const Hit& hit : site.hits)
    {
        out << "\n    " << hit.kind << " " << hit.zoneId << " (" << hit.zoneName << ")"
            << (hit.isBufferOnly() ? " buffer " : " overlap ") << toString(hit.verdict) << ":";
        for (const RuleMatch& m : hit.rules)
            out << " " << m.ruleId << "=" << toString(m.verdict);
    }
    for (const auto& w : site.warnings)
        out << "\n    warning: " << w;
    return out.str();
}

TEST(YongjiaVerdicts, EveryDesignedCaseGetsItsExpectedVerdict)
{
    const std::string catalog = test::sourcePath("datasets/yongjia/catalog.yaml");
    const std::string sites = test::sourcePath("datasets/yongjia/sites.gpkg");
    if (!std::filesystem::exists(catalog) || !std::filesystem::exists(sites))
        GTEST_SKIP() << "datasets/yongjia/catalog.yaml or sites.gpkg not generated yet";

    gdalInit();
    Registry registry;
    registerBuiltinPlugins(registry);
    const auto store = ZoningStore::load(catalog);
    ReadOptions read;
    read.targetCrs = store->analysisCrs();
    read.idField = "site_id";
    const Layer layer = readLayer(sites, read);
    const Screening screening(store, resolveRuleSet(registry, kDefaultRuleSet));
    const std::vector<SiteResult> results = screening.run(layer);

    int designed = 0;
    for (const SiteResult& site : results)
    {
        const auto expected = site.attributes.text("expected_verdict");
        if (!expected || expected->empty())
            continue;
        ++designed;
        const auto parsed = parseVerdict(*expected);
        ASSERT_TRUE(parsed) << site.siteId << ": expected_verdict '" << *expected
                            << "' is not a verdict";
        EXPECT_EQ(toString(site.verdict), *expected)
            << site.siteId << " " << site.name << ": got " << toString(site.verdict)
            << describeHits(site);
    }
    EXPECT_GT(designed, 0) << "no site of " << sites << " has an expected_verdict";
}

} // namespace
} // namespace redline
