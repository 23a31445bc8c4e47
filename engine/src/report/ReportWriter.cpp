#include "redline/report/ReportWriter.hpp"

#include <cmath>
#include <sstream>

#include <nlohmann/json.hpp>

#include "redline/core/AtomicFile.hpp"
#include "redline/core/CsvField.hpp"
#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"
#include "redline/data/AttributesJson.hpp"
#include "redline/io/VectorWriter.hpp"

#include "report/PrettyJson.hpp"
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

// The JSON of DESIGN A4, written key by key in the order (and layout) of nlohmann::json's
// dump of the same document, without building the document (PrettyJson).
void writeHit(detail::PrettyJson& j, const Hit& h)
{
    j.beginObject();
    j.key("attributes").value(attributesToJson(h.attributes));
    j.key("contains").boolean(h.contains);
    j.key("distance_m").number(rounded(h.distanceM, 4));
    j.key("kind").string(h.kind);
    j.key("layer").string(h.layer);
    j.key("overlap_ellipsoidal_m2").number(rounded(h.overlapEllipsoidalM2, 4));
    j.key("overlap_length_m").number(rounded(h.overlapLengthM, 4));
    j.key("overlap_m2").number(rounded(h.overlapM2, 4));
    j.key("overlap_mu").number(rounded(h.overlapM2 / kM2PerMu, 6));
    j.key("rules").beginArray();
    for (const auto& r : h.rules)
    {
        j.beginObject();
        j.key("citation").string(r.citation);
        j.key("confidence").string(r.confidence);
        j.key("reason").string(r.reason);
        j.key("reason_en").string(r.reasonEn);
        j.key("rule_id").string(r.ruleId);
        j.key("verdict").string(toString(r.verdict));
        j.endObject();
    }
    j.endArray();
    j.key("site_share").number(rounded(h.siteShare, 9));
    j.key("verdict").string(toString(h.verdict));
    j.key("zone_id").string(h.zoneId);
    j.key("zone_name").string(h.zoneName);
    j.endObject();
}

void writeSite(detail::PrettyJson& j, const SiteResult& s)
{
    j.beginObject();
    j.key("area_ellipsoidal_m2").number(rounded(s.areaEllipsoidalM2, 4));
    j.key("area_m2").number(rounded(s.areaM2, 4));
    j.key("area_mu").number(rounded(s.areaM2 / kM2PerMu, 6));
    j.key("geometry_type");
    if (s.geometry.isEmpty())
        j.null();
    else
        j.string(toString(s.geometry.type()));
    j.key("hits").beginArray();
    for (const auto& h : s.hits)
        writeHit(j, h);
    j.endArray();
    j.key("length_m").number(rounded(s.lengthM, 4));
    if (s.verdict == Verdict::Error)
        j.key("message").string(s.message); // only on sites that could not be screened
    j.key("name").string(s.name);
    j.key("site_id").string(s.siteId);
    j.key("verdict").string(toString(s.verdict));
    j.key("verdict_zh").string(toChinese(s.verdict));
    j.key("warnings").strings(s.warnings);
    j.endObject();
}

void writeRevision(detail::PrettyJson& j, const ScreeningReport& r)
{
    if (r.storeRevision)
        j.integer(*r.storeRevision);
    else
        j.null();
}

std::string revisionText(const ScreeningReport& r)
{
    return r.storeRevision ? std::to_string(*r.storeRevision) : std::string();
}

