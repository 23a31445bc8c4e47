// AtomicFile respects the destination (issue 9 item 5): a new file, an existing file's mode and
// owner, absolute / relative / dangling symbolic links, a FIFO with a reader, /dev/null, "-" as
// standard output, a failed write leaving nothing behind, and the same for GDAL-written files
// (GeoPackage, a Shapefile's several files). Expected states are read back with stat(2) and
// readlink(2), and GDAL outputs with GDAL itself.

#include "redline/core/AtomicFile.hpp"

#include <filesystem>
#include <set>
#include <string>
#include <thread>

#include <fcntl.h>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>
#include <sys/stat.h>
#include <unistd.h>

#include "redline/core/Error.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/io/VectorWriter.hpp"

#include "TestSupport.hpp"

namespace fs = std::filesystem;
using namespace redline;
using redline::test::readFile;
using redline::test::TempDir;
using redline::test::writeFile;

namespace
{

struct stat statOf(const std::string& path, bool followLinks = true)
{
    struct stat st
    {
    };
    EXPECT_EQ(followLinks ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st), 0) << path;
    return st;
}

// Names in a folder (to see that no temporary file was left).
std::set<std::string> entries(const fs::path& folder)
{
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(folder))
        names.insert(e.path().filename().string());
    return names;
}

mode_t currentUmask()
{
    const mode_t m = ::umask(0);
    ::umask(m);
    return m;
}

// A one-feature point layer in EPSG:4549 with a Chinese attribute.
Layer pointLayer()
{
    Layer l;
    l.name = "sites";
    l.crs = Crs::fromEpsg(4549);
    l.fieldNames = {"site_id", "name"};
    Feature f;
    f.fid = 1;
    f.geometry = Geometry::point(563847.5, 3115235.25);
    f.attributes.set("site_id", std::string("A1"));
    f.attributes.set("name", std::string("测试地块"));
    l.features.push_back(f);
    return l;
}

// Reads the first feature's "name" with GDAL (independent of the engine's reader).
std::string gdalName(const std::string& path)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    if (!ds)
        return "<cannot open>";
    OGRLayer* l = ds->GetLayer(0);
    OGRFeatureUniquePtr f(l->GetNextFeature());
    return f ? f->GetFieldAsString("name") : "<no feature>";
}

class AtomicFileTest : public testing::Test
{
  protected:
    void SetUp() override { gdalInit(); }
    TempDir m_dir;
};

} // namespace

TEST_F(AtomicFileTest, NewFileGetsDefaultModeAndNoTemporaryIsLeft)
{
    const std::string out = m_dir.file("new.json");
    writeTextFileAtomically(out, "{}\n");
    EXPECT_EQ(readFile(out), "{}\n");
    EXPECT_TRUE(S_ISREG(statOf(out).st_mode));
    EXPECT_EQ(statOf(out).st_mode & 07777, 0666 & ~currentUmask());
    EXPECT_EQ(entries(m_dir.path()), std::set<std::string>{"new.json"});
}

TEST_F(AtomicFileTest, ExistingFileKeepsItsModeAndOwner)
{
    const std::string out = m_dir.file("kept.json");
    writeFile(out, "old");
    ASSERT_EQ(::chmod(out.c_str(), 0640), 0);
    // As root, give the file away first so that keeping the owner is visible.
    const bool root = ::geteuid() == 0;
    if (root)
    {
        ASSERT_EQ(::chown(out.c_str(), 65534, 65534), 0);
    }
    const struct stat before = statOf(out);

    writeTextFileAtomically(out, "new");
    const struct stat after = statOf(out);
    EXPECT_EQ(readFile(out), "new");
    EXPECT_NE(after.st_ino, before.st_ino); // replaced by rename, not rewritten in place
    EXPECT_EQ(after.st_mode & 07777, 0640u);
    EXPECT_EQ(after.st_uid, before.st_uid);
    EXPECT_EQ(after.st_gid, before.st_gid);

    // The same through GDAL (a GeoPackage).
    const std::string gpkg = m_dir.file("kept.gpkg");
    (void)writeLayers(gpkg, {pointLayer()});
    ASSERT_EQ(::chmod(gpkg.c_str(), 0640), 0);
    (void)writeLayers(gpkg, {pointLayer()});
    EXPECT_EQ(statOf(gpkg).st_mode & 07777, 0640u);
    EXPECT_EQ(gdalName(gpkg), "测试地块");
    EXPECT_EQ(entries(m_dir.path()), (std::set<std::string>{"kept.gpkg", "kept.json"}));
}

