#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "redline/api/ScreeningEngine.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/plugin/Registry.hpp"

#include "BuiltinPlugins.hpp"
#include "TestSupport.hpp"

using namespace redline;

// The service calls one ScreeningEngine from many threads at once (single-site requests with
// and without a buffer, in EPSG:4549 and in CGCS2000 lon/lat): every concurrent answer must equal
// the same request answered alone. Run under the tsan preset, this is also the race check.
namespace
{

struct Case
{
    std::string wkt;
    std::string crs;
    std::optional<double> buffer;
};

std::vector<Case> cases()
{
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> x(545000, 590000), y(3100000, 3160000);
    std::vector<Case> out;
    for (int i = 0; i < 64; ++i)
    {
        const double cx = x(rng), cy = y(rng);
        Case c;
        c.wkt = "POLYGON ((" + std::to_string(cx) + " " + std::to_string(cy) + ", " +
                std::to_string(cx + 300) + " " + std::to_string(cy) + ", " +
                std::to_string(cx + 300) + " " + std::to_string(cy + 200) + ", " +
                std::to_string(cx) + " " + std::to_string(cy) + "))";
        if (i % 3 == 1)
            c.buffer = 500.0;
        if (i % 4 == 3)
        {
            c.wkt = "POINT (120.6" + std::to_string(i) + " 28.1" + std::to_string(i) + ")";
            c.crs = "EPSG:4490";
        }
        out.push_back(c);
    }
    return out;
}

std::string digest(const ScreeningReport& r)
{
    std::string d = r.ruleSetVersion;
    for (const auto& s : r.results)
    {
        d += "|" + std::string(toString(s.verdict));
        for (const auto& h : s.hits)
            d += ";" + h.zoneId + "=" + std::to_string(h.overlapM2) + "/" +
                 std::to_string(h.distanceM) + "/" + toString(h.verdict);
    }
    return d;
}

} // namespace

TEST(EngineConcurrency, ConcurrentRequestsEqualSerialOnes)
{
    gdalInit();
    Registry registry;
    registerBuiltinPlugins(registry);
    EngineConfig config;
    config.zones = test::sourcePath("datasets/yongjia/zoning.gpkg");
    const ScreeningEngine engine(registry, config);
    const auto all = cases();
    auto request = [&](const Case& c)
    {
        ScreeningRequest r;
        r.siteWkt = c.wkt;
        r.siteCrs = c.crs;
        r.bufferM = c.buffer;
        return r;
    };

    std::vector<std::string> serial;
    {
        const ScreeningEngine fresh(registry, config);
        for (const auto& c : all)
            serial.push_back(digest(fresh.screen(request(c))));
    }
    std::size_t withHits = 0;
    for (const auto& s : serial)
        withHits += s.find(';') != std::string::npos;
    EXPECT_GT(withHits, 8u); // the sample really touches zones

    std::vector<std::string> concurrent(all.size() * 4);
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < 4; ++t)
        threads.emplace_back(
            [&, t]
            {
                for (std::size_t i = 0; i < all.size(); ++i)
                {
                    const std::size_t k = (i + t * 17) % all.size();
                    concurrent[t * all.size() + k] = digest(engine.screen(request(all[k])));
                }
            });
    for (auto& th : threads)
        th.join();
    for (unsigned t = 0; t < 4; ++t)
        for (std::size_t i = 0; i < all.size(); ++i)
            EXPECT_EQ(concurrent[t * all.size() + i], serial[i]) << "thread " << t << " case " << i;
}
