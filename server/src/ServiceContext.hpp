#pragma once
// What every service module shares: settings, the engine snapshot, the database (its path for
// per-thread readers, and the one writer), authentication, and the thread pool for uploads and
// asynchronous jobs. Owned by ServiceApp; the modules hold a reference.

#include <string>

#include <boost/asio/thread_pool.hpp>

#include "EngineHolder.hpp"
#include "ServiceConfig.hpp"
#include "auth/Authenticator.hpp"
#include "auth/RateLimiter.hpp"
#include "db/DbWriter.hpp"
#include "http/Http.hpp"
#include "reports/PdfReports.hpp"

namespace redline
{
class Registry;
}

namespace redline::service
{

struct ServiceContext
{
    const ServiceConfig& config;
    const Registry& registry;
    EngineHolder& engines;
    std::string dbPath;
    DbWriter& writer;
    Authenticator& auth;
    RateLimiter& userRate;
    boost::asio::thread_pool& jobs; // uploads, large inputs, asynchronous jobs
    boost::asio::thread_pool& slow; // Argon2id verifications (sign-in, first use of a token)
    std::string baseUrl;            // e.g. "http://127.0.0.1:8080", no trailing '/'
    PdfReports* pdf = nullptr;      // the PDF report's renderer; none: no PDF report
};

// Runs `work` and turns any exception into a 500 problem whose detail names an incident id;
// the exception's text goes to the log (stderr) only.
void guarded(const Respond& respond, const std::function<void()>& work);
[[nodiscard]] Response internalError(const std::exception* e);
[[nodiscard]] Response internalError(std::exception_ptr error);
// Logs the exception under a new incident id; returns the sentence a client may see.
[[nodiscard]] std::string logIncident(const std::exception* e);

[[nodiscard]] Response jsonResponse(http::status status, const std::string& body,
                                    const char* contentType = "application/json");

} // namespace redline::service
