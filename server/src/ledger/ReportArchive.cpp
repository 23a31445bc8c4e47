#include "ledger/ReportArchive.hpp"

#include <cstring>
#include <string_view>

#include <lz4.h>
#include <nlohmann/json.hpp>
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "redline/core/Error.hpp"

namespace redline::service
{

namespace
{

using nlohmann::json;
constexpr int kArchiveVersion = 1;
constexpr std::uint8_t kMagic[] = {0xff, 'R', 'L', 'Z'};
constexpr std::size_t kHeader = sizeof kMagic + 4 + 8; // magic, the CBOR's size, its XXH3-64
constexpr std::size_t kLz4MaxRatio = 255;              // LZ4 cannot expand a block further

// CBOR (RFC 8949) written straight from the report: the document restoreReport reads back with
// json::from_cbor, without building it as a json value first (a screening is archived on every
// request; the report's JSON for the client is written meanwhile).
class Cbor
{
  public:
    void map(std::size_t entries) { head(5, entries); }
    void array(std::size_t items) { head(4, items); }
    void text(std::string_view s)
    {
        head(3, s.size());
        m_out.insert(m_out.end(), s.begin(), s.end());
    }
    void integer(std::int64_t v)
    {
        if (v >= 0)
            head(0, static_cast<std::uint64_t>(v));
        else
            head(1, static_cast<std::uint64_t>(-(v + 1)));
    }
    void number(double v)
    {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &v, sizeof bits);
        m_out.push_back(0xfb); // IEEE 754 binary64, big-endian
        for (int shift = 56; shift >= 0; shift -= 8)
            m_out.push_back(static_cast<std::uint8_t>(bits >> shift));
    }
    void boolean(bool b) { m_out.push_back(b ? 0xf5 : 0xf4); }
    void null() { m_out.push_back(0xf6); }
    void optionalText(const std::optional<std::string>& s)
    {
        if (s)
            text(*s);
        else
            null();
    }
    void texts(const std::vector<std::string>& items)
    {
        array(items.size());
        for (const auto& t : items)
            text(t);
    }
    [[nodiscard]] std::vector<std::uint8_t> take() { return std::move(m_out); }

  private:
    void head(std::uint8_t major, std::uint64_t value)
    {
        const auto type = static_cast<std::uint8_t>(major << 5);
        if (value < 24)
            return m_out.push_back(static_cast<std::uint8_t>(type | value));
        int bytes = 8;
        std::uint8_t info = 27;
        if (value <= 0xff)
            bytes = 1, info = 24;
        else if (value <= 0xffff)
            bytes = 2, info = 25;
        else if (value <= 0xffffffffu)
            bytes = 4, info = 26;
        m_out.push_back(static_cast<std::uint8_t>(type | info));
        for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8)
            m_out.push_back(static_cast<std::uint8_t>(value >> shift));
    }

    std::vector<std::uint8_t> m_out;
};

void writeAttributes(Cbor& c, const Attributes& a)
{
    c.array(a.items().size());
    for (const auto& [name, value] : a.items())
    {
        c.array(3);
        c.text(name);
        if (const auto* i = std::get_if<std::int64_t>(&value))
        {
            c.text("i");
            c.integer(*i);
        }
        else if (const auto* d = std::get_if<double>(&value))
        {
            c.text("d");
            c.number(*d);
        }
        else if (const auto* s = std::get_if<std::string>(&value))
        {
            c.text("s");
            c.text(*s);
        }
        else
        {
            c.text("n");
            c.null();
        }
    }
}

void writeGeometry(Cbor& c, const Geometry& g)
{
    c.array(2);
    c.integer(static_cast<int>(g.type()));
    c.array(g.parts().size());
    for (const auto& part : g.parts())
    {
        c.array(part.size());
        for (const auto& ring : part)
        {
            c.array(ring.size() * 2);
            for (const auto& p : ring)
            {
                c.number(p.x);
                c.number(p.y);
            }
        }
    }
}

void writeHit(Cbor& c, const Hit& h)
{
    c.map(14);
    c.text("layer");
    c.text(h.layer);
    c.text("kind");
    c.text(h.kind);
    c.text("zone_id");
    c.text(h.zoneId);
    c.text("zone_name");
    c.text(h.zoneName);
    c.text("attributes");
    writeAttributes(c, h.attributes);
    c.text("overlap_m2");
    c.number(h.overlapM2);
    c.text("overlap_ell_m2");
    c.number(h.overlapEllipsoidalM2);
    c.text("site_share");
    c.number(h.siteShare);
    c.text("overlap_length_m");
    c.number(h.overlapLengthM);
    c.text("distance_m");
    c.number(h.distanceM);
    c.text("contains");
    c.boolean(h.contains);
    c.text("overlap");
    writeGeometry(c, h.overlap);
    c.text("verdict");
    c.integer(static_cast<int>(h.verdict));
    c.text("rules");
    c.array(h.rules.size());
    for (const auto& r : h.rules)
    {
        c.array(6);
        c.text(r.ruleId);
        c.integer(static_cast<int>(r.verdict));
        c.text(r.citation);
        c.text(r.reason);
        c.text(r.reasonEn);
        c.text(r.confidence);
    }
}

