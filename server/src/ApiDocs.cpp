#include "ApiDocs.hpp"

#include <nlohmann/json.hpp>

#include "OpenApiText.hpp"

namespace redline::service
{

using nlohmann::json;

std::string landingDocument(const std::string& b)
{
    const json doc = {
        {"title", "Redline 生态环境分区管控初筛服务"},
        {"description", "Screens construction sites against the ecological zoning (OGC API – "
                        "Processes) and serves the zoning and the screened sites (OGC API – "
                        "Features)."},
        {"links",
         json::array(
             {{{"href", b + "/"}, {"rel", "self"}, {"type", "application/json"}},
              {{"href", b + "/api"},
               {"rel", "service-desc"},
               {"type", "application/vnd.oai.openapi+json;version=3.0"}},
              {{"href", b + "/conformance"}, {"rel", "conformance"}, {"type", "application/json"}},
              {{"href", b + "/collections"}, {"rel", "data"}, {"type", "application/json"}},
              {{"href", b + "/processes"},
               {"rel", "http://www.opengis.net/def/rel/ogc/1.0/processes"},
               {"type", "application/json"}},
              {{"href", b + "/jobs"},
               {"rel", "http://www.opengis.net/def/rel/ogc/1.0/job-list"},
               {"type", "application/json"}}})}};
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string conformanceDocument()
{
    const json doc = {
        {"conformsTo",
         json::array({"http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/core",
                      "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/ogc-process-"
                      "description",
                      "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/json",
                      "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/job-list",
                      "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/dismiss",
                      "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/oas30",
                      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30"})}};
    return doc.dump();
}

std::string openApiDocument(const std::string& baseUrl)
{
    json doc = json::parse(kOpenApiText);
    doc["servers"] = json::array({{{"url", baseUrl}}});
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace redline::service