TEST_F(AtomicFileTest, AbsoluteSymlinkWritesItsTarget)
{
    fs::create_directory(m_dir.path() / "real");
    const std::string target = m_dir.file("real/t.json");
    writeFile(target, "old");
    const std::string link = m_dir.file("link.json");
    fs::create_symlink(target, link);

    writeTextFileAtomically(link, "new");
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(fs::read_symlink(link).string(), target);
    EXPECT_EQ(readFile(target), "new");
    // The temporary file was made beside the target, and is gone.
    EXPECT_EQ(entries(m_dir.path() / "real"), std::set<std::string>{"t.json"});
    EXPECT_EQ(entries(m_dir.path()), (std::set<std::string>{"link.json", "real"}));
}

TEST_F(AtomicFileTest, RelativeSymlinkIsResolvedFromTheLinksFolder)
{
    fs::create_directories(m_dir.path() / "a");
    fs::create_directories(m_dir.path() / "b");
    writeFile(m_dir.file("b/t.gpkg"), "");
    const std::string link = m_dir.file("a/link.gpkg");
    fs::create_symlink("../b/t.gpkg", link);
    // A relative link is resolved against its own folder, not the working directory.
    (void)writeLayers(link, {pointLayer()});
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(fs::read_symlink(link).string(), "../b/t.gpkg");
    EXPECT_EQ(gdalName(m_dir.file("b/t.gpkg")), "测试地块");
    EXPECT_EQ(entries(m_dir.path() / "a"), std::set<std::string>{"link.gpkg"});
    EXPECT_EQ(entries(m_dir.path() / "b"), std::set<std::string>{"t.gpkg"});
}

