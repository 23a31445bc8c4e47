#include "cache/CacheFile.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <vector>
#include <stdexcept>

#include "redline/core/Error.hpp"

namespace redline::detail
{
namespace
{

constexpr char kMagic[8] = {'R', 'L', 'S', 'C', 'A', 'C', 'H', '1'};
constexpr std::uint32_t kVersion = 1;
constexpr std::uint32_t kByteOrder = 0x01020304;
constexpr std::uint64_t kHeaderSize = 256;
constexpr std::uint64_t kAlign = 64;

enum SectionId
{
    kKey,
    kMeta,
    kPoints,
    kRings,
    kChunks,
    kChunkBoxes,
    kChunkTree,
    kZones,
    kZoneBoxes,
    kZoneTree,
    kSectionCount
};

struct Section
{
    std::uint64_t offset;
    std::uint64_t size;
};

struct Header
{
    char magic[8];
    std::uint64_t hash; // XXH3-64 of every byte from `version` to the end of the file
    std::uint32_t version;
    std::uint32_t byteOrder;
    std::uint64_t fileSize;
    std::uint32_t sectionCount;
    std::uint32_t reserved;
    Section sections[kSectionCount];
};
static_assert(sizeof(Header) <= kHeaderSize);
constexpr std::size_t kHashedFrom = offsetof(Header, version);

// Meta section: length-prefixed strings and little-endian numbers.
class MetaWriter
{
public:
    template <typename T>
    void num(T v)
    {
        m_out.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void str(const std::string& s)
    {
        num<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
        m_out += s;
    }
    [[nodiscard]] const std::string& bytes() const { return m_out; }

private:
    std::string m_out;
};

class MetaReader
{
public:
    MetaReader(const char* p, std::size_t n) : m_p(p), m_end(p + n) {}
    template <typename T>
    T num()
    {
        need(sizeof(T));
        T v;
        std::memcpy(&v, m_p, sizeof v);
        m_p += sizeof v;
        return v;
    }
    std::string str()
    {
        const auto n = num<std::uint32_t>();
        need(n);
        std::string s(m_p, n);
        m_p += n;
        return s;
    }

private:
    void need(std::size_t n) const
    {
        if (static_cast<std::size_t>(m_end - m_p) < n)
            throw std::runtime_error("meta section ends early");
    }
    const char* m_p;
    const char* m_end;
};

std::string encodeMeta(const PreparedStoreData& d)
{
    MetaWriter w;
    w.str(d.path);
    w.str(d.analysisCrs.toWkt());
    for (double v : {d.extent.minX, d.extent.minY, d.extent.maxX, d.extent.maxY})
        w.num(v);
    w.num<std::uint32_t>(static_cast<std::uint32_t>(d.layers.size()));
    for (const PreparedLayer& l : d.layers)
    {
        w.str(l.name);
        w.str(l.kind);
        w.str(l.idField);
        w.str(l.nameField);
        w.num(l.bufferM);
        w.num<std::uint8_t>(l.screened ? 1 : 0);
        w.num<std::uint64_t>(l.featureCount);
    }
    w.num<std::uint32_t>(static_cast<std::uint32_t>(d.warnings.size()));
    for (const std::string& s : d.warnings)
        w.str(s);
    w.num<std::uint32_t>(static_cast<std::uint32_t>(d.zones.size()));
    for (const ScreenedZone& z : d.zones)
    {
        w.num(z.layer);
        w.num(z.fid);
        w.str(z.zoneId);
        w.str(z.zoneName);
        w.num<std::uint32_t>(static_cast<std::uint32_t>(z.attributes.items().size()));
        for (const auto& [name, value] : z.attributes.items())
        {
            w.str(name);
            w.num<std::uint8_t>(static_cast<std::uint8_t>(value.index()));
            if (const auto* i = std::get_if<std::int64_t>(&value))
                w.num(*i);
            else if (const auto* x = std::get_if<double>(&value))
                w.num(*x);
            else if (const auto* s = std::get_if<std::string>(&value))
                w.str(*s);
        }
    }
    return w.bytes();
}

void decodeMeta(MetaReader r, PreparedStoreData& d)
{
    d.path = r.str();
    d.analysisCrs = Crs::fromWkt(r.str());
    d.extent.minX = r.num<double>();
    d.extent.minY = r.num<double>();
    d.extent.maxX = r.num<double>();
    d.extent.maxY = r.num<double>();
    d.layers.resize(r.num<std::uint32_t>());
    for (PreparedLayer& l : d.layers)
    {
        l.name = r.str();
        l.kind = r.str();
        l.idField = r.str();
        l.nameField = r.str();
        l.bufferM = r.num<double>();
        l.screened = r.num<std::uint8_t>() != 0;
        l.featureCount = r.num<std::uint64_t>();
    }
    d.warnings.resize(r.num<std::uint32_t>());
    for (std::string& s : d.warnings)
        s = r.str();
    d.zones.resize(r.num<std::uint32_t>());
    for (ScreenedZone& z : d.zones)
    {
        z.layer = r.num<std::uint32_t>();
        z.fid = r.num<std::int64_t>();
        z.zoneId = r.str();
        z.zoneName = r.str();
        const auto n = r.num<std::uint32_t>();
        for (std::uint32_t i = 0; i < n; ++i)
        {
            std::string name = r.str();
            switch (r.num<std::uint8_t>())
            {
            case 0: z.attributes.set(name, std::monostate{}); break;
            case 1: z.attributes.set(name, r.num<std::int64_t>()); break;
            case 2: z.attributes.set(name, r.num<double>()); break;
            case 3: z.attributes.set(name, r.str()); break;
            default: throw std::runtime_error("unknown attribute type");
            }
        }
    }
}

struct Mapping
{
    void* base = MAP_FAILED;
    std::size_t size = 0;
    ~Mapping()
    {
        if (base != MAP_FAILED)
            munmap(base, size);
    }
};

template <typename T>
bool spanOf(const char* base, const Section& s, std::span<const T>& out)
{
    if (s.size % sizeof(T) != 0 || s.offset % alignof(T) != 0)
        return false;
    out = {reinterpret_cast<const T*>(base + s.offset), s.size / sizeof(T)};
    return true;
}

// Index ranges of the arrays (the hash already vouches for the bytes; this guards the layout).
bool layoutIsSound(const FlatZonesView& v, std::size_t layers)
{
    for (const FlatRing& r : v.rings)
        if (r.count < 2 || std::uint64_t{r.first} + r.count > v.points.size())
            return false;
    for (const FlatZone& z : v.zones)
    {
        if (std::uint64_t{z.firstRing} + z.ringCount > v.rings.size() ||
            std::uint64_t{z.firstChunk} + z.chunkCount > v.chunks.size() ||
            z.treeFirst + packedTreeSize(z.chunkCount) > v.chunkBoxes.size() || z.layer >= layers)
            return false;
    }
    for (const FlatChunk& c : v.chunks)
        if (c.ring >= v.rings.size())
            return false;
    return v.chunkBoxes.size() == v.chunkTree.size() && v.zoneBoxes.size() == v.zoneTree.size() &&
           v.zoneBoxes.size() == packedTreeSize(v.zones.size());
}

} // namespace

void writeCacheFile(const std::string& path, const std::string& key, const PreparedStoreData& d)
{
    const FlatZonesView& v = d.view;
    const std::string meta = encodeMeta(d);
    const std::pair<const void*, std::uint64_t> parts[kSectionCount] = {
        {key.data(), key.size()},
        {meta.data(), meta.size()},
        {v.points.data(), v.points.size_bytes()},
        {v.rings.data(), v.rings.size_bytes()},
        {v.chunks.data(), v.chunks.size_bytes()},
        {v.chunkBoxes.data(), v.chunkBoxes.size_bytes()},
        {v.chunkTree.data(), v.chunkTree.size_bytes()},
        {v.zones.data(), v.zones.size_bytes()},
        {v.zoneBoxes.data(), v.zoneBoxes.size_bytes()},
        {v.zoneTree.data(), v.zoneTree.size_bytes()}};
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.version = kVersion;
    h.byteOrder = kByteOrder;
    h.sectionCount = kSectionCount;
    std::uint64_t at = kHeaderSize;
    for (int s = 0; s < kSectionCount; ++s)
    {
        h.sections[s] = {at, parts[s].second};
        at = (at + parts[s].second + kAlign - 1) / kAlign * kAlign;
    }
    h.fileSize = at;

    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "wb"), &std::fclose);
    if (!f)
        throw IoError(path + ": cannot create the store cache file.");
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    char header[kHeaderSize] = {};
    std::memcpy(header, &h, sizeof h);
    XXH3_64bits_update(state, header + kHashedFrom, kHeaderSize - kHashedFrom);
    bool ok = std::fwrite(header, 1, kHeaderSize, f.get()) == kHeaderSize;
    static const char zeros[kAlign] = {};
    std::uint64_t written = kHeaderSize;
    for (int s = 0; s < kSectionCount && ok; ++s)
    {
        const auto [data, size] = parts[s];
        if (size > 0)
        {
            XXH3_64bits_update(state, data, size);
            ok = std::fwrite(data, 1, size, f.get()) == size;
        }
        written += size;
        const std::uint64_t pad = (kAlign - written % kAlign) % kAlign;
        if (pad > 0 && ok)
        {
            XXH3_64bits_update(state, zeros, pad);
            ok = std::fwrite(zeros, 1, pad, f.get()) == pad;
            written += pad;
        }
    }
    h.hash = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    ok = ok && std::fseek(f.get(), offsetof(Header, hash), SEEK_SET) == 0 &&
         std::fwrite(&h.hash, 1, sizeof h.hash, f.get()) == sizeof h.hash;
    ok = std::fflush(f.get()) == 0 && ok;
    if (!ok)
        throw IoError(path + ": writing the store cache file failed (disk full?).");
}

