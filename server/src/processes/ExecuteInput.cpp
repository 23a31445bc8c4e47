#include "processes/ExecuteInput.hpp"

#include <cmath>
#include <map>
#include <regex>

#include <boost/algorithm/string/predicate.hpp>
#include <nlohmann/json.hpp>
#include <sodium.h>

#include "redline/core/Numbers.hpp"
#include "redline/plugin/Registry.hpp"

#include "auth/Crypto.hpp"
#include "http/Multipart.hpp"
#include "util/JsonDepth.hpp"

namespace redline::service
{

namespace
{

using nlohmann::json;

constexpr int kMaxJsonDepth = 64;

const std::map<std::string, std::string> kMediaTypeExtensions = {
    {"application/geo+json", "geojson"},
    {"application/json", "geojson"},
    {"text/plain", "txt"},
    {"text/csv", "csv"},
    {"application/zip", "zip"},
    {"application/x-zip-compressed", "zip"},
    {"application/vnd.google-earth.kml+xml", "kml"},
    {"application/vnd.google-earth.kmz", "kmz"},
    {"image/vnd.dxf", "dxf"},
    {"application/dxf", "dxf"},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"},
    {"application/geopackage+sqlite3", "gpkg"}};

[[noreturn]] void bad(const std::string& input, const std::string& message)
{
    throw ExecuteError("input '" + input + "': " + message);
}

void setSiteCrs(ExecuteInput& in, const std::string& text)
{
    static const std::regex ok(R"(^((EPSG|epsg):)?[0-9]{4,6}$|^(gcj02|GCJ02|bd09|BD09)$)");
    if (!std::regex_match(text, ok))
        bad("site_crs", "give EPSG:n (e.g. EPSG:4490), gcj02 or bd09");
    in.request.siteCrs = text;
}

void setBuffer(ExecuteInput& in, double value)
{
    if (!std::isfinite(value) || value < 0 || value > kMaxBufferM)
        bad("buffer", "must be a number of metres between 0 and 100000");
    in.request.bufferM = value;
}

void setRules(ExecuteInput& in, const std::string& name, const Registry& registry)
{
    if (name.empty() || name.size() > 100 || !registry.ruleSet(name))
    {
        std::string known;
        for (const auto& info : registry.list())
            if (info.name == "none" || info.name.rfind("rules.", 0) == 0)
                known += (known.empty() ? "" : ", ") + info.name;
        bad("rules", "not a rule set of this service (known: " + known + ")");
    }
    in.request.rules = name;
}

void setAttributes(ExecuteInput& in, const json& object)
{
    if (!object.is_object())
        bad("site_attributes", "must be an object of attribute names and values");
    if (object.size() > 64)
        bad("site_attributes", "at most 64 attributes");
    for (const auto& [name, value] : object.items())
    {
        std::string text;
        if (value.is_string())
            text = value.get<std::string>();
        else if (value.is_boolean())
            text = value.get<bool>() ? "true" : "false";
        else if (value.is_number_integer())
            text = std::to_string(value.get<std::int64_t>());
        else if (value.is_number())
            text = json(value).dump();
        else if (value.is_null())
            continue;
        else
            bad("site_attributes", "'" + name + "' must be a text, number or true/false");
        in.request.siteAttributes.emplace_back(name, text);
    }
}

void setTowgs84(ExecuteInput& in, const json& value)
{
    if (value.is_string())
        in.request.towgs84 = value.get<std::string>();
    else if (value.is_array() && (value.size() == 3 || value.size() == 7))
    {
        std::string text;
        for (const auto& v : value)
        {
            if (!v.is_number())
                bad("towgs84", "must hold 3 or 7 numbers");
            text += (text.empty() ? "" : ",") + v.dump();
        }
        in.request.towgs84 = text;
    }
    else
        bad("towgs84", "must be \"dx,dy,dz[,rx,ry,rz,s]\" or an array of 3 or 7 numbers");
}

std::string text(const json& value, const std::string& input)
{
    if (!value.is_string())
        bad(input, "must be a text");
    return value.get<std::string>();
}

void setGeoJson(ExecuteInput& in, const json& geojson)
{
    static const std::set<std::string> types = {
        "FeatureCollection", "Feature",         "Point",   "MultiPoint",
        "LineString",        "MultiLineString", "Polygon", "MultiPolygon"};
    if (!geojson.is_object() || !geojson.contains("type") || !geojson["type"].is_string() ||
        !types.count(geojson["type"].get<std::string>()))
        bad("sites", "is not a GeoJSON object (FeatureCollection, Feature or geometry)");
    in.fileBytes = geojson.dump();
    in.fileName = "sites.geojson";
    in.inlineGeoJson = true;
}

void setSites(ExecuteInput& in, const json& value)
{
    if (value.is_object() && value.contains("href"))
        bad("sites", "references are not fetched by this service; send the file itself");
    if (value.is_object() && value.contains("value"))
    {
        const json& v = value["value"];
        if (v.is_object())
            return setGeoJson(in, v);
        if (!v.is_string())
            bad("sites", "'value' must be a GeoJSON object or base64 text");
        if (value.value("encoding", "") != "base64")
            bad("sites", "a file 'value' needs \"encoding\": \"base64\"");
        const std::string b64 = v.get<std::string>();
        std::string bytes(b64.size(), '\0');
        std::size_t len = 0;
        if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(),
                              b64.data(), b64.size(), " \r\n", &len, nullptr,
                              sodium_base64_VARIANT_ORIGINAL) != 0)
            bad("sites", "'value' is not valid base64");
        bytes.resize(len);
        std::string name = value.value("filename", "");
        if (name.empty())
        {
            const std::string media = value.value("mediaType", "");
            auto it = kMediaTypeExtensions.find(media);
            if (it == kMediaTypeExtensions.end())
                bad("sites", "give \"filename\" or a known \"mediaType\" for the file");
            name = "sites." + it->second;
        }
        in.fileBytes = std::move(bytes);
        in.fileName = name;
        return;
    }
    setGeoJson(in, value);
}

