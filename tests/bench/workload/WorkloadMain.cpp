// redline-bench-gen: writes the seeded synthetic workload of the benchmarks and the PostGIS
// parity check (zoning.gpkg, sites.gpkg in EPSG:4549, sites_4490.gpkg in EPSG:4490), with
// --coordination also the 三区三线 layers of the coordination check in zoning.gpkg.

#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "redline/io/VectorReader.hpp"

#include "SyntheticWorkload.hpp"

int main(int argc, char** argv)
{
    CLI::App app{"Writes the synthetic benchmark workload (zoning store and sites)"};
    std::string out;
    std::string size = "county";
    std::size_t sites = 0;
    std::uint64_t seed = 0;
    double storeScale = 0;
    app.add_option("--out", out, "Output folder")->required();
    app.add_option("--size", size,
                   "county (10,000 sites), province (store x30, 100,000 sites) or small (parity "
                   "check, 300 sites)")
        ->check(CLI::IsMember({"county", "province", "small"}));
    app.add_option("--store-scale", storeScale,
                   "County store scaled k times in area and zones (county/province sizes only)")
        ->check(CLI::Range(1.0, 100.0));
    app.add_option("--sites", sites, "Number of sites (default: the size's)");
    app.add_option("--seed", seed, "RNG seed (default: the spec's)");
    bool coordination = false;
    app.add_flag("--coordination", coordination,
                 "Add the 三区三线 layers permanent_farmland and urban_development_boundary (for "
                 "the coordination check of `redline check`); the other layers are unchanged");
    CLI11_PARSE(app, argc, argv);
    try
    {
        redline::gdalInit();
        using redline::bench::WorkloadSpec;
        WorkloadSpec spec = size == "small"      ? WorkloadSpec::small(sites ? sites : 300)
                            : size == "province" ? WorkloadSpec::province()
                                                 : WorkloadSpec::county();
        if (storeScale > 0 && size != "small")
            spec = WorkloadSpec::scaled(storeScale, spec.sites);
        if (sites)
            spec.sites = sites;
        if (seed)
            spec.seed = seed;
        if (coordination)
            spec.addCoordinationLayers();
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
