// redline-datagen: writes the Yongjia demonstration datasets, or with --scale a province-sized
// synthetic store for benchmarks. Same command, same features (fixed seed, own RNG mapping).
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>
#include <gdal_priv.h>

#include "Output.hpp"
#include "ScaleStore.hpp"
#include "World.hpp"

int main(int argc, char** argv)
{
    using namespace redline::datagen;
    CLI::App app{"redline-datagen: Yongjia demonstration datasets (deterministic)"};
    std::string out = "datasets/yongjia";
    std::string shared = "../shared";
    int scale = 0;
    int siteCount = 1000;
    std::uint64_t seed = 20210601;
    bool quiet = false;
    app.add_option("--out", out, "output folder")->capture_default_str();
    app.add_option("--shared", shared, "the shared/ folder holding data/ and domain/")
        ->capture_default_str();
    app.add_option("--scale", scale,
                   "write a synthetic store N times the county (benchmarks; not the demo)");
    app.add_option("--sites", siteCount, "random sites for --scale")->capture_default_str();
    app.add_option("--seed", seed, "random seed")->capture_default_str();
    app.add_flag("--quiet", quiet, "no progress on stderr");
    CLI11_PARSE(app, argc, argv);

    try
    {
        GDALAllRegister();
        std::filesystem::create_directories(out);
        World w(seed);
        auto step = [&](const char* what)
        {
            if (!quiet)
            {
                std::cerr << "redline-datagen: " << what << "\n";
            }
        };
        step("reading sources");
        buildBase(w, shared);
        step("townships");
        buildTownships(w);
        step("rivers");
        buildRivers(w);
        step("protected areas");
        buildProtectedAreas(w);
        step("ecological red line");
        buildRedline(w);
        step("water protection zones");
        buildWaterZones(w);
        step("control units");
        buildControlUnits(w);
        step("prohibited zones");
        buildProhibited(w);
        if (scale > 0)
        {
            step("scaled store");
            writeScaledStore(w, out, scale, siteCount, seed);
            return 0;
        }
        step("sites");
        buildSites(w);
        step("farmland and development boundary");
        buildControlLines(w);
        step("writing");
        writeDataset(w, out);
        printFigures(w, std::cout);
    }
    catch (const std::exception& e)
    {
        std::cerr << "redline-datagen: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
