// Jobs on every core for zoning QA and statistics (issue 13): every job runs once, on a worker of
// its own thread, and a worker's ellipsoidal measure (rebuilt from the CRS's WKT) gives the same
// figures, bit for bit, as one built on the calling thread, so results do not depend on the
// number of cores.

#include "stats/ParallelJobs.hpp"

#include <atomic>
#include <vector>

#include <gtest/gtest.h>

#include "redline/core/Error.hpp"

#include "geos/GeosConvert.hpp"
#include "geos/GeosOps.hpp"

using namespace redline;
using namespace redline::detail;

namespace
{

// A square of side `side` m in EPSG:4549 near Yongjia, `i` km east of the first.
Geometry square(std::size_t i, double side)
{
    const double x = 560000 + 1000.0 * static_cast<double>(i), y = 3120000;
    return Geometry::polygon({{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}});
}

TEST(ParallelJobs, EveryJobRunsOnceOnItsThreadsWorker)
{
    constexpr std::size_t n = 2000;
    std::vector<double> areas(n, -1);
    std::vector<std::atomic<int>> calls(n);
    runJobs<MeasureWorker>(n, "",
                           [&](MeasureWorker& w, std::size_t i)
                           {
                               ++calls[i];
                               EXPECT_EQ(w.measure, nullptr); // no CRS: planar only
                               const GeosGeomPtr g =
                                   toGeos(w.geos, square(i, 10.0 + static_cast<double>(i % 7)));
                               areas[i] = area(w.geos, g.get());
                           });
    for (std::size_t i = 0; i < n; ++i)
    {
        EXPECT_EQ(calls[i], 1);
        const double side = 10.0 + static_cast<double>(i % 7);
        EXPECT_DOUBLE_EQ(areas[i], side * side);
    }
}

TEST(ParallelJobs, WorkersMeasureBitForBitAsTheCallingThread)
{
    const Crs crs = Crs::fromEpsg(4549);
    const EllipsoidalMeasure here(crs);
    constexpr std::size_t n = 200;
    std::vector<double> there(n);
    runJobs<MeasureWorker>(n, crs.toWkt(),
                           [&](MeasureWorker& w, std::size_t i)
                           {
                               ASSERT_NE(w.measure, nullptr);
                               there[i] = w.measure->geodesicArea(square(i, 3000));
                           });
    for (std::size_t i = 0; i < n; ++i)
    {
        EXPECT_EQ(there[i], here.geodesicArea(square(i, 3000))) << i;
        // Gauss-Krüger (k0 = 1, false easting 500 km) enlarges areas by k² with
        // k = 1 + x'²/2R² at the easting x' from the central meridian (R ≈ 6,371 km).
        const double xPrime = 560000 + 1000.0 * static_cast<double>(i) + 1500 - 500000;
        const double k = 1 + xPrime * xPrime / (2 * 6371000.0 * 6371000.0);
        EXPECT_NEAR(there[i] / 9e6 * k * k, 1.0, 1e-5) << i;
    }
}

TEST(ParallelJobs, AJobsExceptionReachesTheCaller)
{
    EXPECT_THROW(runJobs<MeasureWorker>(100, "",
                                        [](MeasureWorker& w, std::size_t i)
                                        {
                                            if (i == 57)
                                                w.geos.require(false, "job 57");
                                        }),
                 GeometryError);
}

} // namespace
