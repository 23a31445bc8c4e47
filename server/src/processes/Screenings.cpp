#include "processes/Screenings.hpp"

#include <atomic>
#include <iostream>
#include <memory>
#include <sstream>

#include <boost/asio/post.hpp>

#include "redline/plugin/Registry.hpp"

#include "features/GeoJson.hpp"
#include "http/Problem.hpp"
#include "jobs/JobStore.hpp"
#include "ledger/Ledger.hpp"
#include "ledger/ReportArchive.hpp"
#include "processes/ExecuteInput.hpp"
#include "processes/JobDocuments.hpp"
#include "processes/Uploads.hpp"
#include "util/Clock.hpp"

namespace redline::service
{

namespace
{

// How one screening ended.
struct Outcome
{
    std::optional<ScreeningReport> report;
    std::string failure;        // for the client and the ledger
    bool internalError = false; // the failure is ours, not the input's
    std::string parameters;     // ExecuteInput::parameters
};

Outcome screen(ServiceContext& ctx, ExecuteInput& in, const std::string& jobId,
               const Principal& who, const EngineSnapshot& snap)
{
    Outcome out;
    out.parameters = in.parameters;
    try
    {
        std::unique_ptr<ScratchDir> scratch;
        if (in.inlineGeoJson)
        {
            in.request.sitesPath = in.fileName;
            in.request.sitesData = std::move(in.fileBytes);
            in.request.sitesLabel = in.fileName;
        }
        else if (!in.fileBytes.empty())
        {
            scratch = std::make_unique<ScratchDir>();
            in.request.sitesPath =
                storeUpload(scratch->path(), in.fileName, in.fileBytes, ctx.config.uploads);
            in.request.sitesLabel = displayName(in.inputName);
        }
        // As `redline screen` computes JSON: overlaps measured, not drawn (the engine's map
        // outputs build overlap geometry and can differ in the last printed decimal).
        in.request.overlapGeometry = false;
        const ScreeningEngine& engine = *snap.engine;
        const Layer sites = engine.loadSites(in.request);
        if (sites.features.size() > ctx.config.uploads.maxSites)
            throw UploadError("the input holds " + std::to_string(sites.features.size()) +
                              " sites; at most " + std::to_string(ctx.config.uploads.maxSites) +
                              " are screened per request.");
        ScreeningReport report = engine.screen(in.request, sites);
        report.jobId = jobId;
        report.user = who.name;
        report.inputSha256 = in.inputSha256;
        out.report = std::move(report);
    }
    catch (const UploadError& e)
    {
        out.failure = e.what();
    }
    catch (const Error& e) // the engine's one-sentence input errors, paths relabelled
    {
        // The engine names project attributes by the CLI's option; name the service's input.
        static constexpr std::string_view kOption = "--site-attr: ";
        out.failure = e.what();
        if (out.failure.starts_with(kOption))
            out.failure = "input 'site_attributes': " + out.failure.substr(kOption.size());
    }
    catch (const std::exception& e)
    {
        out.failure = logIncident(&e);
        out.internalError = true;
    }
    return out;
}

std::vector<LedgerSite> ledgerSites(const ScreeningReport& report, const std::string& wkt)
{
    std::vector<LedgerSite> sites;
    sites.reserve(report.results.size());
    for (const auto& s : report.results)
    {
        LedgerSite ls;
        ls.index = s.index;
        ls.siteId = s.siteId;
        ls.name = s.name;
        ls.verdict = toString(s.verdict);
        if (!s.geometry.isEmpty())
        {
            const Geometry g = toCrs84(s.geometry, wkt);
            ls.geometryCrs84 = geometryToGeoJson(g, 8);
            ls.lonLat = g.envelope();
        }
        sites.push_back(std::move(ls));
    }
    return sites;
}

LedgerEntry entryFor(const JobRecord& job, const EngineSnapshot& snap, const Outcome& outcome)
{
    const ScreeningReport* report = outcome.report ? &*outcome.report : nullptr;
    LedgerEntry e;
    e.parameters = outcome.parameters;
    e.storeFingerprint = snap.fingerprint;
    e.jobId = job.id;
    e.userName = job.userName;
    e.inputName = job.inputName;
    e.inputSha256 = job.inputSha256;
    e.store = snap.store;
    e.storeRevision = snap.revision;
    if (report)
    {
        if (!report->store.empty())
            e.store = report->store;
        if (report->storeRevision)
            e.storeRevision = report->storeRevision;
        e.ruleSet = report->ruleSet;
        e.ruleSetVersion = report->ruleSetVersion;
    }
    return e;
}

// A synchronous screening's answer goes out once both its ledger commit and its JSON are done:
// the calling thread writes the JSON while the writer thread commits, and whichever finishes
// second sends it (an answer is never sent for a screening the ledger could still lose).
class AnswerAfterCommit
{
  public:
    explicit AnswerAfterCommit(Respond respond) : m_respond(std::move(respond)) {}

