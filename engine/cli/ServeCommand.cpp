// redline serve: the screening service (issue 11, DESIGN A5) on one store, loopback by default.
// Where the viewer was built, `redline-service` beside this program is the same program with the
// PDF report (Qt): `redline serve` executes it in its own place (same process id, arguments and
// environment), so that no other subcommand loads Qt.

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "Commands.hpp"
#include "ServiceApp.hpp"
#ifdef REDLINE_SERVICE_PDF
#include "QtPdfReports.hpp"
#endif

namespace
{

#ifndef REDLINE_SERVICE_PDF
// Replaces this process with `redline-service` from this program's folder, with the same
// arguments (read back from /proc/self/cmdline); returns only when there is none to run.
void runServiceProgramIfBuilt()
{
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec)
        return;
    const std::string service = (self.parent_path() / "redline-service").string();
    if (::access(service.c_str(), X_OK) != 0)
        return;
    std::ifstream in("/proc/self/cmdline", std::ios::binary);
    const std::string cmdline{std::istreambuf_iterator<char>(in), {}};
    std::vector<std::string> args;
    for (std::size_t at = 0; at < cmdline.size();)
    {
        const std::size_t end = cmdline.find('\0', at);
        args.push_back(cmdline.substr(at, end - at));
        at = end == std::string::npos ? cmdline.size() : end + 1;
    }
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(service.c_str(), argv.data()); // returns only on failure
    std::cerr << "redline: could not start " << service << " (" << std::strerror(errno)
              << "); serving without the PDF report.\n";
}
#endif

} // namespace

void addServeCommand(CLI::App& app, const redline::Registry& registry, int& exitCode)
{
    struct Args
    {
        std::string config;
        redline::service::ServiceConfig settings;
        std::string zones, listen, db, baseUrl;
        unsigned workers = 0;
    };
    auto args = std::make_shared<Args>();
    auto* sub = app.add_subcommand(
        "serve", "Serve screening (OGC API - Processes) and the zoning (OGC API - Features)");
    sub->add_option("--zones", args->zones, "Zoning store: GeoPackage or catalog.yaml");
    sub->add_option("--listen", args->listen,
                    "HOST:PORT to listen on (default 127.0.0.1:8080; "
                    "port 0 picks a free one)");
    sub->add_option("--config", args->config, "YAML settings (see server/server.example.yaml)");
    sub->add_option("--db", args->db,
                    "Service database (default <store>.redline.sqlite beside "
                    "the store)");
    sub->add_option("--base-url", args->baseUrl, "Public URL for links (behind a TLS proxy)");
    sub->add_option("--workers", args->workers, "HTTP threads (default: one per core)");
    sub->callback(
        [args, &registry, &exitCode]
        {
#ifndef REDLINE_SERVICE_PDF
            runServiceProgramIfBuilt();
#endif
            auto c = args->settings;
            if (!args->config.empty())
                redline::service::loadConfigFile(args->config, c);
            if (!args->zones.empty())
                c.zones = args->zones;
            if (!args->listen.empty())
                c.listen = args->listen;
            if (!args->db.empty())
                c.db = args->db;
            if (!args->baseUrl.empty())
                c.baseUrl = args->baseUrl;
            if (args->workers)
                c.workers = args->workers;
#ifdef REDLINE_SERVICE_PDF
            redline::service::QtPdfReports pdf(c.reports.pdfQueue);
            exitCode = redline::service::runService(c, registry, &pdf);
#else
            exitCode = redline::service::runService(c, registry);
#endif
        });
}
