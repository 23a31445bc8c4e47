#include "BenchData.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "redline/io/VectorReader.hpp"
#include "workload/SyntheticWorkload.hpp"

namespace fs = std::filesystem;

namespace redline::bench
{

namespace
{

struct GeneratedDir
{
    GeneratedDir()
    {
        gdalInit();
        if (const char* given = std::getenv("REDLINE_BENCH_DATA"); given && *given)
        {
            path = given;
            return;
        }
        path = (fs::temp_directory_path() / "redline-bench-county").string();
        if (!fs::exists(fs::path(path) / "sites_4490.gpkg"))
        {
            std::cerr << "redline_bench: writing the county workload to " << path << "\n";
            writeWorkload(generateWorkload(WorkloadSpec::county()), path);
        }
    }
    std::string path;
};

} // namespace

const std::string& workloadDir()
{
    static const GeneratedDir dir;
    return dir.path;
}

std::string zoningPath()
{
    return (fs::path(workloadDir()) / "zoning.gpkg").string();
}

std::shared_ptr<const ZoningStore> sharedStore()
{
    static const auto store = ZoningStore::load(zoningPath(), Crs::fromEpsg(4549));
    return store;
}

std::shared_ptr<const PreparedStore> sharedPreparedStore()
{
    static const auto store = PreparedStore::build(*sharedStore());
    return store;
}

const Layer& allSites()
{
    static const Layer sites = []
    {
        ReadOptions ro;
        ro.targetCrs = Crs::fromEpsg(4549);
        ro.idField = "site_id";
        Layer all = readLayer((fs::path(workloadDir()) / "sites.gpkg").string(), ro);
        const fs::path other = fs::path(workloadDir()) / "sites_4490.gpkg";
        if (fs::exists(other))
        {
            Layer more = readLayer(other.string(), ro);
            for (auto& f : more.features)
                all.features.push_back(std::move(f));
        }
        return all;
    }();
    return sites;
}

} // namespace redline::bench