void writeSite(Cbor& c, const SiteResult& s)
{
    c.map(12);
    c.text("index");
    c.integer(static_cast<std::int64_t>(s.index));
    c.text("site_id");
    c.text(s.siteId);
    c.text("name");
    c.text(s.name);
    c.text("attributes");
    writeAttributes(c, s.attributes);
    c.text("geometry");
    writeGeometry(c, s.geometry);
    c.text("area_m2");
    c.number(s.areaM2);
    c.text("area_ell_m2");
    c.number(s.areaEllipsoidalM2);
    c.text("length_m");
    c.number(s.lengthM);
    c.text("verdict");
    c.integer(static_cast<int>(s.verdict));
    c.text("message");
    c.text(s.message);
    c.text("hits");
    c.array(s.hits.size());
    for (const auto& h : s.hits)
        writeHit(c, h);
    c.text("warnings");
    c.texts(s.warnings);
}

Attributes attributes(const json& j)
{
    Attributes a;
    for (const auto& item : j)
    {
        const std::string type = item.at(1).get<std::string>();
        const std::string name = item.at(0).get<std::string>();
        if (type == "i")
            a.set(name, item.at(2).get<std::int64_t>());
        else if (type == "d")
            a.set(name, item.at(2).get<double>());
        else if (type == "s")
            a.set(name, item.at(2).get<std::string>());
        else
            a.set(name, std::monostate{});
    }
    return a;
}

Geometry geometry(const json& j)
{
    std::vector<Part> parts;
    for (const auto& p : j.at(1))
    {
        Part part;
        for (const auto& r : p)
        {
            const auto xy = r.get<std::vector<double>>();
            Ring ring;
            for (std::size_t i = 0; i + 1 < xy.size(); i += 2)
                ring.push_back({xy[i], xy[i + 1]});
            part.push_back(std::move(ring));
        }
        parts.push_back(std::move(part));
    }
    if (parts.empty())
        return {};
    return Geometry(static_cast<GeometryType>(j.at(0).get<int>()), std::move(parts));
}

Hit hit(const json& j)
{
    Hit h;
    h.layer = j.at("layer");
    h.kind = j.at("kind");
    h.zoneId = j.at("zone_id");
    h.zoneName = j.at("zone_name");
    h.attributes = attributes(j.at("attributes"));
    h.overlapM2 = j.at("overlap_m2");
    h.overlapEllipsoidalM2 = j.at("overlap_ell_m2");
    h.siteShare = j.at("site_share");
    h.overlapLengthM = j.at("overlap_length_m");
    h.distanceM = j.at("distance_m");
    h.contains = j.at("contains");
    h.overlap = geometry(j.at("overlap"));
    h.verdict = static_cast<Verdict>(j.at("verdict").get<int>());
    for (const auto& r : j.at("rules"))
        h.rules.push_back({r.at(0), static_cast<Verdict>(r.at(1).get<int>()), r.at(2), r.at(3),
                           r.at(4), r.at(5)});
    return h;
}

SiteResult site(const json& j)
{
    SiteResult s;
    s.index = j.at("index");
    s.siteId = j.at("site_id");
    s.name = j.at("name");
    s.attributes = attributes(j.at("attributes"));
    s.geometry = geometry(j.at("geometry"));
    s.areaM2 = j.at("area_m2");
    s.areaEllipsoidalM2 = j.at("area_ell_m2");
    s.lengthM = j.at("length_m");
    s.verdict = static_cast<Verdict>(j.at("verdict").get<int>());
    if (j.contains("message")) // archives written before it was kept have none
        s.message = j.at("message").get<std::string>();
    for (const auto& h : j.at("hits"))
        s.hits.push_back(hit(h));
    s.warnings = j.at("warnings").get<std::vector<std::string>>();
    return s;
}

std::optional<std::string> optional(const json& j)
{
    if (j.is_null())
        return std::nullopt;
    return j.get<std::string>();
}

std::vector<std::uint8_t> cborOf(const ScreeningReport& r)
{
    Cbor c;
    c.map(14);
    c.text("archive");
    c.integer(kArchiveVersion);
    c.text("redline_version");
    c.text(r.redlineVersion);
    c.text("zones");
    c.text(r.zones);
    c.text("store");
    c.text(r.store);
    c.text("store_revision");
    if (r.storeRevision)
        c.integer(*r.storeRevision);
    else
        c.null();
    c.text("sites_source");
    c.text(r.sites);
    c.text("analysis_crs");
    c.text(r.analysisCrs);
    c.text("rule_set");
    c.text(r.ruleSet);
    c.text("rule_set_version");
    c.text(r.ruleSetVersion);
    c.text("warnings");
    c.texts(r.warnings);
    c.text("job_id");
    c.optionalText(r.jobId);
    c.text("user");
    c.optionalText(r.user);
    c.text("input_sha256");
    c.optionalText(r.inputSha256);
    c.text("results");
    c.array(r.results.size());
    for (const auto& s : r.results)
        writeSite(c, s);
    return c.take();
}