TEST_F(AtomicFileTest, DanglingSymlinkCreatesTheFileItNamesLikeTheShell)
{
    const std::string link = m_dir.file("dangling.json");
    fs::create_symlink("made.json", link);
    writeTextFileAtomically(link, "x");
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(readFile(m_dir.file("made.json")), "x");

    // A link into a folder that does not exist: a clear error, nothing created.
    const std::string nowhere = m_dir.file("nowhere.json");
    fs::create_symlink("missing/t.json", nowhere);
    try
    {
        writeTextFileAtomically(nowhere, "x");
        FAIL() << "expected IoError";
    }
    catch (const IoError& e)
    {
        EXPECT_NE(std::string(e.what()).find("nowhere.json: cannot create the output file"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_EQ(entries(m_dir.path()),
              (std::set<std::string>{"dangling.json", "made.json", "nowhere.json"}));
}

TEST_F(AtomicFileTest, SymlinkLoopIsRefused)
{
    fs::create_symlink("b.json", m_dir.file("a.json"));
    fs::create_symlink("a.json", m_dir.file("b.json"));
    EXPECT_THROW(writeTextFileAtomically(m_dir.file("a.json"), "x"), IoError);
    EXPECT_EQ(entries(m_dir.path()), (std::set<std::string>{"a.json", "b.json"}));
}

TEST_F(AtomicFileTest, FifoIsWrittenThroughToItsReader)
{
    const std::string fifo = m_dir.file("pipe.geojson");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    std::string received;
    std::thread reader([&] { received = readFile(fifo); }); // opening blocks until a writer comes
    (void)writeLayers(fifo, {pointLayer()});
    reader.join();
    EXPECT_TRUE(S_ISFIFO(statOf(fifo).st_mode));
    EXPECT_NE(received.find("\"FeatureCollection\""), std::string::npos) << received;
    EXPECT_NE(received.find("测试地块"), std::string::npos);
    EXPECT_EQ(entries(m_dir.path()), std::set<std::string>{"pipe.geojson"});

    std::thread textReader([&] { received = readFile(fifo); });
    writeTextFileAtomically(fifo, "through the pipe\n");
    textReader.join();
    EXPECT_EQ(received, "through the pipe\n");
}

TEST_F(AtomicFileTest, DevNullStaysTheDevice)
{
    const struct stat before = statOf("/dev/null");
    ASSERT_TRUE(S_ISCHR(before.st_mode));
    writeTextFileAtomically("/dev/null", "discarded\n");
    (void)writeLayers("/dev/null", {pointLayer()}, {"gpkg"});
    const struct stat after = statOf("/dev/null");
    EXPECT_TRUE(S_ISCHR(after.st_mode));
    EXPECT_EQ(after.st_rdev, before.st_rdev);
    EXPECT_EQ(after.st_ino, before.st_ino);
    EXPECT_EQ(after.st_mode & 07777, before.st_mode & 07777);
}

TEST_F(AtomicFileTest, DashIsStandardOutput)
{
    testing::internal::CaptureStdout();
    writeTextFileAtomically("-", "to stdout\n");
    (void)writeLayers("-", {pointLayer()}, {"geojson"});
    const std::string out = testing::internal::GetCapturedStdout();
    EXPECT_EQ(out.rfind("to stdout\n", 0), 0u) << out;
    EXPECT_NE(out.find("测试地块"), std::string::npos);
    EXPECT_FALSE(fs::exists("-"));
}

TEST_F(AtomicFileTest, ShapefileSetsCannotGoToAStream)
{
    EXPECT_THROW((void)writeLayers("/dev/null", {pointLayer()}, {"shp"}), IoError);
    EXPECT_THROW((void)writeLayers("-", {pointLayer()}, {"shp"}), IoError);
    EXPECT_FALSE(fs::exists("/dev/null.dbf"));
}

TEST_F(AtomicFileTest, ShapefilePartsEachRespectTheirDestination)
{
    // An existing set: .shp kept at 0640, the .dbf reached through a symlink, a stale index.
    fs::create_directory(m_dir.path() / "elsewhere");
    const std::string shp = m_dir.file("p.shp");
    (void)writeLayers(shp, {pointLayer()});
    ASSERT_EQ(::chmod(shp.c_str(), 0640), 0);
    fs::rename(m_dir.file("p.dbf"), m_dir.file("elsewhere/p.dbf"));
    fs::create_symlink(m_dir.file("elsewhere/p.dbf"), m_dir.file("p.dbf"));
    writeFile(m_dir.file("p.qix"), "stale");

    Layer l = pointLayer();
    l.features[0].attributes.set("name", std::string("第二版"));
    (void)writeLayers(shp, {l});
    EXPECT_EQ(statOf(shp).st_mode & 07777, 0640u);
    EXPECT_TRUE(fs::is_symlink(m_dir.file("p.dbf")));
    EXPECT_EQ(gdalName(shp), "第二版");
    EXPECT_EQ(entries(m_dir.path()),
              (std::set<std::string>{"elsewhere", "p.cpg", "p.dbf", "p.prj", "p.shp", "p.shx"}));
    EXPECT_EQ(entries(m_dir.path() / "elsewhere"), std::set<std::string>{"p.dbf"});
}

TEST_F(AtomicFileTest, FolderAsDestinationIsAClearError)
{
    try
    {
        writeTextFileAtomically(m_dir.path().string(), "x");
        FAIL() << "expected IoError";
    }
    catch (const IoError& e)
    {
        EXPECT_NE(std::string(e.what()).find("is a folder"), std::string::npos) << e.what();
    }
}

TEST_F(AtomicFileTest, AbandonedWriteLeavesTheOldFileAndNoTemporary)
{
    const std::string out = m_dir.file("keep.json");
    writeFile(out, "old");
    {
        AtomicFile file(out);
        writeFile(file.tempPath(), "half-written");
        // No commit(): an exception unwinding through a writer ends here.
    }
    EXPECT_EQ(readFile(out), "old");
    EXPECT_EQ(entries(m_dir.path()), std::set<std::string>{"keep.json"});
}