void fromJson(ExecuteInput& in, const std::string& body, const Registry& registry)
{
    if (!jsonDepthWithin(body, kMaxJsonDepth))
        throw ExecuteError("the request body nests JSON deeper than " +
                           std::to_string(kMaxJsonDepth) + " levels.");
    json doc;
    try
    {
        doc = json::parse(body);
    }
    catch (const json::parse_error& e)
    {
        throw ExecuteError("the request body is not valid JSON (at byte " + std::to_string(e.byte) +
                           ").");
    }
    if (!doc.is_object() || !doc.contains("inputs") || !doc["inputs"].is_object())
        throw ExecuteError("the request body must be an object with \"inputs\".");
    for (const auto& [key, value] : doc.items())
        if (key != "inputs" && key != "outputs" && key != "response" && key != "subscriber")
            throw ExecuteError("unknown member '" + key + "' in the execute request.");
    for (const auto& [name, value] : doc["inputs"].items())
    {
        if (name == "sites")
            setSites(in, value);
        else if (name == "site_wkt")
            in.request.siteWkt = text(value, name);
        else if (name == "site_crs")
            setSiteCrs(in, text(value, name));
        else if (name == "site_layer")
            in.request.siteLayer = text(value, name);
        else if (name == "towgs84")
            setTowgs84(in, value);
        else if (name == "buffer")
        {
            if (!value.is_number())
                bad(name, "must be a number of metres");
            setBuffer(in, value.get<double>());
        }
        else if (name == "rules")
            setRules(in, text(value, name), registry);
        else if (name == "site_attributes")
            setAttributes(in, value);
        else
            bad(name, "is not an input of the screen process (see /processes/screen)");
    }
}

