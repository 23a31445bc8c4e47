// Inputs found by the libFuzzer target tests/fuzz/JzdFuzz.cpp that crashed import.jzd, each
// reduced by hand to the smallest file that showed the fault; each must now give a clear error.

#include <string>

#include <gtest/gtest.h>

#include "redline/core/Error.hpp"

#include "TestSupport.hpp"
#include "importers/jzd/JzdImporter.hpp"

using redline::JzdImporter;
using redline::test::TempDir;
using redline::test::writeFile;

namespace
{

const std::string kHeader =
    "[属性描述]\n坐标系=2000国家大地坐标系\n几度分带=3\n带号=40\n[地块坐标]\n";

// The message of the redline::Error that reading `text` throws ("" when it throws none).
std::string errorOf(const std::string& text)
{
    TempDir dir;
    const std::string path = dir.file("jzd.txt");
    writeFile(path, text);
    try
    {
        (void)JzdImporter().read(path);
    }
    catch (const redline::Error& e)
    {
        return e.what();
    }
    return {};
}

} // namespace

TEST(JzdFuzzFindings, FirstParcelWithoutPointLines)
{
    // Parcel A's header is followed at once by parcel B's (the zone-prefix check read the first
    // point of parcel A, which has none: undefined behaviour). A is now one unusable site with
    // its reason; B is read.
    TempDir dir;
    const std::string path = dir.file("jzd.txt");
    writeFile(path, kHeader + "4,1.0,A,甲,面,,,,@\n"
                              "4,1.0,B,乙,面,,,,@\n"
                              "J1,1,3115200.000,40567700.000\n"
                              "J2,1,3115200.000,40567800.000\n"
                              "J3,1,3115300.000,40567800.000\n"
                              "J1,1,3115200.000,40567700.000\n");
    const redline::Layer layer = JzdImporter().read(path);
    ASSERT_EQ(layer.features.size(), 2U);
    const std::string& msg = layer.features[0].error;
    EXPECT_NE(msg.find("jzd.txt"), std::string::npos) << msg;
    EXPECT_NE(msg.find("parcel 'A'"), std::string::npos) << msg;
    EXPECT_NE(msg.find("no point lines"), std::string::npos) << msg;
    EXPECT_TRUE(layer.features[1].error.empty()) << layer.features[1].error;
    EXPECT_FALSE(layer.features[1].geometry.isEmpty());
}

TEST(JzdFuzzFindings, EastingTooLongForAnInt)
{
    // 10^20 m: dividing it by 10^6 to read the zone prefix overflowed an int.
    const std::string msg = errorOf(kHeader + "4,1.0,A,甲,面,,,,@\n"
                                              "J1,1,3115200.000,100000000000000000000\n"
                                              "J2,1,3115200.000,40567800.000\n"
                                              "J3,1,3115300.000,40567800.000\n"
                                              "J1,1,3115200.000,100000000000000000000\n");
    EXPECT_NE(msg.find("jzd.txt, line 7"), std::string::npos) << msg;
    EXPECT_NE(msg.find("more than 8 digits"), std::string::npos) << msg;
}
