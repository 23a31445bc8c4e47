// An edit session on a copy of the Yongjia store (through its catalog, so the official figures
// apply): a harmless attribute change commits and shows up in the diff; a red-line enlargement
// that would silently change the official 426.98 km² is refused and leaves the store unchanged.

#include <filesystem>

#include <gtest/gtest.h>

#include "redline/edit/EditSession.hpp"
#include "redline/edit/Revision.hpp"
#include "redline/edit/StoreDiff.hpp"
#include "redline/io/VectorReader.hpp"

#include "TestSupport.hpp"

namespace fs = std::filesystem;

namespace redline
{
namespace
{

TEST(EditYongjia, CommitDiffAndRefusedRedLineChange)
{
    const fs::path source = test::sourcePath("datasets/yongjia");
    if (!fs::exists(source / "catalog.yaml") || !fs::exists(source / "zoning.gpkg"))
        GTEST_SKIP() << "datasets/yongjia not generated yet";
    gdalInit();
    test::TempDir dir;
    fs::copy_file(source / "catalog.yaml", dir.path() / "catalog.yaml");
    fs::copy_file(source / "zoning.gpkg", dir.path() / "zoning.gpkg");
    const std::string catalog = dir.file("catalog.yaml");

    EditSession s(catalog, "planner");
    const auto units = s.features("control_units");
    ASSERT_FALSE(units.empty());
    s.setAttribute("control_units", units[0].fid, "name", std::string("renamed unit"));
    EXPECT_EQ(s.commit("name corrected").revision, 1);

    // Red-line zone grown by a 1 km × 1 km square beside its first vertex: the total moves by up
    // to 1 km², far beyond the 0.005 km² tolerance around 426.98 km².
    const auto zones = s.features("ecological_redline");
    const Point p = zones[0].geometry.parts()[0][0][0];
    std::vector<Part> parts = zones[0].geometry.parts();
    parts.push_back(
        {{{p.x, p.y}, {p.x + 1000, p.y}, {p.x + 1000, p.y + 1000}, {p.x, p.y + 1000}, {p.x, p.y}}});
    s.setGeometry("ecological_redline", zones[0].fid,
                  Geometry(GeometryType::MultiPolygon, std::move(parts)));
    try
    {
        (void)s.commit("grow");
        FAIL() << "red-line change accepted";
    }
    catch (const CommitRefused& e)
    {
        bool official = false;
        for (const auto& f : e.report().findings)
            official = official || f.check == "official_area";
        EXPECT_TRUE(official) << e.what();
    }
    EXPECT_EQ(currentRevision(catalog), 1);

    const StoreDiff d = diffRevisions(catalog, 0, 1);
    for (const auto& l : d.layers)
    {
        EXPECT_EQ(l.added + l.removed, 0) << l.layer;
        EXPECT_EQ(l.changed, l.layer == "control_units" ? 1 : 0) << l.layer;
    }
}

} // namespace
} // namespace redline
