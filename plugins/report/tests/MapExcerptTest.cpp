// The report map's content: the zoning cut to the box (hand-computed areas), the screened site
// alone on top (never another applicant's), and a legend of exactly what is drawn.
#include "report/MapExcerpt.hpp"

#include <gtest/gtest.h>

#include "report/tests/ReportTestStore.hpp"

using namespace redline;

TEST(MapExcerpt, ZoningCutToTheBoxAndOnlyThisSiteOnTop)
{
    const ScreeningReport r = test::reportTestReport();
    const SiteResult& p = r.results[0]; // P [300,400]^2
    // Box [0,500]x[0,500]: unit A's part is 500 x 500 m; B and the red line lie outside it.
    const Envelope box{test::kX0, test::kY0, test::kX0 + 500, test::kY0 + 500};
    const MapExcerpt e = mapExcerpt(r.zoning.get(), p, box);
    std::map<std::string, double> area;
    for (const MapExcerptLayer& l : e.layers)
        for (const MapPart& part : l.parts)
        {
            area[l.kind] += part.geometry.planarArea();
            EXPECT_GE(part.geometry.envelope().minX, box.minX - 11); // cut with a 2 % margin
            EXPECT_LE(part.geometry.envelope().maxX, box.maxX + 11);
        }
    EXPECT_NEAR(area["control_units"], 510.0 * 510.0, 1e-6); // the box grown by 10 m, in A
    EXPECT_EQ(area.count("ecological_redline"), 0u);
    // Site parts: P's overlap with A (needs_review), then P's outline. S2 is nowhere.
    ASSERT_EQ(e.site.size(), 2u);
    EXPECT_NEAR(e.site[0].geometry.planarArea(), 10000, 1e-6);
    EXPECT_EQ(e.site[0].symbol.label, "重叠部分（需进一步论证）");
    EXPECT_EQ(e.site[1].geometry.envelope().minX, test::kX0 + 300);
    EXPECT_EQ(e.site[1].symbol.label, "项目用地范围");

    std::vector<std::string> labels;
    for (const LegendItem& item : legendOf(e))
        labels.push_back(item.label);
    // Top layer first: county, townships, the unit, then the site's own.
    EXPECT_EQ(labels, (std::vector<std::string>{"县界", "乡镇街道界", "优先保护单元",
                                                "项目用地范围", "重叠部分（需进一步论证）"}));
}

TEST(MapExcerpt, FocusAndAspect)
{
    // A 100 m square grows by max(100, 200) * 0.6 = 120 m on each side: 340 m across.
    const Envelope f = reportMapFocus(Geometry::polygon(test::square(0, 0, 100, 100)));
    EXPECT_DOUBLE_EQ(f.width(), 340);
    // 640 : 400 keeps the height and widens to 340 * 1.6 = 544 m about the centre.
    const Envelope a = fitToAspect(f, 640, 400);
    EXPECT_DOUBLE_EQ(a.width(), 544);
    EXPECT_DOUBLE_EQ(a.height(), 340);
    EXPECT_DOUBLE_EQ(a.minX, test::kX0 + 50 - 272);
}
