// redline serve: the screening service (issue 11, DESIGN A5) on one store, loopback by default.

#include <memory>

#include <CLI/CLI.hpp>

#include "Commands.hpp"
#include "ServiceApp.hpp"
#ifdef REDLINE_SERVICE_PDF
#include "QtPdfReports.hpp"
#endif

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
