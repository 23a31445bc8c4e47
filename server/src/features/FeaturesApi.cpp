#include "features/FeaturesApi.hpp"

#include <charconv>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

#include "db/ThreadDb.hpp"
#include "http/Problem.hpp"
#include "processes/JobsApi.hpp"
#include "util/Clock.hpp"

namespace redline::service
{

namespace
{

using nlohmann::json;

constexpr const char* kCrs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
constexpr std::size_t kDefaultLimit = 10;
constexpr std::size_t kMaxLimit = 10000;

Response badParameter(const std::string& detail)
{
    return problemResponse(http::status::bad_request, problem::kInvalidParameter, detail);
}

Response noSuchCollection(const std::string& id)
{
    return problemResponse(http::status::not_found, problem::kNotFound,
                           "There is no collection '" + id + "'.");
}

// Only `f=json` (or geojson) is served; other parameters a client may send are checked by name.
std::optional<Response> checkParameters(const Target& t, const std::set<std::string>& allowed)
{
    for (const auto& [name, value] : t.query)
    {
        if (!allowed.count(name) && name != "f")
            return badParameter("Unknown query parameter '" + name + "'.");
        if (name == "f" && value != "json" && value != "geojson")
            return badParameter("Only f=json is served.");
        if ((name == "crs" || name == "bbox-crs") && value != kCrs84)
            return badParameter("Only " + std::string(kCrs84) + " is served.");
    }
    return std::nullopt;
}

std::optional<Envelope> parseBbox(const std::string& text)
{
    std::vector<double> v;
    std::size_t start = 0;
    while (start <= text.size())
    {
        const std::size_t comma = text.find(',', start);
        const std::string item = text.substr(start, comma - start);
        double d = 0;
        const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), d);
        if (ec != std::errc() || end != item.data() + item.size() || !std::isfinite(d))
            return std::nullopt;
        v.push_back(d);
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    if (v.size() == 6) // minx, miny, minz, maxx, maxy, maxz
        v = {v[0], v[1], v[3], v[4]};
    if (v.size() != 4 || v[0] > v[2] || v[1] > v[3])
        return std::nullopt;
    return Envelope{v[0], v[1], v[2], v[3]};
}

json bboxJson(const Envelope& e)
{
    if (e.isEmpty())
        return json::array({json::array({-180, -90, 180, 90})});
    return json::array({json::array({e.minX, e.minY, e.maxX, e.maxY})});
}

json collectionJson(const std::string& base, const std::string& id, const std::string& title,
                    const std::string& description, const std::optional<Envelope>& extent)
{
    const std::string self = base + "/collections/" + id;
    json c = {
        {"id", id},
        {"title", title},
        {"description", description},
        {"itemType", "feature"},
        {"crs", json::array({kCrs84})},
        {"links", json::array({{{"href", self}, {"rel", "self"}, {"type", "application/json"}},
                               {{"href", self + "/items"},
                                {"rel", "items"},
                                {"type", "application/geo+json"},
                                {"title", title}}})}};
    if (extent)
        c["extent"] = {{"spatial", {{"bbox", bboxJson(*extent)}, {"crs", kCrs84}}}};
    return c;
}

std::string pageLinks(const std::string& itemsUrl, const Target& t, std::size_t limit,
                      std::size_t offset, std::size_t returned, std::size_t matched)
{
    std::string query;
    if (const auto* b = t.param("bbox"))
        query += "&bbox=" + percentEncode(*b);
    const auto link = [&](const char* rel, std::size_t off)
    {
        return json{{"href", itemsUrl + "?limit=" + std::to_string(limit) +
                                 "&offset=" + std::to_string(off) + query},
                    {"rel", rel},
                    {"type", "application/geo+json"}}
            .dump();
    };
    std::string links = "[" + link("self", offset);
    if (offset + returned < matched)
        links += "," + link("next", offset + limit);
    if (offset > 0)
        links += "," + link("prev", offset > limit ? offset - limit : 0);
    return links + "]";
}

std::string featureCollection(const std::vector<const std::string*>& features, std::size_t matched,
                              const std::string& links)
{
    std::string out = "{\"type\":\"FeatureCollection\",\"features\":[";
    for (std::size_t i = 0; i < features.size(); ++i)
    {
        if (i)
            out.push_back(',');
        out += *features[i];
    }
    out += "],\"numberMatched\":" + std::to_string(matched) +
           ",\"numberReturned\":" + std::to_string(features.size()) + ",\"timeStamp\":\"" +
           nowRfc3339() + "\",\"links\":" + links + "}";
    return out;
}

// The screened-sites query: who may see what, and the bbox filter.
struct SitesQuery
{
    std::string where;
    std::optional<std::string> user;
    std::optional<Envelope> bbox;
    std::optional<std::string> jobId;
};

SitesQuery sitesQuery(const Principal& who, const std::optional<Envelope>& bbox,
                      const std::string* jobId = nullptr)
{
    SitesQuery q;
    q.where = " FROM ledger_sites s JOIN ledger l ON l.id = s.ledger_id JOIN jobs j ON "
              "j.id = l.job_id WHERE j.status <> 'dismissed' AND (?1 IS NULL OR l.user_name = "
              "?1) AND (?2 IS NULL OR (s.max_lon >= ?2 AND s.min_lon <= ?4 AND s.max_lat >= ?3 "
              "AND s.min_lat <= ?5)) AND (?8 IS NULL OR l.job_id = ?8)";
    if (!readsEverySite(who.role))
        q.user = who.name;
    q.bbox = bbox;
    if (jobId)
        q.jobId = *jobId;
    return q;
}

void bindSites(Statement& s, const SitesQuery& q)
{
    s.bind(1, q.user);
    if (q.bbox)
        s.bind(2, q.bbox->minX).bind(3, q.bbox->minY).bind(4, q.bbox->maxX).bind(5, q.bbox->maxY);
    else
        s.bindNull(2).bindNull(3).bindNull(4).bindNull(5);
    s.bind(8, q.jobId);
}

std::string siteFeature(const Statement& s)
{
    json props = {{"site_id", s.text(1)},     {"name", s.text(2)},
                  {"verdict", s.text(3)},     {"job_id", s.text(5)},
                  {"screened_at", s.text(6)}, {"user", s.text(7)},
                  {"input_name", s.text(8)},  {"rule_set_version", s.text(9)}};
    const std::string geometry = s.isNull(4) ? "null" : s.text(4);
    return "{\"type\":\"Feature\",\"id\":" + std::to_string(s.integer(0)) +
           ",\"geometry\":" + geometry +
           ",\"properties\":" + props.dump(-1, ' ', false, json::error_handler_t::replace) + "}";
}

constexpr const char* kSiteColumns =
    "SELECT s.rowid, s.site_id, s.name, s.verdict, s.geometry, l.job_id, l.screened_at, "
    "l.user_name, COALESCE(l.input_name, ''), COALESCE(l.rule_set_version, '')";

} // namespace

