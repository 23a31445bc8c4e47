#include "ServiceApp.hpp"

#include <iostream>
#include <optional>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include "redline/api/UntrustedInput.hpp"
#include "redline/cache/StoreCache.hpp"
#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"
#include "redline/pg/ConnectionString.hpp"

#include "ApiDocs.hpp"
#include "AuthApi.hpp"
#include "RevisionWatch.hpp"
#include "ServiceContext.hpp"
#include "auth/AccountDb.hpp"
#include "auth/Crypto.hpp"
#include "db/ServiceDb.hpp"
#include "features/FeaturesApi.hpp"
#include "http/HttpServer.hpp"
#include "http/Problem.hpp"
#include "http/Target.hpp"
#include "jobs/JobStore.hpp"
#include "processes/JobsApi.hpp"
#include "processes/ProcessDescription.hpp"
#include "processes/Screenings.hpp"
#include "util/Clock.hpp"
#include "web/WebPage.hpp"

namespace redline::service
{

namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace
{

tcp::endpoint parseListen(const std::string& listen, bool allowNonLoopback)
{
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos)
        throw ConfigError("--listen '" + listen + "' must be HOST:PORT (e.g. 127.0.0.1:8080).");
    std::string host = listen.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    const auto port = parseInteger(std::string_view(listen).substr(colon + 1));
    if (!port || *port < 0 || *port > 65535)
        throw ConfigError("--listen '" + listen + "': the port must be 0–65535.");
    boost::system::error_code ec;
    const auto address = net::ip::make_address(host == "localhost" ? "127.0.0.1" : host, ec);
    if (ec)
        throw ConfigError("--listen '" + listen + "': '" + host + "' is not an IP address.");
    if (!address.is_loopback() && !allowNonLoopback)
        throw ConfigError("--listen " + listen +
                          " is not a loopback address: serve through the TLS proxy (see the "
                          "README), or set allow_non_loopback: true in the configuration.");
    return {address, static_cast<unsigned short>(*port)};
}

class Router final : public RequestHandler
{
  public:
    Router(ServiceContext& ctx, const WebPage& web)
        : m_ctx(ctx), m_web(web), m_screenings(ctx), m_jobs(ctx), m_features(ctx), m_auth(ctx)
    {
    }

    void handle(Request request, const Peer& peer, Respond respond) override
    {
        guarded(respond, [&] { route(std::move(request), peer, respond); });
    }

  private:
    static Response methodNotAllowed(const char* allow)
    {
        Response r = problemResponse(http::status::method_not_allowed, problem::kMethod,
                                     std::string("Allowed: ") + allow + ".");
        r.set(http::field::allow, allow);
        return r;
    }

    void route(Request request, const Peer& peer, const Respond& respond)
    {
        const auto raw = request.target();
        const auto target = Target::parse(std::string_view(raw.data(), raw.size()));
        if (!target)
            return respond(problemResponse(http::status::bad_request, problem::kInvalidParameter,
                                           "The request target is malformed."));
        const auto& s = target->segments;
        const auto method = request.method();
        const bool get = method == http::verb::get;

        // Public: what a client needs to discover the API.
        if (s.empty() || (s.size() == 1 && (s[0] == "conformance" || s[0] == "api")))
        {
            if (!get)
                return respond(methodNotAllowed("GET"));
            if (s.empty() && prefersHtml(request, target->param("f")))
                return respond(m_web.page());
            if (s.empty())
                return respond(jsonResponse(http::status::ok, landingDocument(m_ctx.baseUrl)));
            if (s[0] == "conformance")
                return respond(jsonResponse(http::status::ok, conformanceDocument()));
            return respond(jsonResponse(http::status::ok, openApiDocument(m_ctx.baseUrl),
                                        "application/vnd.oai.openapi+json;version=3.0"));
        }
        if (s[0] == "web")
        {
            if (!get)
                return respond(methodNotAllowed("GET"));
            if (auto file = m_web.file(s))
                return respond(std::move(*file));
            return respond(problemResponse(http::status::not_found, problem::kNotFound,
                                           "There is no resource at this path."));
        }
        if (s.size() == 2 && s[0] == "auth" && s[1] == "login")
        {
            if (method != http::verb::post)
                return respond(methodNotAllowed("POST"));
            const std::string_view origin = sv(request[http::field::origin]);
            if (!origin.empty() && origin != m_ctx.baseUrl)
                return respond(problemResponse(http::status::forbidden, problem::kForbidden,
                                               "Sign-ins from another origin are refused."));
            auto shared = std::make_shared<Request>(std::move(request));
            net::post(m_ctx.slow, [this, shared, peer, respond]
                      { guarded(respond, [&] { respond(m_auth.login(*shared, peer)); }); });
            return;
        }

        AuthResult auth = m_ctx.auth.authenticate(request, peer, false);
        if (auth.status == AuthStatus::NeedsSlowCheck)
        {
            auto shared = std::make_shared<Request>(std::move(request));
            auto t = std::make_shared<Target>(*target);
            net::post(m_ctx.slow,
                      [this, shared, t, peer, respond]
                      {
                          guarded(respond,
                                  [&]
                                  {
                                      const AuthResult slow =
                                          m_ctx.auth.authenticate(*shared, peer, true);
                                      authorised(*shared, *t, slow, respond);
                                  });
                      });
            return;
        }
        authorised(request, *target, auth, respond);
    }

