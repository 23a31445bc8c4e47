#pragma once
// `redline serve` settings: command-line options over an optional YAML file (--config), over
// safe defaults (loopback, limits on everything). See server/server.example.yaml.

#include <chrono>
#include <optional>
#include <string>

#include "auth/Authenticator.hpp"
#include "http/HttpLimits.hpp"

namespace redline::service
{

struct UploadLimits
{
    std::size_t unpackedBytes = 200 * 1024 * 1024; // everything a zip may unpack to
    std::size_t zipEntries = 256;
    double zipRatio = 200;        // unpacked / packed size of any entry (zip bombs)
    std::size_t maxSites = 20000; // sites per screening
};

struct ReportLimits
{
    std::size_t pdfMaxSites = 200; // sites in one PDF report (a page or more each)
    std::size_t pdfQueue = 16;     // PDF reports waiting for the renderer; then 503
};

struct ServiceConfig
{
    std::string zones;       // the store
    std::string analysisCrs; // empty: the store's default
    std::string listen = "127.0.0.1:8080";
    bool allowNonLoopback = false;       // binding elsewhere must be asked for explicitly
    std::string baseUrl;                 // links in responses; default http://<listen>
    std::string db;                      // default beside the store
    unsigned workers = 0;                // HTTP threads; 0: one per core
    unsigned jobWorkers = 1;             // threads for uploads and asynchronous jobs
    std::size_t inlineBytes = 64 * 1024; // larger inline inputs run on the job threads
    HttpLimits http;
    UploadLimits uploads;
    ReportLimits reports;
    double ratePerSecond = 20; // per user
    double rateBurst = 40;
    AuthSettings auth;
    bool ledgerSyncFull = true; // fsync the ledger at every commit
    // At most one ledger commit per interval (DbWriter): 4 ms turned some 1,300 commits of 1.5
    // screenings each per second into 170 of 12 at 2,000 screenings/s, halving the disk writes.
    std::chrono::milliseconds ledgerCommitInterval{4};
    std::string defaultRules = "rules.yongjia";
    std::string leafletDir = "/usr/share/javascript/leaflet"; // Debian's libjs-leaflet
    unsigned revisionPollSeconds = 5; // how often a store with revisions is checked; 0: never
};

// Reads the YAML file into `config` (keys as in server.example.yaml). Throws ConfigError naming
// the file and the key.
void loadConfigFile(const std::string& path, ServiceConfig& config);

} // namespace redline::service