void putBigEndian(std::uint8_t* at, std::uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        at[i] = static_cast<std::uint8_t>(value >> (8 * (bytes - 1 - i)));
}

std::uint64_t bigEndian(const std::uint8_t* at, int bytes)
{
    std::uint64_t value = 0;
    for (int i = 0; i < bytes; ++i)
        value = (value << 8) | at[i];
    return value;
}

std::vector<std::uint8_t> compressed(const std::vector<std::uint8_t>& cbor)
{
    const int size = static_cast<int>(cbor.size());
    std::vector<std::uint8_t> out(kHeader + static_cast<std::size_t>(LZ4_compressBound(size)));
    std::memcpy(out.data(), kMagic, sizeof kMagic);
    putBigEndian(out.data() + sizeof kMagic, cbor.size(), 4);
    putBigEndian(out.data() + sizeof kMagic + 4, XXH3_64bits(cbor.data(), cbor.size()), 8);
    const int n = LZ4_compress_default(reinterpret_cast<const char*>(cbor.data()),
                                       reinterpret_cast<char*>(out.data() + kHeader), size,
                                       static_cast<int>(out.size() - kHeader));
    if (n <= 0)
        return cbor; // cannot happen with a bound-sized buffer; the plain CBOR reads back too
    out.resize(kHeader + static_cast<std::size_t>(n));
    return out;
}

bool isCompressed(const std::vector<std::uint8_t>& bytes)
{
    return bytes.size() >= sizeof kMagic && std::memcmp(bytes.data(), kMagic, sizeof kMagic) == 0;
}

std::vector<std::uint8_t> expanded(const std::vector<std::uint8_t>& bytes)
{
    if (bytes.size() < kHeader)
        throw ConfigError("stored report cannot be read (truncated).");
    const std::size_t size = bigEndian(bytes.data() + sizeof kMagic, 4);
    const std::size_t stored = bytes.size() - kHeader;
    if (size > kMaxArchiveBytes || size > stored * kLz4MaxRatio + 16)
        throw ConfigError("stored report cannot be read (it claims " + std::to_string(size) +
                          " bytes expanded from " + std::to_string(stored) + ").");
    std::vector<std::uint8_t> cbor(size);
    const int n = LZ4_decompress_safe(reinterpret_cast<const char*>(bytes.data() + kHeader),
                                      reinterpret_cast<char*>(cbor.data()),
                                      static_cast<int>(stored), static_cast<int>(size));
    if (n < 0 || static_cast<std::size_t>(n) != size ||
        XXH3_64bits(cbor.data(), cbor.size()) != bigEndian(bytes.data() + sizeof kMagic + 4, 8))
        throw ConfigError("stored report cannot be read (damaged compressed data).");
    return cbor;
}

} // namespace

std::vector<std::uint8_t> archiveReport(const ScreeningReport& r)
{
    auto cbor = cborOf(r);
    if (cbor.size() > kMaxArchiveBytes)
        return cbor; // stored as it is: restoreReport would refuse to expand it
    return compressed(cbor);
}

ScreeningReport restoreReport(const std::vector<std::uint8_t>& bytes)
{
    try
    {
        const json doc =
            isCompressed(bytes) ? json::from_cbor(expanded(bytes)) : json::from_cbor(bytes);
        if (doc.at("archive").get<int>() != kArchiveVersion)
            throw ConfigError("stored report has an unknown archive version.");
        ScreeningReport r;
        r.redlineVersion = doc.at("redline_version");
        r.zones = doc.at("zones");
        r.store = doc.at("store");
        if (!doc.at("store_revision").is_null())
            r.storeRevision = doc.at("store_revision").get<std::int64_t>();
        r.sites = doc.at("sites_source");
        r.analysisCrs = doc.at("analysis_crs");
        r.ruleSet = doc.at("rule_set");
        r.ruleSetVersion = doc.at("rule_set_version");
        r.warnings = doc.at("warnings").get<std::vector<std::string>>();
        r.jobId = optional(doc.at("job_id"));
        r.user = optional(doc.at("user"));
        r.inputSha256 = optional(doc.at("input_sha256"));
        for (const auto& s : doc.at("results"))
            r.results.push_back(site(s));
        return r;
    }
    catch (const nlohmann::json::exception&)
    {
        throw ConfigError("stored report cannot be read.");
    }
}

} // namespace redline::service