void writeJson(const ScreeningReport& r, std::ostream& out)
{
    detail::PrettyJson j(2);
    j.beginObject();
    j.key("analysis_crs").string(r.analysisCrs);
    j.key("area_units")
        .string("overlap_m2/area_m2 planar in analysis_crs; *_ellipsoidal_m2 on "
                "its ellipsoid; 1 mu = 10000/15 m2");
    if (r.inputSha256)
        j.key("input_sha256").string(*r.inputSha256);
    if (r.jobId)
        j.key("job_id").string(*r.jobId);
    j.key("redline_version").string(r.redlineVersion);
    j.key("rule_set").string(r.ruleSet);
    j.key("rule_set_version").string(r.ruleSetVersion);
    j.key("rules").string(r.ruleSet);
    j.key("rules_version").string(r.ruleSetVersion);
    j.key("sites").beginArray();
    for (const auto& s : r.results)
        writeSite(j, s);
    j.endArray();
    j.key("sites_source").string(r.sites);
    j.key("store").string(r.store);
    j.key("store_revision");
    writeRevision(j, r);
    if (r.user)
        j.key("user").string(*r.user);
    j.key("warnings").strings(r.warnings);
    j.key("zones").string(r.zones);
    j.endObject();
    j.text() += '\n';
    out << j.text();
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
            out << head << csvField(h.layer) << "," << csvField(h.kind) << "," << csvField(h.zoneId)
                << "," << csvField(h.zoneName) << "," << fixed(h.overlapM2, 4) << ","
                << fixed(h.overlapM2 / kM2PerMu, 6) << "," << fixed(h.siteShare, 9) << ","
                << fixed(h.overlapLengthM, 4) << "," << fixed(h.distanceM, 4) << ","
                << csvField(ids) << "," << tail;
        }
    }
}

void writePosition(detail::PrettyJson& j, const Point& p)
{
    j.beginArray().number(p.x).number(p.y).endArray();
}

void writeRing(detail::PrettyJson& j, const Ring& r)
{
    j.beginArray();
    for (const auto& p : r)
        writePosition(j, p);
    j.endArray();
}

void writePolygon(detail::PrettyJson& j, const Part& part)
{
    j.beginArray();
    for (const auto& r : part)
        writeRing(j, r);
    j.endArray();
}

void writeGeometry(detail::PrettyJson& j, const Geometry& g)
{
    const auto& parts = g.parts();
    j.beginObject();
    j.key("coordinates");
    switch (g.type())
    {
    case GeometryType::Point:
        writePosition(j, parts[0][0][0]);
        break;
    case GeometryType::LineString:
        writeRing(j, parts[0][0]);
        break;
    case GeometryType::Polygon:
        writePolygon(j, parts[0]);
        break;
    case GeometryType::MultiPoint:
        j.beginArray();
        for (const auto& p : parts)
            writePosition(j, p[0][0]);
        j.endArray();
        break;
    case GeometryType::MultiLineString:
        j.beginArray();
        for (const auto& p : parts)
            writeRing(j, p[0]);
        j.endArray();
        break;
    case GeometryType::MultiPolygon:
        j.beginArray();
        for (const auto& p : parts)
            writePolygon(j, p);
        j.endArray();
        break;
    }
    j.key("type").string(toString(g.type()));
    j.endObject();
}

void writeGeoJson(const ScreeningReport& r, std::ostream& out)
{
    detail::PrettyJson j(1);
    j.beginObject();
    j.key("analysis_crs").string(r.analysisCrs);
    j.key("crs").beginObject();
    j.key("properties").beginObject().key("name").string(r.analysisCrs).endObject();
    j.key("type").string("name");
    j.endObject();
    j.key("features").beginArray();
    for (const auto& s : r.results)
    {
        j.beginObject();
        j.key("geometry");
        if (s.geometry.isEmpty())
            j.null();
        else
            writeGeometry(j, s.geometry);
        j.key("properties");
        writeSite(j, s);
        j.key("type").string("Feature");
        j.endObject();
    }
    j.endArray();
    j.key("name").string("screening");
    j.key("redline_version").string(r.redlineVersion);
    j.key("rule_set").string(r.ruleSet);
    j.key("rule_set_version").string(r.ruleSetVersion);
    j.key("rules").string(r.ruleSet);
    j.key("store").string(r.store);
    j.key("store_revision");
    writeRevision(j, r);
    j.key("type").string("FeatureCollection");
    j.key("zones").string(r.zones);
    j.endObject();
    j.text() += '\n';
    out << j.text();
}

} // namespace

bool isTextFormat(const std::string& format)
{
    return format == "json" || format == "csv" || format == "geojson";
}

void writeReport(const ScreeningReport& report, const std::string& format, std::ostream& out)
{
    if (format == "json")
        writeJson(report, out);
    else if (format == "csv")
        writeCsv(report, out);
    else if (format == "geojson")
        writeGeoJson(report, out);
    else
        throw ConfigError("The format '" + format +
                          "' cannot be written to standard output; "
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
