#include "web/WebPage.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "redline/analysis/Verdict.hpp"
#include "redline/rules/ProjectAttributeMapping.hpp"
#include "redline/rules/Terms.hpp"

#include "features/FeatureCatalog.hpp"
#include "symbology/ZonePalette.hpp"
#include "web/WebText.hpp"

namespace redline::service
{

namespace
{

using nlohmann::json;

std::string css(const Rgba& c)
{
    char out[48];
    std::snprintf(out, sizeof out, "rgba(%d,%d,%d,%.3f)", c.r, c.g, c.b, c.a / 255.0);
    return out;
}

json symbolJson(const ZoneSymbol& s)
{
    return {{"label", s.label},
            {"fill", css(s.fill)},
            {"stroke", css(s.stroke)},
            {"dashed", s.dash != DashPattern::Solid},
            {"hatched", s.hatch != HatchPattern::None}};
}

json termsJson(const char* domain)
{
    json list = json::array();
    if (const TermDomain* d = findTermDomain(domain))
        for (const auto& t : d->terms)
            list.push_back({{"value", t.value}, {"zh", t.zh}});
    return list;
}

// The yes/no project attributes of the rule set, with their Chinese names; `opt_in`: not stated
// counts as no (the others: unknown).
json flagsJson(const Vocabulary& vocabulary)
{
    json flags = json::array();
    for (const std::string& name : vocabulary.flags)
        flags.push_back({{"name", name},
                         {"zh", attributeNameZh(name)},
                         {"opt_in", vocabulary.optInFlags.count(name) != 0}});
    return flags;
}

std::string configDocument(const FeatureCatalog& zoning, const Vocabulary& vocabulary,
                           bool pdfReport)
{
    json layers = json::array();
    for (const auto& c : zoning.collections())
    {
        const ZoneStyle style = zoneStyle(c.kind, c.id);
        json classes = json::object();
        for (const auto& k : style.classes)
            classes[k.value] = symbolJson(k.symbol);
        layers.push_back({{"id", c.id},
                          {"title", style.title.empty() ? c.title : style.title},
                          {"kind", c.kind},
                          {"order", zoneDrawOrder(c.kind)},
                          {"class_field", style.classField},
                          {"classes", classes},
                          {"base", symbolJson(style.base)},
                          {"label_field", style.labelField}});
    }
    std::stable_sort(layers.begin(), layers.end(),
                     [](const json& a, const json& b)
                     { return a["order"].get<int>() < b["order"].get<int>(); });
    json verdicts = json::object();
    for (Verdict v : {Verdict::Prohibited, Verdict::Restricted, Verdict::NeedsReview,
                      Verdict::Allowed, Verdict::Error})
        verdicts[toString(v)] = {{"zh", toChinese(v)}, {"color", css(verdictRgba(v))}};
    const json doc = {{"vocabulary",
                       {{"project_type", termsJson("project_type")},
                        {"construction", termsJson("construction")},
                        {"flags", flagsJson(vocabulary)}}},
                      {"verdicts", verdicts},
                      {"layers", layers},
                      {"pdf_report", pdfReport}};
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<std::string> readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

} // namespace

WebPage::WebPage(const std::string& leafletDir, const FeatureCatalog& zoning,
                 const Vocabulary& vocabulary, bool pdfReport)
{
    m_files["app.js"] = {"text/javascript; charset=utf-8", kWebAppJs};
    m_files["app.css"] = {"text/css; charset=utf-8", kWebAppCss};
    m_files["config.json"] = {"application/json", configDocument(zoning, vocabulary, pdfReport)};
    const std::filesystem::path dir(leafletDir);
    for (const char* name :
         {"leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png",
          "images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png"})
    {
        const std::string n(name);
        if (auto bytes = readFile(dir / n))
            m_files["leaflet/" + n] = {n.ends_with(".js")    ? "text/javascript; charset=utf-8"
                                       : n.ends_with(".css") ? "text/css; charset=utf-8"
                                                             : "image/png",
                                       std::move(*bytes)};
    }
    if (!hasLeaflet())
        std::cerr << "redline serve: Leaflet not found in " << leafletDir
                  << " (Debian package libjs-leaflet); the web page has no map\n";
}

Response WebPage::page() const
{
    Response r = makeResponse(http::status::ok, "text/html; charset=utf-8", kWebIndexHtml);
    // Everything comes from this service; Leaflet positions its panes with inline styles.
    r.set("Content-Security-Policy",
          "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
          "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'");
    return r;
}

std::optional<Response> WebPage::file(const std::vector<std::string>& segments) const
{
    std::string path;
    for (std::size_t i = 1; i < segments.size(); ++i)
        path += (i > 1 ? "/" : "") + segments[i];
    const auto it = m_files.find(path);
    if (it == m_files.end())
        return std::nullopt;
    Response r = makeResponse(http::status::ok, it->second.contentType, it->second.bytes);
    if (path.starts_with("leaflet/"))
        r.set(http::field::cache_control, "public, max-age=86400");
    return r;
}

bool prefersHtml(const Request& request, const std::string* formatParameter)
{
    if (formatParameter)
        return *formatParameter == "html";
    const std::string_view accept = sv(request[http::field::accept]);
    const auto html = accept.find("text/html");
    if (html == std::string_view::npos)
        return false;
    const auto json = accept.find("json");
    return json == std::string_view::npos || html < json;
}

} // namespace redline::service