    void authorised(const Request& request, const Target& target, const AuthResult& auth,
                    const Respond& respond)
    {
        if (auth.status == AuthStatus::Throttled)
        {
            Response r = problemResponse(http::status::too_many_requests, problem::kTooMany,
                                         "Too many failed sign-ins from this address.");
            r.set(http::field::retry_after, std::to_string(static_cast<long>(auth.retryAfter) + 1));
            return respond(std::move(r));
        }
        if (auth.status != AuthStatus::Ok)
        {
            Response r = problemResponse(
                http::status::unauthorized, problem::kUnauthorized,
                auth.status == AuthStatus::Missing
                    ? "Sign in, or send Authorization: Bearer <token> (redline users token)."
                    : "The token or session is not valid (expired, revoked or mistyped).");
            r.set(http::field::www_authenticate, "Bearer realm=\"redline\"");
            return respond(std::move(r));
        }
        const Principal& who = auth.principal;
        double retry = 0;
        if (!m_ctx.userRate.take(std::to_string(who.userId), &retry))
        {
            Response r = problemResponse(http::status::too_many_requests, problem::kTooMany,
                                         "Too many requests for this account; slow down.");
            r.set(http::field::retry_after, std::to_string(static_cast<long>(retry) + 1));
            return respond(std::move(r));
        }
        // Browser forms carry the CSRF token in the body: the screening checks it there.
        const bool form = sv(request[http::field::content_type]).starts_with("multipart/form-data");
        if (!form && !m_ctx.auth.csrfSatisfied(who, request, nullptr))
            return respond(problemResponse(http::status::forbidden, problem::kForbidden,
                                           "The request lacks the session's CSRF token "
                                           "(X-CSRF-Token)."));
        dispatch(request, target, who, respond);
    }

