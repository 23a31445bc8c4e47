// `redline screen --output` as users aim it (issue 9 item 5): /dev/null stays the device (as
// root the old rename replaced it with a regular file), a symlink keeps pointing at the file it
// names, "-" is standard output, an unwritable folder is one clear line with nothing left
// behind, and the format follows the output's extension (or a contradicting --format is a usage
// error). The device and link states are read back with stat(2)/readlink(2).

#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include "TestSupport.hpp"

namespace fs = std::filesystem;
using redline::test::readFile;
using redline::test::runCommand;
using redline::test::runRedline;
using redline::test::sourcePath;
using redline::test::TempDir;
using redline::test::writeFile;

namespace
{

// One point site inside the Yongjia store, as the before-stop check runs it.
std::string screenArgs()
{
    return "screen --zones " + sourcePath("datasets/yongjia/catalog.yaml") +
           " --site-wkt 'POINT (563847 3115235)'";
}

} // namespace

TEST(OutputTargetCli, DevNullIsWrittenThroughNotReplaced)
{
    struct stat before
    {
    };
    ASSERT_EQ(::stat("/dev/null", &before), 0);
    for (const char* format : {"json", "gpkg", "html"})
    {
        const auto r = runRedline(screenArgs() + " --format " + format + " --output /dev/null");
        EXPECT_EQ(r.exitCode, 0) << format << ": " << r.err;
        struct stat after
        {
        };
        ASSERT_EQ(::stat("/dev/null", &after), 0);
        EXPECT_TRUE(S_ISCHR(after.st_mode)) << format;
        EXPECT_EQ(after.st_ino, before.st_ino) << format;
        EXPECT_EQ(after.st_rdev, before.st_rdev) << format;
    }
}

TEST(OutputTargetCli, SymlinkOutputWritesTheLinkedFile)
{
    TempDir dir;
    const std::string target = dir.file("t.json");
    writeFile(target, "{}");
    const std::string link = dir.file("l.json");
    fs::create_symlink(target, link);
    const auto r = runRedline(screenArgs() + " --output " + link);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(nlohmann::json::parse(readFile(target))["sites"].size(), 1u);
}

TEST(OutputTargetCli, DashIsStandardOutput)
{
    const auto r = runRedline(screenArgs() + " --output -");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["sites"].size(), 1u);
    EXPECT_FALSE(fs::exists("-"));
}

TEST(OutputTargetCli, UnwritableFolderIsOneClearLineAndLeavesNothing)
{
    TempDir dir;
    const fs::path folder = dir.path() / "readonly";
    fs::create_directory(folder);
    ASSERT_EQ(::chmod(folder.c_str(), 0555), 0);
    // Root writes anywhere: run as nobody then (setpriv, util-linux) to meet a real refusal.
    std::string prefix;
    if (::geteuid() == 0)
    {
        ASSERT_EQ(::chmod(dir.path().c_str(), 0755), 0);
        prefix = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    }
    for (const char* format : {"json", "gpkg"})
    {
        const std::string out = (folder / (std::string("out.") + format)).string();
        const auto r =
            // --no-cache: the unprivileged user has no writable cache folder either, which is
            // a warning line of its own; this test is about the output's one line.
            runCommand(prefix + "'" + REDLINE_CLI + "' " + screenArgs() + " --no-cache --output " +
                       out);
        EXPECT_EQ(r.exitCode, 1) << format << ": " << r.err;
        EXPECT_NE(r.err.find(out + ": cannot create the output file"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("ermission denied"), std::string::npos) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_TRUE(fs::is_empty(folder)) << format;
    }
    ASSERT_EQ(::chmod(folder.c_str(), 0755), 0);
}

TEST(OutputTargetCli, FormatFollowsTheOutputExtension)
{
    TempDir dir;
    const std::string csv = dir.file("result.csv");
    auto r = runRedline(screenArgs() + " -o " + csv);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(readFile(csv).rfind("site_id,site_name,verdict,", 0), 0u) << readFile(csv);

    const std::string gpkg = dir.file("result.gpkg");
    r = runRedline(screenArgs() + " -o " + gpkg);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto info = runCommand("ogrinfo -ro -q " + gpkg);
    EXPECT_NE(info.out.find("sites"), std::string::npos) << info.out;

    // Without an extension that names a format, json.
    const std::string txt = dir.file("result.txt");
    r = runRedline(screenArgs() + " -o " + txt);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(readFile(txt))["sites"].size(), 1u);
}

TEST(OutputTargetCli, FormatContradictingTheExtensionIsAUsageError)
{
    TempDir dir;
    const std::string csv = dir.file("result.csv");
    const auto r = runRedline(screenArgs() + " --format json -o " + csv);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("json does not match the output"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(csv));
    // GeoJSON in a .json file is fine.
    const std::string json = dir.file("result.json");
    EXPECT_EQ(runRedline(screenArgs() + " --format geojson -o " + json).exitCode, 0);
    EXPECT_EQ(nlohmann::json::parse(readFile(json))["type"], "FeatureCollection");
}