Response FeaturesApi::collections(const Target& target, const Principal&)
{
    if (auto bad = checkParameters(target, {}))
        return *bad;
    const auto snap = m_ctx.engines.current();
    json list = json::array();
    for (const auto& c : snap->features->collections())
        list.push_back(collectionJson(m_ctx.baseUrl, c.id, c.title,
                                      "Zoning layer '" + c.id + "' (kind " + c.kind + ")",
                                      c.lonLat));
    list.push_back(collectionJson(m_ctx.baseUrl, kSitesCollection, "已筛查项目",
                                  "Sites screened through this service (yours, or everyone's "
                                  "for reviewers, planners and admins)",
                                  std::nullopt));
    const json doc = {{"collections", list},
                      {"links", json::array({{{"href", m_ctx.baseUrl + "/collections"},
                                              {"rel", "self"},
                                              {"type", "application/json"}}})}};
    return jsonResponse(http::status::ok, doc.dump(-1, ' ', false, json::error_handler_t::replace));
}

Response FeaturesApi::collection(const std::string& id, const Target& target, const Principal&)
{
    if (auto bad = checkParameters(target, {}))
        return *bad;
    if (id == kSitesCollection)
        return jsonResponse(http::status::ok,
                            collectionJson(m_ctx.baseUrl, id, "已筛查项目",
                                           "Sites screened through this service", std::nullopt)
                                .dump(-1, ' ', false, json::error_handler_t::replace));
    const auto snap = m_ctx.engines.current();
    const auto* c = snap->features->find(id);
    if (!c)
        return noSuchCollection(id);
    return jsonResponse(http::status::ok,
                        collectionJson(m_ctx.baseUrl, c->id, c->title,
                                       "Zoning layer '" + c->id + "' (kind " + c->kind + ")",
                                       c->lonLat)
                            .dump(-1, ' ', false, json::error_handler_t::replace));
}

