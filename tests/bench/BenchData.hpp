#pragma once
// The county workload shared by the benchmarks: generated once per process (seeded, see
// workload/SyntheticWorkload.hpp) into a temporary folder, or read from $REDLINE_BENCH_DATA when
// set (a folder written by redline-bench-gen, e.g. by scripts/bench.sh, so that the PostGIS
// comparison and the benchmarks run on the very same files). Not thread-safe: call from the
// benchmark's main thread.

#include <memory>
#include <string>

#include "redline/analysis/PreparedStore.hpp"
#include "redline/data/Layer.hpp"
#include "redline/model/ZoningStore.hpp"

namespace redline::bench
{

// Folder holding zoning.gpkg, sites.gpkg and sites_4490.gpkg.
[[nodiscard]] const std::string& workloadDir();
[[nodiscard]] std::string zoningPath();
// The store, loaded once (EPSG:4549).
[[nodiscard]] std::shared_ptr<const ZoningStore> sharedStore();
// The store prepared once for screening (PreparedStore::build of sharedStore()).
[[nodiscard]] std::shared_ptr<const PreparedStore> sharedPreparedStore();
// Every site of the workload in EPSG:4549 (the EPSG:4490 ones reprojected on reading).
[[nodiscard]] const Layer& allSites();

} // namespace redline::bench
