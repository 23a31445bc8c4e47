#include "redline/report/ReportWriter.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

#include "data/AttributesJson.hpp"
#include "redline/core/AtomicFile.hpp"
#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"
#include "redline/io/VectorWriter.hpp"
#include "report/ReportLayers.hpp"

namespace redline
{

namespace
{

constexpr double kM2PerMu = 10000.0 / 15.0;

// Rounds to `decimals` places and returns the double nearest to that decimal, so JSON shows
// 5107.7768 rather than 5107.776800000001.
double rounded(double v, int decimals)
{
    return parseNumber(formatFixed(v, decimals)).value_or(v);
}

std::string fixed(double v, int decimals)
{
    return formatFixed(v, decimals);
}

nlohmann::json hitJson(const Hit& h)
{
    nlohmann::json rules = nlohmann::json::array();
    for (const auto& r : h.rules)
        rules.push_back({{"rule_id", r.ruleId},
                         {"verdict", toString(r.verdict)},
                         {"citation", r.citation},
                         {"reason", r.reason},
                         {"reason_en", r.reasonEn},
                         {"confidence", r.confidence}});
    return {{"layer", h.layer},
            {"kind", h.kind},
            {"zone_id", h.zoneId},
            {"zone_name", h.zoneName},
            {"attributes", detail::attributesToJson(h.attributes)},
            {"overlap_m2", rounded(h.overlapM2, 4)},
            {"overlap_mu", rounded(h.overlapM2 / kM2PerMu, 6)},
            {"overlap_ellipsoidal_m2", rounded(h.overlapEllipsoidalM2, 4)},
            {"site_share", rounded(h.siteShare, 9)},
            {"overlap_length_m", rounded(h.overlapLengthM, 4)},
            {"distance_m", rounded(h.distanceM, 4)},
            {"contains", h.contains},
            {"verdict", toString(h.verdict)},
            {"rules", rules}};
}

nlohmann::json siteJson(const SiteResult& s)
{
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& h : s.hits)
        hits.push_back(hitJson(h));
    nlohmann::json site = {
        {"site_id", s.siteId},
        {"name", s.name},
        {"geometry_type", s.geometry.isEmpty() ? nlohmann::json(nullptr)
                                               : nlohmann::json(toString(s.geometry.type()))},
        {"area_m2", rounded(s.areaM2, 4)},
        {"area_mu", rounded(s.areaM2 / kM2PerMu, 6)},
        {"area_ellipsoidal_m2", rounded(s.areaEllipsoidalM2, 4)},
        {"length_m", rounded(s.lengthM, 4)},
        {"verdict", toString(s.verdict)},
        {"verdict_zh", toChinese(s.verdict)},
        {"hits", hits},
        {"warnings", s.warnings}};
    if (s.verdict == Verdict::Error)
        site["message"] = s.message; // only on sites that could not be screened
    return site;
}

nlohmann::json revisionJson(const ScreeningReport& r)
{
    return r.storeRevision ? nlohmann::json(*r.storeRevision) : nlohmann::json(nullptr);
}

std::string revisionText(const ScreeningReport& r)
{
    return r.storeRevision ? std::to_string(*r.storeRevision) : std::string();
}

nlohmann::json reportJson(const ScreeningReport& r)
{
    nlohmann::json sites = nlohmann::json::array();
    for (const auto& s : r.results)
        sites.push_back(siteJson(s));
    nlohmann::json doc = {
        {"redline_version", r.redlineVersion},
        {"zones", r.zones},
        {"store", r.store},
        {"store_revision", revisionJson(r)},
        {"rule_set", r.ruleSet},
        {"rule_set_version", r.ruleSetVersion},
        {"sites_source", r.sites},
        {"analysis_crs", r.analysisCrs},
        {"rules", r.ruleSet},
        {"rules_version", r.ruleSetVersion},
        {"area_units", "overlap_m2/area_m2 planar in analysis_crs; *_ellipsoidal_m2 on its "
                       "ellipsoid; 1 mu = 10000/15 m2"},
        {"warnings", r.warnings},
        {"sites", sites}};
    if (r.jobId)
        doc["job_id"] = *r.jobId;
    if (r.user)
        doc["user"] = *r.user;
    if (r.inputSha256)
        doc["input_sha256"] = *r.inputSha256;
    return doc;
}

std::string csvField(const std::string& s)
{
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// DESIGN A4's columns first and unchanged, then `message` (why a site has verdict error), then
// the provenance on every row (DESIGN A4: store, store_revision, rule_set, rule_set_version), so
// that any row copied elsewhere keeps it.
void writeCsv(const ScreeningReport& r, std::ostream& out)
{
    out << "site_id,site_name,verdict,layer,kind,zone_id,zone_name,overlap_m2,overlap_mu,"
           "site_share,overlap_length_m,distance_m,rule_ids,message,store,store_revision,"
           "rule_set,rule_set_version\n";
    const std::string tail = "," + csvField(r.store) + "," + revisionText(r) + "," +
                             csvField(r.ruleSet) + "," + csvField(r.ruleSetVersion) + "\n";
    for (const auto& s : r.results)
    {
        const std::string head =
            csvField(s.siteId) + "," + csvField(s.name) + "," + toString(s.verdict) + ",";
        if (s.hits.empty())
            out << head << ",,,,,,,,,," << csvField(s.message) << tail;
        for (const auto& h : s.hits)
        {
            std::string ids;
            for (const auto& rule : h.rules)
                ids += (ids.empty() ? "" : ";") + rule.ruleId;
            out << head << csvField(h.layer) << "," << csvField(h.kind) << ","
                << csvField(h.zoneId) << "," << csvField(h.zoneName) << ","
                << fixed(h.overlapM2, 4) << "," << fixed(h.overlapM2 / kM2PerMu, 6) << ","
                << fixed(h.siteShare, 9) << "," << fixed(h.overlapLengthM, 4) << ","
                << fixed(h.distanceM, 4) << "," << csvField(ids) << "," << tail;
        }
    }
}

nlohmann::json geometryJson(const Geometry& g)
{
    auto ring = [](const Ring& r)
    {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& p : r)
            a.push_back({p.x, p.y});
        return a;
    };
    auto polygon = [&](const Part& part)
    {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& r : part)
            a.push_back(ring(r));
        return a;
    };
    const auto& parts = g.parts();
    nlohmann::json coords = nlohmann::json::array();
    switch (g.type())
    {
    case GeometryType::Point: coords = {parts[0][0][0].x, parts[0][0][0].y}; break;
    case GeometryType::LineString: coords = ring(parts[0][0]); break;
    case GeometryType::Polygon: coords = polygon(parts[0]); break;
    case GeometryType::MultiPoint:
        for (const auto& p : parts)
            coords.push_back({p[0][0].x, p[0][0].y});
        break;
    case GeometryType::MultiLineString:
        for (const auto& p : parts)
            coords.push_back(ring(p[0]));
        break;
    case GeometryType::MultiPolygon:
        for (const auto& p : parts)
            coords.push_back(polygon(p));
        break;
    }
    return {{"type", toString(g.type())}, {"coordinates", coords}};
}