void fromForm(ExecuteInput& in, const std::string& body, const std::string& boundary,
              const Registry& registry)
{
    auto parts = parseMultipart(body, boundary);
    if (!parts)
        throw ExecuteError("the multipart/form-data body is malformed.");
    for (auto& part : *parts)
    {
        const std::string& name = part.name;
        if (name == "sites")
        {
            if (part.filename.empty())
                bad(name, "must be a file part (curl -F sites=@FILE)");
            if (part.data.empty())
                bad(name, "the uploaded file '" + part.filename + "' is empty");
            in.fileBytes = std::move(part.data);
            in.fileName = part.filename;
        }
        else if (name == "site_wkt")
            in.request.siteWkt = part.data;
        else if (name == "site_crs")
            setSiteCrs(in, part.data);
        else if (name == "site_layer")
            in.request.siteLayer = part.data;
        else if (name == "towgs84")
            in.request.towgs84 = part.data;
        else if (name == "buffer")
        {
            const auto v = parseNumber(part.data); // locale-independent (core/Numbers)
            if (!v)
                bad(name, "must be a number of metres");
            setBuffer(in, *v);
        }
        else if (name == "rules")
            setRules(in, part.data, registry);
        else if (name == "site_attributes")
        {
            if (!jsonDepthWithin(part.data, kMaxJsonDepth))
                bad(name, "nests too deeply");
            try
            {
                setAttributes(in, json::parse(part.data));
            }
            catch (const json::parse_error&)
            {
                bad(name, "must be a JSON object");
            }
        }
        else if (name == "csrf_token")
            in.csrfToken = part.data;
        else
            bad(name, "is not an input of the screen process (see /processes/screen)");
    }
}

// The parameters as given (null when left to the default), keys sorted, attributes in order.
std::string parametersJson(const ScreeningRequest& r)
{
    const auto textOrNull = [](const std::string& s) { return s.empty() ? json() : json(s); };
    json attributes = json::array();
    for (const auto& [name, value] : r.siteAttributes)
        attributes.push_back(json::array({name, value}));
    const json p = {{"buffer_m", r.bufferM ? json(*r.bufferM) : json()},
                    {"rules", textOrNull(r.rules)},
                    {"site_attributes", attributes},
                    {"site_crs", textOrNull(r.siteCrs)},
                    {"site_layer", textOrNull(r.siteLayer)},
                    {"towgs84", textOrNull(r.towgs84)}};
    return p.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace

ExecuteInput parseExecute(const Request& request, const Registry& registry)
{
    ExecuteInput in;
    const std::string contentType(sv(request[http::field::content_type]));
    if (auto boundary = multipartBoundary(contentType))
        fromForm(in, request.body(), *boundary, registry);
    else if (boost::algorithm::istarts_with(contentType, "application/json"))
        fromJson(in, request.body(), registry);
    else
        throw ExecuteError("send the execute request as application/json or "
                           "multipart/form-data.");

    if (in.fileBytes.empty() == in.request.siteWkt.empty())
        throw ExecuteError("give exactly one of the inputs 'sites' and 'site_wkt'.");
    if (!in.request.siteWkt.empty())
    {
        if (in.request.siteWkt.size() > 1024 * 1024)
            bad("site_wkt", "is longer than 1 MB; upload a file instead");
        in.inputName = "site_wkt";
        in.inputSha256 = sha256Hex(in.request.siteWkt);
    }
    else
    {
        in.inputName = in.fileName;
        in.inputSha256 = sha256Hex(in.fileBytes);
    }
    ScreeningRequest check = in.request; // the file is stored later; check the rest now
    if (!in.fileBytes.empty())
        check.sitesPath = in.fileName;
    if (auto p = check.problem())
        bad(p->input, p->message);
    in.async = sv(request["Prefer"]).find("respond-async") != std::string_view::npos;
    in.parameters = parametersJson(in.request);
    return in;
}

} // namespace redline::service
