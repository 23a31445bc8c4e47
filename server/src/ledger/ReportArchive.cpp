#include "ledger/ReportArchive.hpp"

#include <nlohmann/json.hpp>

#include "redline/core/Error.hpp"

namespace redline::service
{

namespace
{

using nlohmann::json;
constexpr int kArchiveVersion = 1;

json attributes(const Attributes& a)
{
    json out = json::array();
    for (const auto& [name, value] : a.items())
    {
        if (const auto* i = std::get_if<std::int64_t>(&value))
            out.push_back({name, "i", *i});
        else if (const auto* d = std::get_if<double>(&value))
            out.push_back({name, "d", *d});
        else if (const auto* s = std::get_if<std::string>(&value))
            out.push_back({name, "s", *s});
        else
            out.push_back({name, "n", nullptr});
    }
    return out;
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

json geometry(const Geometry& g)
{
    json parts = json::array();
    for (const auto& part : g.parts())
    {
        json rings = json::array();
        for (const auto& ring : part)
        {
            std::vector<double> xy;
            xy.reserve(ring.size() * 2);
            for (const auto& p : ring)
            {
                xy.push_back(p.x);
                xy.push_back(p.y);
            }
            rings.push_back(std::move(xy));
        }
        parts.push_back(std::move(rings));
    }
    return {static_cast<int>(g.type()), std::move(parts)};
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

json hit(const Hit& h)
{
    json rules = json::array();
    for (const auto& r : h.rules)
        rules.push_back({r.ruleId, static_cast<int>(r.verdict), r.citation, r.reason, r.reasonEn,
                         r.confidence});
    return {{"layer", h.layer},
            {"kind", h.kind},
            {"zone_id", h.zoneId},
            {"zone_name", h.zoneName},
            {"attributes", attributes(h.attributes)},
            {"overlap_m2", h.overlapM2},
            {"overlap_ell_m2", h.overlapEllipsoidalM2},
            {"site_share", h.siteShare},
            {"overlap_length_m", h.overlapLengthM},
            {"distance_m", h.distanceM},
            {"contains", h.contains},
            {"overlap", geometry(h.overlap)},
            {"verdict", static_cast<int>(h.verdict)},
            {"rules", std::move(rules)}};
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

json site(const SiteResult& s)
{
    json hits = json::array();
    for (const auto& h : s.hits)
        hits.push_back(hit(h));
    return {{"index", s.index},
            {"site_id", s.siteId},
            {"name", s.name},
            {"attributes", attributes(s.attributes)},
            {"geometry", geometry(s.geometry)},
            {"area_m2", s.areaM2},
            {"area_ell_m2", s.areaEllipsoidalM2},
            {"length_m", s.lengthM},
            {"verdict", static_cast<int>(s.verdict)},
            {"hits", std::move(hits)},
            {"warnings", s.warnings}};
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
    for (const auto& h : j.at("hits"))
        s.hits.push_back(hit(h));
    s.warnings = j.at("warnings").get<std::vector<std::string>>();
    return s;
}

json optional(const std::optional<std::string>& s)
{
    return s ? json(*s) : json();
}

std::optional<std::string> optional(const json& j)
{
    if (j.is_null())
        return std::nullopt;
    return j.get<std::string>();
}

} // namespace

std::vector<std::uint8_t> archiveReport(const ScreeningReport& r)
{
    json sites = json::array();
    for (const auto& s : r.results)
        sites.push_back(site(s));
    const json doc = {{"archive", kArchiveVersion},
                      {"redline_version", r.redlineVersion},
                      {"zones", r.zones},
                      {"store", r.store},
                      {"store_revision", r.storeRevision ? json(*r.storeRevision) : json()},
                      {"sites_source", r.sites},
                      {"analysis_crs", r.analysisCrs},
                      {"rule_set", r.ruleSet},
                      {"rule_set_version", r.ruleSetVersion},
                      {"warnings", r.warnings},
                      {"job_id", optional(r.jobId)},
                      {"user", optional(r.user)},
                      {"input_sha256", optional(r.inputSha256)},
                      {"results", std::move(sites)}};
    return json::to_cbor(doc);
}

ScreeningReport restoreReport(const std::vector<std::uint8_t>& bytes)
{
    try
    {
        const json doc = json::from_cbor(bytes);
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
