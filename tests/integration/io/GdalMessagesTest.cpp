// What GDAL says during an operation reaches the user naming the file (issue 9 item 5): a
// warning while reading becomes a warning of the layer, a failure becomes the reason in the
// error, messages stay with the thread whose operation caused them (GDAL's handler stack is per
// thread), and a message no operation collects still reaches stderr. The triggers are GDAL's own
// documented behaviours: a .csvt typing a column Integer that holds "12abc", a Shapefile
// without its .shx.

#include <algorithm>
#include <filesystem>
#include <thread>

#include <cpl_error.h>
#include <gtest/gtest.h>

#include "redline/core/Error.hpp"
#include "redline/io/SiteSource.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/io/VectorWriter.hpp"
#include "redline/plugin/Registry.hpp"

#include "BuiltinPlugins.hpp"
#include "TestSupport.hpp"

using namespace redline;
using redline::test::TempDir;
using redline::test::writeFile;

namespace
{

bool mentionsGdal(const std::vector<std::string>& warnings)
{
    return std::any_of(warnings.begin(), warnings.end(),
                       [](const std::string& w) { return w.find("GDAL:") != std::string::npos; });
}

class GdalMessages : public testing::Test
{
  protected:
    void SetUp() override
    {
        gdalInit();
        registerBuiltinPlugins(m_registry);
        m_so.siteCrs = "EPSG:4549";
        m_bad = m_dir.file("typed.csv");
        writeFile(m_bad, "site_id,n,WKT\nA,12abc,\"POINT (563800 3115200)\"\n");
        writeFile(m_dir.file("typed.csvt"), "String,Integer,String\n");
        m_good = m_dir.file("plain.csv");
        writeFile(m_good, "site_id,n,WKT\nB,7,\"POINT (563800 3115200)\"\n");
    }
    Registry m_registry;
    SiteSourceOptions m_so;
    TempDir m_dir;
    std::string m_bad;
    std::string m_good;
};

} // namespace

TEST_F(GdalMessages, ReadingWarningBecomesALayerWarningNamingTheFile)
{
    const Layer l = loadSites(m_bad, Crs::fromEpsg(4549), m_so, &m_registry);
    const auto it =
        std::find_if(l.warnings.begin(), l.warnings.end(),
                     [&](const std::string& w) { return w.find(m_bad + ": GDAL: ") == 0; });
    ASSERT_NE(it, l.warnings.end()) << ::testing::PrintToString(l.warnings);
    EXPECT_NE(it->find("field n"), std::string::npos) << *it;
}

TEST_F(GdalMessages, FailureIsTheReasonInTheError)
{
    Layer l;
    l.name = "p";
    l.crs = Crs::fromEpsg(4549);
    Feature f;
    f.geometry = Geometry::point(563800, 3115200);
    l.features.push_back(f);
    const std::string shp = m_dir.file("p.shp");
    (void)writeLayers(shp, {l});
    std::filesystem::remove(m_dir.file("p.shx"));
    try
    {
        (void)readLayer(shp);
        FAIL() << "expected IoError";
    }
    catch (const IoError& e)
    {
        const std::string what = e.what();
        EXPECT_EQ(what.rfind(shp + ": ", 0), 0u) << what;
        EXPECT_NE(what.find("(GDAL: Unable to open " + m_dir.file("p.shx")), std::string::npos)
            << what;
    }
}

TEST_F(GdalMessages, MessagesStayWithTheirThread)
{
    // Two threads read at the same time; only the one reading the bad file hears about it.
    int badWithWarning = 0, goodWithWarning = 0;
    std::thread bad(
        [&]
        {
            for (int i = 0; i < 20; ++i)
                badWithWarning +=
                    mentionsGdal(loadSites(m_bad, Crs::fromEpsg(4549), m_so, &m_registry).warnings);
        });
    std::thread good(
        [&]
        {
            for (int i = 0; i < 20; ++i)
                goodWithWarning += mentionsGdal(
                    loadSites(m_good, Crs::fromEpsg(4549), m_so, &m_registry).warnings);
        });
    bad.join();
    good.join();
    EXPECT_EQ(badWithWarning, 20);
    EXPECT_EQ(goodWithWarning, 0);
}

TEST_F(GdalMessages, UncollectedMessageReachesStderr)
{
    testing::internal::CaptureStderr();
    CPLError(CE_Warning, CPLE_AppDefined, "a message no operation collects");
    EXPECT_EQ(testing::internal::GetCapturedStderr(),
              "redline: GDAL: a message no operation collects\n");
}
