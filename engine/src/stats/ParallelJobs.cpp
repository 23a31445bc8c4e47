#include "stats/ParallelJobs.hpp"

#include "redline/geo/Crs.hpp"

namespace redline::detail
{

MeasureWorker::MeasureWorker(const std::string& crsWkt)
{
    if (!crsWkt.empty())
        measure = std::make_unique<EllipsoidalMeasure>(Crs::fromWkt(crsWkt));
}

} // namespace redline::detail