Response FeaturesApi::items(const std::string& id, const Target& target, const Principal& who)
{
    // screened_sites also filters on its job_id property (OGC API - Features Core 7.15.5).
    if (auto bad = id == kSitesCollection
                       ? checkParameters(target, {"limit", "offset", "bbox", "bbox-crs", "crs",
                                                  "datetime", "job_id"})
                       : checkParameters(
                             target, {"limit", "offset", "bbox", "bbox-crs", "crs", "datetime"}))
        return *bad;
    const auto paging = readPaging(target, kDefaultLimit, kMaxLimit);
    if (!paging)
        return badParameter("limit must be 1–10000 and offset a whole number.");
    std::optional<Envelope> bbox;
    if (const auto* b = target.param("bbox"))
    {
        bbox = parseBbox(*b);
        if (!bbox)
            return badParameter("bbox must be minLon,minLat,maxLon,maxLat.");
    }
    const std::string itemsUrl = m_ctx.baseUrl + "/collections/" + id + "/items";

    if (id == kSitesCollection)
    {
        Database& db = threadDb(m_ctx.dbPath);
        const SitesQuery q = sitesQuery(who, bbox, target.param("job_id"));
        auto count = db.prepare("SELECT COUNT(*)" + q.where);
        bindSites(count, q);
        count.step();
        const auto matched = static_cast<std::size_t>(count.integer(0));
        auto rows = db.prepare(std::string(kSiteColumns) + q.where +
                               " ORDER BY s.rowid LIMIT ?6 OFFSET ?7");
        bindSites(rows, q);
        rows.bind(6, static_cast<std::int64_t>(paging->limit))
            .bind(7, static_cast<std::int64_t>(paging->offset));
        std::vector<std::string> features;
        while (rows.step())
            features.push_back(siteFeature(rows));
        std::vector<const std::string*> refs;
        for (const auto& f : features)
            refs.push_back(&f);
        return jsonResponse(http::status::ok,
                            featureCollection(refs, matched,
                                              pageLinks(itemsUrl, target, paging->limit,
                                                        paging->offset, refs.size(), matched)),
                            "application/geo+json");
    }

    const auto snap = m_ctx.engines.current();
    const auto* c = snap->features->find(id);
    if (!c)
        return noSuchCollection(id);
    std::vector<const std::string*> page;
    std::size_t matched = 0;
    for (const auto& f : c->features)
    {
        if (bbox && !f.lonLat.intersects(*bbox))
            continue;
        if (matched >= paging->offset && page.size() < paging->limit)
            page.push_back(&f.json);
        ++matched;
    }
    return jsonResponse(http::status::ok,
                        featureCollection(page, matched,
                                          pageLinks(itemsUrl, target, paging->limit, paging->offset,
                                                    page.size(), matched)),
                        "application/geo+json");
}

Response FeaturesApi::item(const std::string& id, const std::string& fid, const Target& target,
                           const Principal& who)
{
    if (auto bad = checkParameters(target, {"crs"}))
        return *bad;
    std::int64_t key = 0;
    const auto [end, ec] = std::from_chars(fid.data(), fid.data() + fid.size(), key);
    const bool numeric = ec == std::errc() && end == fid.data() + fid.size();
    const auto notFound = problemResponse(http::status::not_found, problem::kNotFound,
                                          "There is no feature '" + fid + "' in '" + id + "'.");
    if (id == kSitesCollection)
    {
        if (!numeric)
            return notFound;
        const SitesQuery q = sitesQuery(who, std::nullopt);
        auto row = threadDb(m_ctx.dbPath)
                       .prepare(std::string(kSiteColumns) + q.where + " AND s.rowid = ?6");
        bindSites(row, q);
        row.bind(6, key);
        if (!row.step())
            return notFound;
        return jsonResponse(http::status::ok, siteFeature(row), "application/geo+json");
    }
    const auto snap = m_ctx.engines.current();
    const auto* c = snap->features->find(id);
    if (!c)
        return noSuchCollection(id);
    if (numeric)
        for (const auto& f : c->features)
            if (f.id == key)
                return jsonResponse(http::status::ok, f.json, "application/geo+json");
    return notFound;
}

} // namespace redline::service