std::optional<std::uint64_t> hashFrom(int fd, std::uint64_t from, std::uint64_t size)
{
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    // 256 KiB, not zero-filled: a 4 MiB zeroed vector cost ~4 ms of memset and page faults per
    // call, a tenth of a one-site screening.
    constexpr std::size_t kBlock = std::size_t{256} << 10;
    const auto buf = std::make_unique_for_overwrite<char[]>(kBlock);
    bool ok = true;
    for (std::uint64_t at = from; at < size && ok;)
    {
        const ssize_t n = ::pread(fd, buf.get(), std::min<std::uint64_t>(kBlock, size - at),
                                  static_cast<off_t>(at));
        ok = n > 0;
        if (ok)
        {
            XXH3_64bits_update(state, buf.get(), static_cast<std::size_t>(n));
            at += static_cast<std::uint64_t>(n);
        }
    }
    const std::uint64_t h = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    return ok ? std::optional(h) : std::nullopt;
}

std::optional<MappedCache> mapCacheFile(const std::string& path, const std::string& key)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    const std::unique_ptr<int, void (*)(int*)> closer(new int(fd),
                                                      [](int* p)
                                                      {
                                                          ::close(*p);
                                                          delete p;
                                                      });
    struct stat st{};
    auto damaged = [](std::string why)
    {
        MappedCache m;
        m.check = CacheCheck::Damaged;
        m.why = std::move(why);
        return std::optional<MappedCache>(std::move(m));
    };
    if (::fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(kHeaderSize))
        return damaged("shorter than its header");
    auto map = std::make_shared<Mapping>();
    map->size = static_cast<std::size_t>(st.st_size);
    map->base = ::mmap(nullptr, map->size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map->base == MAP_FAILED)
        return damaged("cannot be mapped");
    const char* base = static_cast<const char*>(map->base);
    Header h;
    std::memcpy(&h, base, sizeof h);
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.version != kVersion ||
        h.byteOrder != kByteOrder || h.sectionCount != kSectionCount)
        return damaged("not a store cache of this version");
    if (h.fileSize != map->size)
        return damaged("truncated or extended (" + std::to_string(map->size) + " bytes, header says " +
                       std::to_string(h.fileSize) + ")");
    for (const Section& s : h.sections)
        if (s.offset < kHeaderSize || s.offset > map->size || s.size > map->size - s.offset)
            return damaged("a section lies outside the file");
    const Section& ks = h.sections[kKey];
    if (std::string_view(base + ks.offset, ks.size) != key)
    {
        MappedCache stale;
        stale.check = CacheCheck::Stale;
        stale.why = "made from other store content";
        return stale;
    }
    if (hashFrom(fd, kHashedFrom, map->size) != h.hash)
        return damaged("its bytes do not match their hash");

    auto d = std::make_unique<PreparedStoreData>();
    FlatZonesView& v = d->view;
    const bool typed =
        spanOf(base, h.sections[kPoints], v.points) && spanOf(base, h.sections[kRings], v.rings) &&
        spanOf(base, h.sections[kChunks], v.chunks) &&
        spanOf(base, h.sections[kChunkBoxes], v.chunkBoxes) &&
        spanOf(base, h.sections[kChunkTree], v.chunkTree) &&
        spanOf(base, h.sections[kZones], v.zones) &&
        spanOf(base, h.sections[kZoneBoxes], v.zoneBoxes) &&
        spanOf(base, h.sections[kZoneTree], v.zoneTree);
    try
    {
        const Section& ms = h.sections[kMeta];
        decodeMeta(MetaReader(base + ms.offset, ms.size), *d);
    }
    catch (const std::exception& e)
    {
        return damaged(std::string("unreadable meta section (") + e.what() + ")");
    }
    if (!typed || d->zones.size() != v.zones.size() || !layoutIsSound(v, d->layers.size()))
        return damaged("inconsistent layout");
    d->mapping = map;
    MappedCache out;
    out.check = CacheCheck::Valid;
    out.data = std::move(d);
    return out;
}

} // namespace redline::detail
