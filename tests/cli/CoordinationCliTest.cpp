// `redline check` on the Yongjia demonstration store (issue 14): the planted 三区三线 overlaps are
// errors (exit 1) with township and 亩 in the JSON; their areas are checked against SpatiaLite in
// tests/integration/CoordinationYongjiaTest.cpp.

#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "TestSupport.hpp"

namespace redline
{
namespace
{

TEST(CoordinationCli, CheckReportsThePlantedOverlapsAndExitsOne)
{
    const std::string store = test::sourcePath("datasets/yongjia/zoning.gpkg");
    if (!std::filesystem::exists(store))
        GTEST_SKIP() << "datasets/yongjia not generated yet";
    const auto r = test::runRedline("check --zones '" + store + "' --format json");
    EXPECT_EQ(r.exitCode, 1) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    int overlaps = 0;
    for (const auto& f : j["findings"])
    {
        if (f["check"] != "coordination_overlap")
            continue;
        ++overlaps;
        EXPECT_EQ(f["severity"], "error");
        EXPECT_FALSE(f["township"].get<std::string>().empty());
        // 1 亩 = 10000/15 m².
        EXPECT_NEAR(f["area_mu"].get<double>(), f["area_m2"].get<double>() * 15 / 10000, 1e-9);
    }
    EXPECT_EQ(overlaps, 3);
    EXPECT_NE(r.err.find("QA error(s) found"), std::string::npos);
}

} // namespace
} // namespace redline
