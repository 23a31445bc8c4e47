#include "processes/Uploads.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <set>
#include <vector>

#include <sys/stat.h>
#include <zip.h>

namespace redline::service
{

namespace fs = std::filesystem;

namespace
{

const std::set<std::string> kDirectExtensions = {"txt",     "csv",  "kml", "dxf",
                                                 "geojson", "json", "gpkg"};

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string extensionOf(const std::string& name)
{
    const auto dot = name.rfind('.');
    return dot == std::string::npos ? "" : lower(name.substr(dot + 1));
}

bool startsWith(const std::string& bytes, std::string_view magic)
{
    return bytes.size() >= magic.size() && std::string_view(bytes).substr(0, magic.size()) == magic;
}

void writeFile(const fs::path& path, std::string_view bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush())
        throw std::runtime_error("cannot write the upload to the scratch folder");
}

struct ZipCloser
{
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser
{
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

bool safeEntryName(const std::string& name)
{
    if (name.empty() || name.size() > 255 || name.front() == '/' ||
        name.find('\\') != std::string::npos || name.find(':') != std::string::npos)
        return false;
    std::size_t start = 0;
    while (start <= name.size())
    {
        const std::size_t slash = name.find('/', start);
        const std::string part = name.substr(start, slash - start);
        if (part == "..")
            return false;
        for (unsigned char c : part)
            if (c < 0x20)
                return false;
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    return true;
}

// Inflates every entry of the archive, within the budget; writes them under `into` when given.
// Returns the regular files written (relative names).
std::vector<std::string> inflate(const std::string& bytes, const UploadLimits& limits,
                                 const fs::path* into, const std::string& what)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!src)
        throw UploadError("the " + what + " cannot be read as a zip archive.");
    std::unique_ptr<zip_t, ZipCloser> archive(zip_open_from_source(src, ZIP_RDONLY, &error));
    if (!archive)
    {
        zip_source_free(src);
        throw UploadError("the " + what + " is not a valid zip archive.");
    }
    const zip_int64_t n = zip_get_num_entries(archive.get(), 0);
    if (n <= 0)
        throw UploadError("the " + what + " is empty.");
    if (static_cast<std::size_t>(n) > limits.zipEntries)
        throw UploadError("the " + what + " holds " + std::to_string(n) + " entries; at most " +
                          std::to_string(limits.zipEntries) + " are accepted.");
    std::vector<std::string> files;
    std::size_t total = 0;
    std::vector<char> buffer(64 * 1024);
    for (zip_int64_t i = 0; i < n; ++i)
    {
        zip_stat_t st;
        if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0 ||
            !(st.valid & ZIP_STAT_NAME))
            throw UploadError("the " + what + " has an unreadable entry.");
        const std::string name = st.name;
        if (!safeEntryName(name))
            throw UploadError("the " + what + " has an entry named '" + name +
                              "' that would be written outside its folder; refused.");
        const bool directory = name.back() == '/';
        if (directory)
        {
            if (into)
                fs::create_directories(*into / name);
            continue;
        }
        const std::size_t packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
        std::unique_ptr<zip_file_t, ZipFileCloser> file(
            zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(i), 0));
        if (!file)
            throw UploadError("the " + what + " entry '" + name + "' cannot be opened.");
        std::unique_ptr<std::ofstream> out;
        if (into)
        {
            const fs::path target = *into / name;
            fs::create_directories(target.parent_path());
            out = std::make_unique<std::ofstream>(target, std::ios::binary | std::ios::trunc);
        }
        std::size_t entryBytes = 0;
        while (true)
        {
            const zip_int64_t got = zip_fread(file.get(), buffer.data(), buffer.size());
            if (got < 0)
                throw UploadError("the " + what + " entry '" + name + "' is corrupt.");
            if (got == 0)
                break;
            entryBytes += static_cast<std::size_t>(got);
            total += static_cast<std::size_t>(got);
            if (total > limits.unpackedBytes)
                throw UploadError("the " + what + " unpacks to more than " +
                                  std::to_string(limits.unpackedBytes / (1024 * 1024)) +
                                  " MB; refused.");
            if (entryBytes > 1024 * 1024 &&
                static_cast<double>(entryBytes) > limits.zipRatio * static_cast<double>(packed + 1))
                throw UploadError("the " + what + " entry '" + name + "' unpacks to more than " +
                                  std::to_string(static_cast<int>(limits.zipRatio)) +
                                  " times its packed size (a zip bomb?); refused.");
            if (out)
                out->write(buffer.data(), got);
        }
        if (out && !out->flush())
            throw std::runtime_error("cannot write an unpacked file to the scratch folder");
        files.push_back(name);
    }
    return files;
}

} // namespace