    void dispatch(const Request& request, const Target& target, const Principal& who,
                  const Respond& respond)
    {
        const auto& s = target.segments;
        const auto method = request.method();
        const bool get = method == http::verb::get;
        const auto& base = m_ctx.baseUrl;
        const auto notFound = [&]
        {
            respond(problemResponse(http::status::not_found, problem::kNotFound,
                                    "There is no resource at this path."));
        };

        if (s[0] == "processes")
        {
            if (s.size() == 1)
                return get ? respond(jsonResponse(http::status::ok, processListDocument(base)))
                           : respond(methodNotAllowed("GET"));
            if (s[1] != "screen")
                return respond(problemResponse(http::status::not_found, problem::kNoSuchProcess,
                                               "There is no process '" + s[1] + "'."));
            if (s.size() == 2)
                return get ? respond(
                                 jsonResponse(http::status::ok, processDescriptionDocument(base)))
                           : respond(methodNotAllowed("GET"));
            if (s.size() == 3 && s[2] == "execution")
            {
                if (method != http::verb::post)
                    return respond(methodNotAllowed("POST"));
                return m_screenings.execute(request, who, respond);
            }
            return notFound();
        }
        if (s[0] == "jobs")
        {
            if (s.size() == 1)
                return get ? respond(m_jobs.list(target, who)) : respond(methodNotAllowed("GET"));
            if (s.size() == 2)
            {
                if (get)
                    return respond(m_jobs.status(s[1], who));
                if (method == http::verb::delete_)
                    return respond(m_jobs.dismiss(s[1], who));
                return respond(methodNotAllowed("GET, DELETE"));
            }
            if (!get)
                return respond(methodNotAllowed("GET"));
            if (s.size() == 3 && s[2] == "results")
                return respond(m_jobs.results(s[1], "json", who));
            if (s.size() == 4 && s[2] == "results" && s[3].rfind("report.", 0) == 0)
            {
                const std::string format = s[3].substr(7);
                if (format == "csv" || format == "geojson" || format == "json")
                    return respond(m_jobs.results(s[1], format, who));
                if (format == "html")
                    return m_jobs.htmlReport(s[1], who, respond);
                if (format == "pdf")
                    return m_jobs.pdfReport(s[1], who, respond);
            }
            return notFound();
        }
        if (s[0] == "collections")
        {
            if (!get)
                return respond(methodNotAllowed("GET"));
            if (s.size() == 1)
                return respond(m_features.collections(target, who));
            if (s.size() == 2)
                return respond(m_features.collection(s[1], target, who));
            if (s.size() == 3 && s[2] == "items")
                return respond(m_features.items(s[1], target, who));
            if (s.size() == 4 && s[2] == "items")
                return respond(m_features.item(s[1], s[3], target, who));
            return notFound();
        }
        if (s[0] == "auth" && s.size() == 2)
        {
            if (s[1] == "session")
                return get ? respond(m_auth.session(who)) : respond(methodNotAllowed("GET"));
            if (s[1] == "logout")
                return method == http::verb::post ? respond(m_auth.logout(request))
                                                  : respond(methodNotAllowed("POST"));
        }
        if (s.size() == 1 && s[0] == "users")
            return get ? respond(m_auth.users(who)) : respond(methodNotAllowed("GET"));
        notFound();
    }

    ServiceContext& m_ctx;
    const WebPage& m_web;
    Screenings m_screenings;
    JobsApi m_jobs;
    FeaturesApi m_features;
    AuthApi m_auth;
};

std::shared_ptr<const EngineSnapshot> loadSnapshot(const Registry& registry,
                                                   const ServiceConfig& config,
                                                   std::optional<int> revision = std::nullopt)
{
    EngineConfig ec;
    ec.zones = config.zones;
    ec.revision = revision;
    ec.analysisCrs = config.analysisCrs;
    ec.defaultRules = config.defaultRules;
    auto snap = std::make_shared<EngineSnapshot>();
    snap->engine = std::make_shared<const ScreeningEngine>(registry, ec);
    snap->features = std::make_shared<const FeatureCatalog>(*snap->engine->zoning());
    snap->store = pg::redactLocator(config.zones); // never a password in the ledger or a log
    snap->revision = snap->engine->storeRevision();
    if (const std::string key = storeContentKey(config.zones, Crs()); !key.empty())
        snap->fingerprint = sha256Hex(key);
    return snap;
}

} // namespace

