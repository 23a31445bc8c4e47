#include "ServiceConfig.hpp"

#include <set>

#include <yaml-cpp/yaml.h>

#include "redline/core/Error.hpp"

namespace redline::service
{

namespace
{

template <typename T>
void read(const YAML::Node& node, const char* key, T& into, const std::string& where)
{
    if (!node[key])
        return;
    try
    {
        into = node[key].as<T>();
    }
    catch (const YAML::Exception&)
    {
        throw ConfigError(where + ": '" + key + "' has a value of the wrong type.");
    }
}

void checkKeys(const YAML::Node& node, const std::set<std::string>& known, const std::string& where)
{
    for (const auto& kv : node)
    {
        const auto key = kv.first.as<std::string>();
        if (!known.count(key))
            throw ConfigError(where + ": unknown key '" + key + "'.");
    }
}

} // namespace

void loadConfigFile(const std::string& path, ServiceConfig& c)
{
    YAML::Node root;
    try
    {
        root = YAML::LoadFile(path);
    }
    catch (const YAML::Exception& e)
    {
        throw ConfigError(path + ": not a readable YAML file (" + e.msg + ").");
    }
    if (!root.IsMap())
        throw ConfigError(path + ": expected a mapping of settings.");
    checkKeys(root,
              {"zones", "analysis_crs", "listen", "allow_non_loopback", "base_url", "db", "workers",
               "job_workers", "inline_bytes", "limits", "uploads", "reports", "rate_limit", "auth",
               "ledger", "rules", "leaflet_dir", "revision_poll_s"},
              path);
    read(root, "zones", c.zones, path);
    read(root, "analysis_crs", c.analysisCrs, path);
    read(root, "listen", c.listen, path);
    read(root, "allow_non_loopback", c.allowNonLoopback, path);
    read(root, "base_url", c.baseUrl, path);
    read(root, "db", c.db, path);
    read(root, "workers", c.workers, path);
    read(root, "job_workers", c.jobWorkers, path);
    read(root, "inline_bytes", c.inlineBytes, path);
    read(root, "rules", c.defaultRules, path);
    read(root, "leaflet_dir", c.leafletDir, path);
    read(root, "revision_poll_s", c.revisionPollSeconds, path);
    if (const auto l = root["limits"])
    {
        const std::string where = path + " limits";
        checkKeys(l,
                  {"body_bytes", "header_bytes", "read_timeout_s", "write_timeout_s",
                   "keep_alive_s", "keep_alive_requests", "max_connections"},
                  where);
        read(l, "body_bytes", c.http.bodyBytes, where);
        read(l, "header_bytes", c.http.headerBytes, where);
        long s = c.http.readTimeout.count();
        read(l, "read_timeout_s", s, where);
        c.http.readTimeout = std::chrono::seconds(s);
        s = c.http.writeTimeout.count();
        read(l, "write_timeout_s", s, where);
        c.http.writeTimeout = std::chrono::seconds(s);
        s = c.http.keepAlive.count();
        read(l, "keep_alive_s", s, where);
        c.http.keepAlive = std::chrono::seconds(s);
        read(l, "keep_alive_requests", c.http.keepAliveRequests, where);
        read(l, "max_connections", c.http.maxConnections, where);
    }
    if (const auto u = root["uploads"])
    {
        const std::string where = path + " uploads";
        checkKeys(u, {"unpacked_bytes", "zip_entries", "zip_ratio", "max_sites"}, where);
        read(u, "unpacked_bytes", c.uploads.unpackedBytes, where);
        read(u, "zip_entries", c.uploads.zipEntries, where);
        read(u, "zip_ratio", c.uploads.zipRatio, where);
        read(u, "max_sites", c.uploads.maxSites, where);
    }
    if (const auto r = root["reports"])
    {
        const std::string where = path + " reports";
        checkKeys(r, {"pdf_max_sites", "pdf_queue"}, where);
        read(r, "pdf_max_sites", c.reports.pdfMaxSites, where);
        read(r, "pdf_queue", c.reports.pdfQueue, where);
    }
    if (const auto r = root["rate_limit"])
    {
        const std::string where = path + " rate_limit";
        checkKeys(r, {"per_second", "burst"}, where);
        read(r, "per_second", c.ratePerSecond, where);
        read(r, "burst", c.rateBurst, where);
    }
    if (const auto a = root["auth"])
    {
        const std::string where = path + " auth";
        checkKeys(a,
                  {"token_cache_s", "session_idle_min", "session_idle_s", "session_hours",
                   "secure_cookie", "failures_per_minute", "failure_burst", "concurrent_hashes"},
                  where);
        long v = c.auth.tokenCacheTtl.count();
        read(a, "token_cache_s", v, where);
        c.auth.tokenCacheTtl = std::chrono::seconds(v);
        v = c.auth.sessionIdle.count() / 60;
        read(a, "session_idle_min", v, where);
        c.auth.sessionIdle = std::chrono::seconds(v * 60);
        if (a["session_idle_s"]) // finer than minutes (tests of expiry)
        {
            if (a["session_idle_min"])
                throw ConfigError(where + ": give session_idle_min or session_idle_s, not both.");
            v = c.auth.sessionIdle.count();
            read(a, "session_idle_s", v, where);
            if (v < 1)
                throw ConfigError(where + ": session_idle_s must be at least 1.");
            c.auth.sessionIdle = std::chrono::seconds(v);
        }
        v = c.auth.sessionAbsolute.count() / 3600;
        read(a, "session_hours", v, where);
        c.auth.sessionAbsolute = std::chrono::seconds(v * 3600);
        read(a, "secure_cookie", c.auth.secureCookie, where);
        read(a, "failures_per_minute", c.auth.failuresPerMinute, where);
        read(a, "failure_burst", c.auth.failureBurst, where);
        read(a, "concurrent_hashes", c.auth.maxConcurrentHashes, where);
    }
    if (const auto g = root["ledger"])
    {
        const std::string where = path + " ledger";
        checkKeys(g, {"synchronous", "commit_interval_ms"}, where);
        std::string sync = c.ledgerSyncFull ? "full" : "normal";
        read(g, "synchronous", sync, where);
        if (sync != "full" && sync != "normal")
            throw ConfigError(where + ": synchronous must be full or normal.");
        c.ledgerSyncFull = sync == "full";
        int interval = static_cast<int>(c.ledgerCommitInterval.count());
        read(g, "commit_interval_ms", interval, where);
        if (interval < 0 || interval > 1000)
            throw ConfigError(where + ": commit_interval_ms must be between 0 and 1000.");
        c.ledgerCommitInterval = std::chrono::milliseconds(interval);
    }
}

} // namespace redline::service
