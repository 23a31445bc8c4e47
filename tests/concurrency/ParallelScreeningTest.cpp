#include <gtest/gtest.h>

#include <random>

#include "redline/analysis/Screening.hpp"

using namespace redline;

// Parallel output must equal serial output, site by site and hit by hit (as tippecanoe's
// parallel-test demands byte-identical output). Zones: a 10 × 10 grid of 1 km cells, each with a
// 200 m hole; 2,000 random sites of 20–300 m.
namespace
{

std::shared_ptr<const ZoningStore> gridStore()
{
    auto layer = std::make_shared<Layer>();
    layer->name = "control_units";
    layer->crs = Crs::fromEpsg(4549);
    for (int i = 0; i < 10; ++i)
        for (int j = 0; j < 10; ++j)
        {
            const double x = 550000 + i * 1000.0, y = 3110000 + j * 1000.0;
            Feature f;
            f.fid = i * 10 + j;
            f.geometry = Geometry::polygon(
                {{x, y}, {x + 1000, y}, {x + 1000, y + 1000}, {x, y + 1000}, {x, y}},
                {{{x + 400, y + 400}, {x + 600, y + 400}, {x + 600, y + 600}, {x + 400, y + 600},
                  {x + 400, y + 400}}});
            f.attributes.set("unit_code", "U" + std::to_string(f.fid));
            layer->features.push_back(f);
        }
    ZoneLayer zl;
    zl.name = "control_units";
    zl.kind = "control_units";
    zl.idField = "unit_code";
    zl.nameField = "name";
    zl.layer = layer;
    return std::make_shared<const ZoningStore>("grid", Crs::fromEpsg(4549),
                                               std::vector<ZoneLayer>{zl});
}

Layer randomSites(std::size_t n)
{
    std::mt19937_64 rng(42);
    auto unit = [&] { return static_cast<double>(rng() >> 11) / 9007199254740992.0; };
    Layer sites;
    sites.crs = Crs::fromEpsg(4549);
    for (std::size_t i = 0; i < n; ++i)
    {
        const double x = 549500 + unit() * 11000, y = 3109500 + unit() * 11000;
        const double w = 20 + unit() * 280, h = 20 + unit() * 280;
        Feature f;
        f.fid = static_cast<std::int64_t>(i);
        f.geometry = Geometry::polygon({{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}, {x, y}});
        sites.features.push_back(f);
    }
    return sites;
}

} // namespace

TEST(ParallelScreening, EqualsSerial)
{
    const auto store = gridStore();
    const Layer sites = randomSites(2000);
    ScreeningOptions serialOpts, parallelOpts;
    serialOpts.threads = 1;
    parallelOpts.threads = 2;
    const auto serial = Screening(store, nullptr, serialOpts).run(sites);
    const auto parallel = Screening(store, nullptr, parallelOpts).run(sites);
    ASSERT_EQ(serial.size(), parallel.size());
    std::size_t hits = 0;
    for (std::size_t i = 0; i < serial.size(); ++i)
    {
        ASSERT_EQ(serial[i].hits.size(), parallel[i].hits.size()) << i;
        EXPECT_EQ(serial[i].index, i);
        EXPECT_EQ(parallel[i].index, i);
        for (std::size_t k = 0; k < serial[i].hits.size(); ++k)
        {
            EXPECT_EQ(serial[i].hits[k].zoneId, parallel[i].hits[k].zoneId);
            EXPECT_EQ(serial[i].hits[k].overlapM2, parallel[i].hits[k].overlapM2);
            EXPECT_EQ(serial[i].hits[k].distanceM, parallel[i].hits[k].distanceM);
        }
        hits += serial[i].hits.size();
    }
    EXPECT_GT(hits, 2000u); // every site lies in or near at least one cell
}