void writeGeoJson(const ScreeningReport& r, std::ostream& out)
{
    nlohmann::json features = nlohmann::json::array();
    for (const auto& s : r.results)
    {
        nlohmann::json props = siteJson(s);
        features.push_back({{"type", "Feature"},
                            {"properties", props},
                            {"geometry", s.geometry.isEmpty() ? nlohmann::json(nullptr)
                                                              : geometryJson(s.geometry)}});
    }
    nlohmann::json fc = {{"type", "FeatureCollection"},
                         {"name", "screening"},
                         {"crs", {{"type", "name"}, {"properties", {{"name", r.analysisCrs}}}}},
                         {"redline_version", r.redlineVersion},
                         {"zones", r.zones},
                         {"store", r.store},
                         {"store_revision", revisionJson(r)},
                         {"rule_set", r.ruleSet},
                         {"rule_set_version", r.ruleSetVersion},
                         {"analysis_crs", r.analysisCrs},
                         {"rules", r.ruleSet},
                         {"features", features}};
    out << fc.dump(1) << "\n";
}

} // namespace

bool isTextFormat(const std::string& format)
{
    return format == "json" || format == "csv" || format == "geojson";
}

void writeReport(const ScreeningReport& report, const std::string& format, std::ostream& out)
{
    if (format == "json")
        out << reportJson(report).dump(2) << "\n";
    else if (format == "csv")
        writeCsv(report, out);
    else if (format == "geojson")
        writeGeoJson(report, out);
    else
        throw ConfigError("The format '" + format + "' cannot be written to standard output; "
                          "give --output PATH.");
}

std::vector<std::string> writeReportFile(const ScreeningReport& report, const std::string& format,
                                         const std::string& path)
{
    if (format == "gpkg")
    {
        const DatasetMetadata provenance{{"redline_version", report.redlineVersion},
                                         {"store", report.store},
                                         {"store_revision", revisionText(report)},
                                         {"rule_set", report.ruleSet},
                                         {"rule_set_version", report.ruleSetVersion},
                                         {"analysis_crs", report.analysisCrs},
                                         {"sites_source", report.sites}};
        return writeLayers(path, detail::reportLayers(report), {"gpkg"}, provenance).warnings;
    }
    std::ostringstream text;
    writeReport(report, format, text);
    writeTextFileAtomically(path, text.str());
    return {};
}

} // namespace redline
