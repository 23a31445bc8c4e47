#pragma once
// `redline serve`: wires the engine facade, the service database and the HTTP listener, and
// routes requests to the thin services (STYLE A8): ApiDocs, Screenings, JobsApi, FeaturesApi,
// AuthApi. Each request is authenticated (a cached token or a session cookie on the I/O thread;
// a first-seen token's Argon2id check on the `slow` pool), rate-limited per user (429), checked
// for its CSRF token when it comes from a browser session, and answered; any exception becomes
// a 500 naming an incident id, its text only in the log.
//
// Start-up: opens (or creates) the service database, marks jobs a dead process left running as
// failed (with a ledger entry), loads the store once, keeps only the GDAL drivers the site
// formats need, then listens (loopback unless allowed otherwise) and prints
// "redline serve: listening on http://HOST:PORT" on stdout. SIGINT/SIGTERM stop it: no new
// connections, the ledger writer drains, asynchronous jobs still running are failed at the next
// start.

#include "ServiceConfig.hpp"

namespace redline
{
class Registry;
}

namespace redline::service
{

class PdfReports;

// Runs until SIGINT or SIGTERM; returns the process exit code. Throws ConfigError / IoError for
// an unusable configuration, store or database. `pdf` renders the PDF reports (none: the
// service offers none); it is stopped before the HTTP threads end.
int runService(ServiceConfig config, const Registry& registry, PdfReports* pdf = nullptr);

} // namespace redline::service