    void committed(std::exception_ptr error)
    {
        m_error = std::move(error);
        arrive();
    }

    void written(Response answer)
    {
        m_answer = std::move(answer);
        arrive();
    }

  private:
    void arrive()
    {
        if (m_left.fetch_sub(1, std::memory_order_acq_rel) != 1)
            return;
        if (m_error)
            return m_respond(internalError(m_error));
        m_respond(std::move(m_answer));
    }

    Respond m_respond;
    std::atomic<int> m_left{2};
    std::exception_ptr m_error;
    Response m_answer;
};

// Records the outcome (job status + ledger entry, one transaction); `then` runs after the commit.
void record(ServiceContext& ctx, const JobRecord& job, bool insert, const Outcome& outcome,
            const EngineSnapshot& snap, std::function<void(std::exception_ptr)> then)
{
    const std::string now = nowRfc3339();
    JobRecord final = job;
    final.status = outcome.report ? "successful" : "failed";
    if (!outcome.report)
        final.message = outcome.failure;
    final.finishedAt = now;
    final.updatedAt = now;
    if (!final.startedAt)
        final.startedAt = job.createdAt;
    LedgerEntry entry = entryFor(job, snap, outcome);
    entry.screenedAt = now;
    if (outcome.report)
    {
        auto archive = std::make_shared<std::vector<std::uint8_t>>(archiveReport(*outcome.report));
        auto sites = std::make_shared<std::vector<LedgerSite>>(
            ledgerSites(*outcome.report, snap.engine->analysisCrsWkt()));
        ctx.writer.submit(
            [final, insert, entry, archive, sites](Database& db)
            {
                if (insert)
                    insertJob(db, final);
                else
                    finishJob(db, final.id, final.status, final.message);
                appendScreening(db, entry, *sites, *archive);
            },
            std::move(then));
        return;
    }
    ctx.writer.submit(
        [final, insert, entry, failure = outcome.failure](Database& db)
        {
            if (insert)
                insertJob(db, final);
            else
                finishJob(db, final.id, final.status, final.message);
            appendFailure(db, entry, failure);
        },
        std::move(then));
}

Response resultResponse(ServiceContext& ctx, const Outcome& outcome, const std::string& jobId)
{
    if (!outcome.report)
    {
        if (outcome.internalError)
            return problemResponse(http::status::internal_server_error, problem::kInternal,
                                   outcome.failure);
        return problemResponse(http::status::bad_request, problem::kInvalidInput, outcome.failure);
    }
    std::ostringstream body;
    ctx.registry.reportExporter("json")->write(*outcome.report, body);
    Response r = jsonResponse(http::status::ok, body.str());
    const std::string job = ctx.baseUrl + "/jobs/" + jobId;
    std::string links =
        "<" + job + "/results/report.html>; rel=\"alternate\"; type=\"text/html\", ";
    if (ctx.pdf)
        links += "<" + job + "/results/report.pdf>; rel=\"alternate\"; type=\"application/pdf\", ";
    r.set(http::field::link, links + "<" + job + ">; rel=\"monitor\"; type=\"application/json\"");
    return r;
}

// The answer, or a 500 naming an incident when it cannot be written.
Response answerFor(ServiceContext& ctx, const Outcome& outcome, const std::string& jobId)
{
    try
    {
        return resultResponse(ctx, outcome, jobId);
    }
    catch (const std::exception& e)
    {
        return internalError(&e);
    }
}

} // namespace

void Screenings::execute(const Request& request, const Principal& who, Respond respond)
{
    if (!canScreen(who.role))
        return respond(problemResponse(http::status::forbidden, problem::kForbidden,
                                       "Only approvers run screenings; this account is a " +
                                           std::string(toString(who.role)) + "."));
    auto in = std::make_shared<ExecuteInput>();
    try
    {
        *in = parseExecute(request, m_ctx.registry);
    }
    catch (const ExecuteError& e)
    {
        return respond(
            problemResponse(http::status::bad_request, problem::kInvalidInput, e.what()));
    }
    if (who.viaSession &&
        !m_ctx.auth.csrfSatisfied(who, request, in->csrfToken ? &*in->csrfToken : nullptr))
        return respond(problemResponse(http::status::forbidden, problem::kForbidden,
                                       "The form lacks its CSRF token."));

    auto snap = m_ctx.engines.current();
    JobRecord job;
    job.id = newJobId();
    job.userId = who.userId;
    job.userName = who.name;
    job.createdAt = nowRfc3339();
    job.updatedAt = job.createdAt;
    job.inputName = displayName(in->inputName);
    job.inputSha256 = in->inputSha256;
    const bool heavy = in->fileBytes.size() > m_ctx.config.inlineBytes ||
                       in->fileBytes.rfind("PK\x03\x04", 0) == 0;

    if (!in->async && !heavy)
    {
        job.startedAt = job.createdAt;
        const Outcome outcome = screen(m_ctx, *in, job.id, who, *snap);
        auto answer = std::make_shared<AnswerAfterCommit>(respond);
        record(m_ctx, job, true, outcome, *snap,
               [answer](std::exception_ptr error) { answer->committed(std::move(error)); });
        answer->written(answerFor(m_ctx, outcome, job.id));
        return;
    }

    // Recorded first: accepted (async) or running (sync), so that a crash leaves a failed job.
    job.status = in->async ? "accepted" : "running";
    if (!in->async)
        job.startedAt = job.createdAt;
    auto run = [this, in, job, who, snap, respond, async = in->async]
    {
        JobRecord running = job;
        if (async)
        {
            m_ctx.writer.submit([id = job.id](Database& db) { markJobRunning(db, id); });
            running.startedAt = nowRfc3339();
        }
        const Outcome outcome = screen(m_ctx, *in, job.id, who, *snap);
        in->fileBytes.clear();
        if (async)
            return record(m_ctx, running, false, outcome, *snap,
                          [id = job.id](std::exception_ptr error)
                          {
                              if (error)
                                  std::cerr << "redline serve: job " << id << " not recorded\n";
                          });
        auto answer = std::make_shared<AnswerAfterCommit>(respond);
        record(m_ctx, running, false, outcome, *snap,
               [answer](std::exception_ptr error) { answer->committed(std::move(error)); });
        answer->written(answerFor(m_ctx, outcome, job.id));
    };
    m_ctx.writer.submit(
        [job](Database& db) { insertJob(db, job); },
        [this, job, respond, run, async = in->async](std::exception_ptr error)
        {
            if (error)
                return respond(internalError(error));
            if (async)
            {
                Response r = jsonResponse(
                    http::status::created,
                    statusInfo(job, m_ctx.baseUrl)
                        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
                r.set(http::field::location, m_ctx.baseUrl + "/jobs/" + job.id);
                r.set("Preference-Applied", "respond-async");
                respond(std::move(r));
            }
            boost::asio::post(m_ctx.jobs, run);
        });
}

} // namespace redline::service
