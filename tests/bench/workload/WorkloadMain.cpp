// redline-bench-gen: writes the seeded synthetic workload of the benchmarks and the PostGIS
// parity check (zoning.gpkg, sites.gpkg in EPSG:4549, sites_4490.gpkg in EPSG:4490).

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "SyntheticWorkload.hpp"
#include "redline/io/VectorReader.hpp"

int main(int argc, char** argv)
{
    CLI::App app{"Writes the synthetic benchmark workload (zoning store and sites)"};
    std::string out;
    std::string size = "county";
    std::size_t sites = 0;
    std::uint64_t seed = 0;
    app.add_option("--out", out, "Output folder")->required();
    app.add_option("--size", size, "county (issue 2 item 7) or small (parity check)")
        ->check(CLI::IsMember({"county", "small"}));
    app.add_option("--sites", sites, "Number of sites (default 10000 county, 300 small)");
    app.add_option("--seed", seed, "RNG seed (default: the spec's)");
    CLI11_PARSE(app, argc, argv);
    try
    {
        redline::gdalInit();
        auto spec = size == "small" ? redline::bench::WorkloadSpec::small(sites ? sites : 300)
                                    : redline::bench::WorkloadSpec::county();
        if (sites)
            spec.sites = sites;
        if (seed)
            spec.seed = seed;
        const auto w = redline::bench::generateWorkload(spec);
        redline::bench::writeWorkload(w, out);
        std::size_t vertices = 0;
        for (const auto& f : w.zoneLayers.front().features)
            vertices += f.geometry.vertexCount();
        std::cout << out << ": ";
        for (const auto& l : w.zoneLayers)
            std::cout << l.name << " " << l.features.size() << ", ";
        std::cout << "red-line vertices " << vertices << ", sites " << w.sites.features.size()
                  << " (EPSG:4549) + " << w.sitesOtherCrs.features.size() << " (EPSG:4490)\n";
        return 0;
    }
    catch (const std::exception& e)
    {
        std::cerr << "redline-bench-gen: " << e.what() << "\n";
        return 1;
    }
}
