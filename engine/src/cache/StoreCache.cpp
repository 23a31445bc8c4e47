#include "redline/cache/StoreCache.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>
#include <yaml-cpp/yaml.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cache/CacheFile.hpp"
#include "redline/core/AtomicFile.hpp"
#include "redline/core/Error.hpp"

namespace fs = std::filesystem;

namespace redline
{
namespace
{

std::string hex(std::uint64_t v)
{
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

// XXH3-64 of a file's bytes; nullopt when it cannot be read.
std::optional<std::uint64_t> fileHash(const fs::path& p)
{
    const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    struct stat st
    {
    };
    const auto h = ::fstat(fd, &st) == 0
                       ? detail::hashFrom(fd, 0, static_cast<std::uint64_t>(st.st_size))
                       : std::nullopt;
    ::close(fd);
    return h;
}

// The files a GDAL source reads: the file itself, SQLite's write-ahead log, and for a Shapefile
// every sibling with its stem (.dbf, .shx, .prj, .cpg...). Empty when it is not a file.
std::vector<fs::path> sourceFiles(const fs::path& source)
{
    std::error_code ec;
    if (!fs::is_regular_file(source, ec))
        return {};
    std::vector<fs::path> files{source};
    const fs::path wal = source.string() + "-wal";
    if (fs::is_regular_file(wal, ec))
        files.push_back(wal);
    if (source.extension() == ".shp")
        for (const auto& e : fs::directory_iterator(source.parent_path(), ec))
            if (e.path() != source && e.path().stem() == source.stem())
                files.push_back(e.path());
    return files;
}

// Every file a store reads; empty when one of its sources is not a plain file (then its content
// cannot be keyed and the store is not cached).
std::vector<fs::path> storeFiles(const fs::path& store)
{
    const std::string ext = store.extension().string();
    if (ext != ".yaml" && ext != ".yml")
        return sourceFiles(store);
    std::vector<fs::path> files{store};
    try
    {
        const YAML::Node root = YAML::LoadFile(store.string());
        for (const auto& layer : root["layers"])
        {
            fs::path source = layer["source"].as<std::string>();
            if (source.is_relative())
                source = (store.parent_path() / source).lexically_normal();
            const auto more = sourceFiles(source);
            if (more.empty())
                return {};
            for (const fs::path& f : more)
                if (std::find(files.begin(), files.end(), f) == files.end())
                    files.push_back(f); // layers often share one GeoPackage
        }
    }
    catch (const YAML::Exception&)
    {
        return {}; // ZoningStore::load reports the catalog's error
    }
    return files;
}

fs::path cachePathFor(const fs::path& store, const StoreCacheOptions& o)
{
    const fs::path abs = fs::absolute(store).lexically_normal();
    if (::access(abs.parent_path().c_str(), W_OK) == 0)
        return abs.string() + ".redline-cache";
    fs::path dir = o.cacheDir;
    if (dir.empty())
    {
        if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
            dir = fs::path(xdg) / "redline";
        else if (const char* home = std::getenv("HOME"); home && *home)
            dir = fs::path(home) / ".cache" / "redline";
        else
            return {};
    }
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || ::access(dir.c_str(), W_OK) != 0)
        return {};
    const std::string name = abs.string();
    return dir / (hex(XXH3_64bits(name.data(), name.size())) + ".redline-cache");
}

// An exclusive advisory lock on `<cache>.lock`, held while the cache is rebuilt.
class BuildLock
{
public:
    explicit BuildLock(const std::string& cache)
        : m_fd(::open((cache + ".lock").c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644))
    {
        if (m_fd >= 0)
            while (::flock(m_fd, LOCK_EX) != 0 && errno == EINTR)
            {
            }
    }
    ~BuildLock()
    {
        if (m_fd >= 0)
            ::close(m_fd); // releases the lock
    }
    BuildLock(const BuildLock&) = delete;
    BuildLock& operator=(const BuildLock&) = delete;

private:
    int m_fd;
};

std::shared_ptr<const PreparedStore> prepareFromStore(const std::string& path, const Crs& crs)
{
    return PreparedStore::build(*ZoningStore::load(path, crs));
}

} // namespace

std::string storeContentKey(const std::string& storePath, const Crs& analysisCrs)
{
    const auto files = storeFiles(storePath);
    if (files.empty())
        return {};
    std::string key = "redline store cache key 1\nanalysis crs: ";
    key += analysisCrs.isValid() ? analysisCrs.toWkt() : std::string("default");
    key += "\n";
    for (const fs::path& f : files)
    {
        const auto h = fileHash(f);
        if (!h)
            return {};
        std::error_code ec;
        key += fs::absolute(f).lexically_normal().string() + " " +
               std::to_string(fs::file_size(f, ec)) + " " + hex(*h) + "\n";
    }
    return key;
}

CachedStore openPreparedStore(const std::string& storePath, const StoreCacheOptions& options)
{
    CachedStore out;
    const std::string key = options.enabled ? storeContentKey(storePath, options.analysisCrs) : "";
    const fs::path cache = key.empty() ? fs::path() : cachePathFor(storePath, options);
    if (cache.empty())
    {
        out.store = prepareFromStore(storePath, options.analysisCrs);
        if (options.enabled)
            out.note = storePath + ": no screening cache (the store is not a set of plain files "
                                   "or no cache folder is writable).";
        return out;
    }
    out.cachePath = cache.string();
    std::optional<detail::MappedCache> found = detail::mapCacheFile(out.cachePath, key);
    if (found && found->check == detail::CacheCheck::Valid)
    {
        out.store = std::make_shared<const PreparedStore>(std::move(found->data));
        out.outcome = CacheOutcome::Hit;
        return out;
    }

    const BuildLock lock(out.cachePath);
    // Another process may have rebuilt it while we waited for the lock.
    if (auto again = detail::mapCacheFile(out.cachePath, key);
        again && again->check == detail::CacheCheck::Valid)
    {
        out.store = std::make_shared<const PreparedStore>(std::move(again->data));
        out.outcome = CacheOutcome::Hit;
        return out;
    }
    out.store = prepareFromStore(storePath, options.analysisCrs);
    out.outcome = !found                                     ? CacheOutcome::Built
                  : found->check == detail::CacheCheck::Stale ? CacheOutcome::RebuiltStale
                                                              : CacheOutcome::RebuiltDamaged;
    const std::string why = !found ? "there was none" : found->why;
    try
    {
        AtomicFile file(out.cachePath);
        detail::writeCacheFile(file.tempPath(), key, out.store->data());
        file.commit();
        out.note = out.cachePath + ": screening cache " +
                   (found ? "rebuilt, the old one was " : "written, ") + why + ".";
    }
    catch (const IoError& e)
    {
        out.outcome = CacheOutcome::NotCached;
        out.cachePath.clear();
        out.note = std::string(e.what()) + " Screening goes on without a cache.";
    }
    return out;
}

} // namespace redline
