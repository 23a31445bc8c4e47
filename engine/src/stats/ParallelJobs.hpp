#pragma once
// Independent jobs of zoning QA and statistics on every core (engine-internal): validity tests,
// and the planar and ellipsoidal area of disjoint pieces, which dominate `redline check` and
// `redline stats` on a province-sized store (issue 13). Each thread has its own worker (GEOS
// context, ellipsoidal measure), built from the CRS's WKT because neither a GEOS context nor an
// OGRSpatialReference may be used from two threads; job i writes only to slot i of its caller's
// results, and the caller then adds them up in order, so results are the same as one thread's,
// bit for bit, whatever the number of cores.

#include <cstddef>
#include <memory>
#include <string>

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include "redline/geo/EllipsoidalArea.hpp"

#include "geos/GeosContext.hpp"

namespace redline::detail
{

// What one thread owns while measuring. `crsWkt` empty: no ellipsoidal measure (validity tests,
// planar totals); otherwise the measure on that CRS (throws CrsError as EllipsoidalMeasure does).
struct MeasureWorker
{
    explicit MeasureWorker(const std::string& crsWkt);
    GeosContext geos;
    std::unique_ptr<EllipsoidalMeasure> measure;
};

// Calls job(worker, i) for every i in [0, n), spread over the cores, each thread with its own
// `Worker` (constructed from `crsWkt`). The order of the calls is unspecified; an exception of a
// job is rethrown here (the first one).
template <class Worker, class Job>
void runJobs(std::size_t n, const std::string& crsWkt, const Job& job)
{
    if (n == 0)
        return;
    tbb::enumerable_thread_specific<std::unique_ptr<Worker>> workers;
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n),
                      [&](const tbb::blocked_range<std::size_t>& range)
                      {
                          std::unique_ptr<Worker>& worker = workers.local();
                          if (!worker)
                              worker = std::make_unique<Worker>(crsWkt);
                          for (std::size_t i = range.begin(); i != range.end(); ++i)
                              job(*worker, i);
                      });
}

} // namespace redline::detail