ScratchDir::ScratchDir()
{
    std::string pattern = (fs::temp_directory_path() / "redline-serve-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        throw std::runtime_error("cannot create a scratch folder");
    m_path = pattern;
}

ScratchDir::~ScratchDir()
{
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

std::string displayName(const std::string& clientName)
{
    std::string name = clientName;
    const auto slash = name.find_last_of("/\\");
    if (slash != std::string::npos)
        name = name.substr(slash + 1);
    std::string out;
    for (unsigned char c : name)
        if (c >= 0x20 && c != 0x7f && c != '"')
            out.push_back(static_cast<char>(c));
    if (out.size() > 200)
        out.resize(200);
    return out.empty() || out == "." || out == ".." ? "upload" : out;
}

std::string storeUpload(const fs::path& dir, const std::string& clientName,
                        const std::string& bytes, const UploadLimits& limits)
{
    if (bytes.empty())
        throw UploadError("the uploaded file is empty.");
    const std::string ext = extensionOf(clientName);
    const bool zipped = startsWith(bytes, "PK\x03\x04");
    if (ext == "kmz" || ext == "xlsx")
    {
        if (!zipped)
            throw UploadError("the ." + ext + " file is not a zip archive.");
        (void)inflate(bytes, limits, nullptr, "." + ext + " file");
        const fs::path path = dir / ("sites." + ext);
        writeFile(path, bytes);
        return path.string();
    }
    if (zipped || ext == "zip")
    {
        if (!zipped)
            throw UploadError("the .zip file is not a zip archive.");
        const fs::path into = dir / "unzipped";
        fs::create_directories(into);
        const auto files = inflate(bytes, limits, &into, "zip file");
        std::vector<std::string> shapefiles, others;
        for (const auto& f : files)
        {
            const std::string e = extensionOf(f);
            if (e == "shp")
                shapefiles.push_back(f);
            else if (kDirectExtensions.count(e) || e == "kmz" || e == "xlsx")
                others.push_back(f);
        }
        if (shapefiles.size() == 1)
            return (into / shapefiles[0]).string();
        if (shapefiles.empty() && others.size() == 1)
            return (into / others[0]).string();
        throw UploadError("the zip file must hold exactly one shapefile (.shp with its .shx, "
                          ".dbf, .prj, .cpg) or one site file; it holds " +
                          std::to_string(shapefiles.size()) + " shapefiles and " +
                          std::to_string(others.size()) + " other site files.");
    }
    if (ext == "shp")
        throw UploadError("a shapefile needs its .shx, .dbf and .prj: zip them together and "
                          "upload the .zip.");
    if (!kDirectExtensions.count(ext))
        throw UploadError("files ending in '." + ext +
                          "' are not accepted; send 界址点 .txt, .csv, .kml, .kmz, .dxf, "
                          ".geojson, .xlsx, .gpkg or a zipped shapefile.");
    if (ext == "gpkg" && !startsWith(bytes, std::string_view("SQLite format 3\0", 16)))
        throw UploadError("the .gpkg file is not a GeoPackage.");
    if (ext != "gpkg" && bytes.find('\0') != std::string::npos)
        throw UploadError("the ." + ext + " file is not text.");
    const fs::path path = dir / ("sites." + ext);
    writeFile(path, bytes);
    return path.string();
}

} // namespace redline::service
