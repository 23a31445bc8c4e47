#include "processes/ProcessDescription.hpp"

#include <nlohmann/json.hpp>

namespace redline::service
{

namespace
{

using nlohmann::json;

json summary(const std::string& baseUrl)
{
    const std::string self = baseUrl + "/processes/screen";
    return {{"id", "screen"},
            {"title", "项目选址生态环境分区初筛 (screen sites against the zoning)"},
            {"description",
             "Screens project sites against the ecological zoning store: overlaps in m² and 亩, "
             "distances, and a verdict (prohibited, restricted, needs_review, allowed; error for a "
             "site that cannot be screened) with the rules and citations it rests on (the output "
             "of `redline screen`, DESIGN A4)."},
            {"version", "1.0.0"},
            {"jobControlOptions", json::array({"sync-execute", "async-execute", "dismiss"})},
            {"outputTransmission", json::array({"value"})},
            {"links", json::array({{{"href", self}, {"rel", "self"}, {"type", "application/json"}},
                                   {{"href", self + "/execution"},
                                    {"rel", "http://www.opengis.net/def/rel/ogc/1.0/execute"},
                                    {"type", "application/json"},
                                    {"title", "Execute the screening"}}})}};
}

json input(const char* title, const char* description, json schema, int minOccurs = 0)
{
    return {{"title", title},
            {"description", description},
            {"schema", std::move(schema)},
            {"minOccurs", minOccurs},
            {"maxOccurs", 1}};
}

} // namespace

std::string processListDocument(const std::string& baseUrl)
{
    const json doc = {{"processes", json::array({summary(baseUrl)})},
                      {"links", json::array({{{"href", baseUrl + "/processes"},
                                              {"rel", "self"},
                                              {"type", "application/json"}}})}};
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string processDescriptionDocument(const std::string& baseUrl)
{
    json doc = summary(baseUrl);
    const json fileSchema = {{"type", "string"},
                             {"contentEncoding", "base64"},
                             {"contentMediaType",
                              "text/plain, text/csv, application/zip, "
                              "application/vnd.google-earth.kml+xml, "
                              "application/vnd.google-earth.kmz, image/vnd.dxf, "
                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, "
                              "application/geopackage+sqlite3"}};
    doc["inputs"] = {
        {"sites",
         input("Sites",
               "GeoJSON (FeatureCollection, Feature or geometry; properties carry project "
               "attributes), or a file as {\"value\": base64, \"encoding\": \"base64\", "
               "\"filename\": …}: 界址点 list (.txt), zipped Shapefile, KML/KMZ, DXF, CSV/XLSX, "
               "GeoPackage. With multipart/form-data, a file part named `sites`. Give sites or "
               "site_wkt.",
               json{{"oneOf", json::array({{{"type", "object"},
                                            {"contentMediaType", "application/geo+json"}},
                                           fileSchema})}})},
        {"site_wkt", input("One site as WKT", "In site_crs (default the analysis CRS, EPSG:4549).",
                           {{"type", "string"}})},
        {"site_crs",
         input("CRS of the sites",
               "EPSG:n, gcj02 or bd09, when the file has none or "
               "a wrong one.",
               {{"type", "string"}, {"pattern", "^(EPSG:)?[0-9]{4,6}$|^(gcj02|bd09)$"}})},
        {"site_layer", input("Layer", "Layer of a multi-layer file (a CAD layer for DXF).",
                             {{"type", "string"}})},
        {"towgs84", input("Local datum parameters",
                          "dx,dy,dz[,rx,ry,rz,s] for Xian 1980 / "
                          "Beijing 1954 sites.",
                          {{"type", "string"}})},
        {"buffer", input("Proximity distance (m)", "For every layer; default per layer (100 m).",
                         {{"type", "number"}, {"minimum", 0}, {"maximum", 100000}})},
        {"rules", input("Rule set", "A registered rule set (default rules.yongjia) or none.",
                        {{"type", "string"}})},
        {"site_attributes",
         input("Project attributes",
               "Applied to every site over the file's own, e.g. {\"project_type\": \"road\"} "
               "for a 界址点 list.",
               {{"type", "object"}, {"additionalProperties", {{"type", "string"}}}})}};
    doc["outputs"] = {
        {"report",
         {{"title", "Screening result"},
          {"description", "DESIGN A4 JSON, as `redline screen` writes it, plus job_id, user and "
                          "input_sha256; HTML report at /jobs/{id}/results/report.html."},
          {"schema", {{"type", "object"}, {"contentMediaType", "application/json"}}}}}};
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace redline::service