int runService(ServiceConfig config, const Registry& registry, PdfReports* pdf)
{
    initCrypto();
    if (config.zones.empty())
        throw ConfigError("give the zoning store with --zones STORE.");
    if (config.db.empty())
        config.db = defaultServiceDbPath(config.zones);
    const tcp::endpoint endpoint = parseListen(config.listen, config.allowNonLoopback);

    // Accounts live in the PostGIS store's database, or in the SQLite file beside the store.
    const std::string accounts = accountsLocation(config.zones, config.db);
    if (accountsInPostgres(accounts))
        (void)openAccountDb(accounts, true);
    {
        auto db = openServiceDb(config.db, true);
        if (const std::size_t failed = failInterruptedJobs(*db, pg::redactLocator(config.zones)))
            std::cerr << "redline serve: " << failed
                      << " job(s) left running by the previous process marked failed\n";
    }
    EngineHolder engines(loadSnapshot(registry, config));
    // A new revision of the store replaces the snapshot; requests in flight keep theirs.
    std::optional<RevisionWatch> watch;
    if (const auto served = engines.current()->revision; served && config.revisionPollSeconds)
        watch.emplace(config.zones, static_cast<int>(*served),
                      std::chrono::seconds(config.revisionPollSeconds),
                      [&](int revision)
                      { engines.replace(loadSnapshot(registry, config, revision)); });
    (void)restrictDriversForUntrustedInput();

    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const unsigned workers = config.workers ? config.workers : cores;
    net::io_context io(static_cast<int>(workers));
    net::thread_pool jobs(std::max(1u, config.jobWorkers));
    net::thread_pool slow(static_cast<std::size_t>(
        std::clamp<std::ptrdiff_t>(config.auth.maxConcurrentHashes, 1, 16)));
    DbWriter writer(config.db, config.ledgerSyncFull, config.ledgerCommitInterval);
    RateLimiter userRate(config.ratePerSecond, config.rateBurst);

    // The base URL (links in responses) needs the real port when asked for port 0.
    std::unique_ptr<HttpServer> server;
    struct Late final : RequestHandler
    {
        RequestHandler* inner = nullptr;
        void handle(Request r, const Peer& p, Respond respond) override
        {
            inner->handle(std::move(r), p, std::move(respond));
        }
    } late;
    server = std::make_unique<HttpServer>(io, endpoint, config.http, late);
    const auto bound = server->endpoint();
    std::string baseUrl = config.baseUrl;
    if (baseUrl.empty())
    {
        const std::string host = bound.address().is_v6() ? "[" + bound.address().to_string() + "]"
                                                         : bound.address().to_string();
        baseUrl = "http://" + host + ":" + std::to_string(bound.port());
    }
    while (!baseUrl.empty() && baseUrl.back() == '/')
        baseUrl.pop_back();
    Authenticator auth(config.db, accounts, config.auth, baseUrl);
    auth.pollRevocations();
    ServiceContext ctx{config,   registry, engines, config.db, writer, auth,
                       userRate, jobs,     slow,    baseUrl,   pdf};
    const auto first = engines.current();
    const WebPage web(config.leafletDir, *first->features,
                      first->engine->ruleSet(config.defaultRules)->vocabulary(), pdf != nullptr);
    Router router(ctx, web);
    late.inner = &router;

    // Revocations (users disabled, tokens revoked, passwords changed) reach the cache in 1 s.
    net::steady_timer poll(io);
    std::function<void()> schedulePoll = [&]
    {
        poll.expires_after(std::chrono::seconds(1));
        poll.async_wait(
            [&](boost::system::error_code ec)
            {
                if (ec)
                    return;
                net::post(slow,
                          [&]
                          {
                              try
                              {
                                  auth.pollRevocations();
                              }
                              catch (const std::exception& e)
                              {
                                  std::cerr << "redline serve: revocation check: " << e.what()
                                            << "\n";
                              }
                          });
                schedulePoll();
            });
    };
    schedulePoll();

    net::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait(
        [&](boost::system::error_code, int)
        {
            std::cerr << "redline serve: stopping\n";
            server->stop();
            poll.cancel();
            io.stop();
        });

    server->start();
    std::cout << "redline serve: listening on " << baseUrl << " (store "
              << pg::redactLocator(config.zones) << ", database " << config.db << ", " << workers
              << " HTTP threads)" << std::endl;
    std::vector<std::thread> threads;
    for (unsigned i = 1; i < workers; ++i)
        threads.emplace_back([&io] { io.run(); });
    io.run();
    for (auto& t : threads)
        t.join();
    if (pdf)
        pdf->stop();
    jobs.stop();
    jobs.join();
    slow.join();
    return 0;
}

} // namespace redline::service
