// Zoning QA converts rings tolerantly (the shared GEOS converter's OpenRings::Close): an open
// ring is closed, and a ring too short for GEOS is reported by the validity check with GEOS's
// reason instead of failing the whole run. Areas are computed by hand from the coordinates.

#include "redline/qa/ZoningQa.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "SyntheticZoning.hpp"

namespace redline
{
namespace
{

using test::kX0;
using test::kY0;

QaReport runWithExtraRedLine(const Ring& ring, const std::string& id)
{
    auto layers = test::cleanSyntheticStore();
    test::layerNamed(layers, "ecological_redline")
        .features.push_back({Geometry::polygon(ring),
                             {{"zone_id", id}, {"name", "extra"}, {"redline_type", "scenic"}}});
    return runZoningQa(test::toZoneLayers(layers), Crs::fromEpsg(4549), {});
}

const QaLayerSummary& redLineSummary(const QaReport& r)
{
    const auto it = std::find_if(r.layers.begin(), r.layers.end(),
                                 [](const auto& l) { return l.layer == "ecological_redline"; });
    EXPECT_NE(it, r.layers.end());
    return *it;
}

TEST(QaOpenRing, OpenRingIsClosedAndMeasured)
{
    // A 100 m × 100 m square at (700, 700) whose last vertex does not repeat the first.
    const Ring open = {{kX0 + 700, kY0 + 700},
                       {kX0 + 800, kY0 + 700},
                       {kX0 + 800, kY0 + 800},
                       {kX0 + 700, kY0 + 800}};
    const QaReport r = runWithExtraRedLine(open, "R9");
    for (const auto& f : r.findings)
        EXPECT_NE(f.featureId, "R9") << f.check << ": " << f.message;
    // R1 is 500 m × 500 m (0.25 km²), the closed square adds 0.01 km² and does not overlap it.
    EXPECT_NEAR(redLineSummary(r).areaKm2, 0.26, 1e-9);
}

TEST(QaOpenRing, TooShortRingIsAnInvalidGeometryFinding)
{
    // Two distinct vertices: GEOS cannot make a ring of them.
    const Ring degenerate = {{kX0 + 700, kY0 + 700}, {kX0 + 800, kY0 + 800}};
    const QaReport r = runWithExtraRedLine(degenerate, "R9");
    const auto it = std::find_if(r.findings.begin(), r.findings.end(),
                                 [](const QaFinding& f) { return f.featureId == "R9"; });
    ASSERT_NE(it, r.findings.end());
    EXPECT_EQ(it->check, "invalid_geometry");
    EXPECT_EQ(it->severity, QaSeverity::Error);
    EXPECT_NE(it->message.find("Too few points"), std::string::npos) << it->message;
    // The repaired shape has no area, so the layer total is R1's alone.
    EXPECT_NEAR(redLineSummary(r).areaKm2, 0.25, 1e-9);
}

} // namespace
} // namespace redline
