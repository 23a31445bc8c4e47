#include "processes/JobsApi.hpp"

#include <charconv>
#include <regex>
#include <sstream>
#include <variant>

#include <boost/asio/post.hpp>

#include "redline/plugin/Registry.hpp"

#include "db/ThreadDb.hpp"
#include "http/Problem.hpp"
#include "jobs/JobStore.hpp"
#include "ledger/Ledger.hpp"
#include "ledger/ReportArchive.hpp"
#include "processes/JobDocuments.hpp"

namespace redline::service
{

namespace
{

std::optional<std::size_t> number(const std::string& text)
{
    std::size_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return v;
}

Response noSuchJob(const std::string& id)
{
    return problemResponse(http::status::not_found, problem::kNoSuchJob,
                           "There is no job '" + id + "' for this account.");
}

bool wellFormedId(const std::string& id)
{
    static const std::regex hex32("^[0-9a-f]{32}$");
    return std::regex_match(id, hex32);
}

} // namespace

std::optional<Paging> readPaging(const Target& target, std::size_t defaultLimit,
                                 std::size_t maxLimit)
{
    Paging p{defaultLimit, 0};
    if (const auto* l = target.param("limit"))
    {
        auto v = number(*l);
        if (!v || *v < 1)
            return std::nullopt;
        p.limit = std::min(*v, maxLimit);
    }
    if (const auto* o = target.param("offset"))
    {
        auto v = number(*o);
        if (!v || *v > 100000000)
            return std::nullopt;
        p.offset = *v;
    }
    return p;
}

Response JobsApi::list(const Target& target, const Principal& who)
{
    const auto paging = readPaging(target, 50, 1000);
    if (!paging)
        return problemResponse(http::status::bad_request, problem::kInvalidParameter,
                               "limit must be 1–1000 and offset a whole number.");
    std::optional<std::string> status;
    if (const auto* s = target.param("status"))
    {
        static const std::regex ok("^(accepted|running|successful|failed)$");
        if (!std::regex_match(*s, ok))
            return problemResponse(http::status::bad_request, problem::kInvalidParameter,
                                   "status must be accepted, running, successful or failed.");
        status = *s;
    }
    auto jobs = listJobs(threadDb(m_ctx.dbPath), who, paging->limit + 1, paging->offset, status);
    const bool more = jobs.size() > paging->limit;
    if (more)
        jobs.pop_back();
    return jsonResponse(http::status::ok,
                        jobListDocument(jobs, m_ctx.baseUrl, paging->limit, paging->offset, more,
                                        m_ctx.pdf != nullptr));
}

Response JobsApi::status(const std::string& id, const Principal& who)
{
    const auto job = wellFormedId(id) ? findJob(threadDb(m_ctx.dbPath), id, who) : std::nullopt;
    if (!job || job->status == "dismissed")
        return noSuchJob(id);
    return jsonResponse(http::status::ok,
                        statusInfo(*job, m_ctx.baseUrl, m_ctx.pdf != nullptr)
                            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response JobsApi::dismiss(const std::string& id, const Principal& who)
{
    auto job = wellFormedId(id) ? findJob(threadDb(m_ctx.dbPath), id, who) : std::nullopt;
    if (!job || job->status == "dismissed")
        return noSuchJob(id);
    if (job->userId != who.userId && !manages(who.role))
        return problemResponse(http::status::forbidden, problem::kForbidden,
                               "Only the approver who ran a job (or an admin) may dismiss it.");
    m_ctx.writer.run([&id](Database& db) { (void)dismissJob(db, id); });
    job->status = "dismissed";
    job->message = "Dismissed by " + who.name + "; the ledger keeps the screening.";
    return jsonResponse(http::status::ok,
                        statusInfo(*job, m_ctx.baseUrl, m_ctx.pdf != nullptr)
                            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::variant<JobsApi::Finished, Response> JobsApi::finishedReport(const std::string& id,
                                                                  const Principal& who)
{
    Database& db = threadDb(m_ctx.dbPath);
    const auto job = wellFormedId(id) ? findJob(db, id, who) : std::nullopt;
    if (!job || job->status == "dismissed")
        return noSuchJob(id);
    if (job->status == "accepted" || job->status == "running")
        return problemResponse(http::status::not_found, problem::kResultNotReady,
                               "Job '" + id + "' is " + job->status + "; ask again later.");
    if (job->status == "failed")
        return problemResponse(http::status::bad_request, problem::kInvalidInput,
                               "Job '" + id + "' failed: " + job->message.value_or("") + "");
    const auto archived = ledgerReport(db, id);
    if (!archived)
        return noSuchJob(id);
    return Finished{std::make_shared<ScreeningReport>(restoreReport(archived->archive)),
                    archived->storeFingerprint};
}

void JobsApi::withMapZoning(Finished job, const Respond& respond,
                            std::function<void(std::shared_ptr<ScreeningReport>)> then)
{
    const auto apply = [](ScreeningReport& report, MapZoning zoning)
    {
        report.zoning = std::move(zoning.zoning);
        report.zoningNote = std::move(zoning.note);
    };
    auto snap = m_ctx.engines.current();
    if (auto zoning = m_zoning.ready(*job.report, job.storeFingerprint, *snap))
    {
        apply(*job.report, std::move(*zoning));
        return then(std::move(job.report));
    }
    // Reading a past revision takes a while: not on an HTTP thread.
    boost::asio::post(
        m_ctx.jobs,
        [this, job = std::move(job), snap, respond, then = std::move(then), apply]
        {
            guarded(respond,
                    [&]
                    {
                        apply(*job.report, m_zoning.read(*job.report, job.storeFingerprint, *snap));
                        then(job.report);
                    });
        });
}

Response JobsApi::results(const std::string& id, const std::string& format, const Principal& who)
{
    auto found = finishedReport(id, who);
    if (auto* refused = std::get_if<Response>(&found))
        return std::move(*refused);
    const ScreeningReport& report = *std::get<Finished>(found).report;
    const auto exporter = m_ctx.registry.reportExporter(format);
    std::ostringstream body;
    exporter->write(report, body);
    Response r = makeResponse(http::status::ok, exporter->mediaType(), body.str());
    if (format == "json") // the results document: its reports beside it (the body stays A4's)
    {
        const std::string job = m_ctx.baseUrl + "/jobs/" + id + "/results/report.";
        std::string links = "<" + job + "html>; rel=\"alternate\"; type=\"text/html\"";
        if (m_ctx.pdf)
            links += ", <" + job + "pdf>; rel=\"alternate\"; type=\"application/pdf\"";
        r.set(http::field::link, links);
    }
    return r;
}

void JobsApi::htmlReport(const std::string& id, const Principal& who, const Respond& respond)
{
    auto found = finishedReport(id, who);
    if (auto* refused = std::get_if<Response>(&found))
        return respond(std::move(*refused));
    // Drawn over the zoning around each site at the revision the job was screened against.
    withMapZoning(std::move(std::get<Finished>(found)), respond,
                  [this, respond](std::shared_ptr<ScreeningReport> report)
                  {
                      const auto exporter = m_ctx.registry.reportExporter("html");
                      std::ostringstream body;
                      exporter->write(*report, body);
                      Response r =
                          makeResponse(http::status::ok, exporter->mediaType(), body.str());
                      r.set("Content-Security-Policy",
                            "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
                      respond(std::move(r));
                  });
}

void JobsApi::pdfReport(const std::string& id, const Principal& who, const Respond& respond)
{
    if (m_ctx.pdf == nullptr)
        return respond(problemResponse(http::status::not_found, problem::kNotFound,
                                       "This service was built without the PDF report "
                                       "(the viewer's render library); use report.html."));
    auto found = finishedReport(id, who);
    if (auto* refused = std::get_if<Response>(&found))
        return respond(std::move(*refused));
    Finished& job = std::get<Finished>(found);
    const std::size_t limit = m_ctx.config.reports.pdfMaxSites;
    if (job.report->results.size() > limit)
        return respond(problemResponse(
            http::status::payload_too_large, problem::kTooLarge,
            "Job '" + id + "' screened " + std::to_string(job.report->results.size()) +
                " sites; a PDF report holds at most " + std::to_string(limit) +
                " (report.html holds them all)."));
    // Drawn over the zoning around each site at the revision the job was screened against, as
    // the HTML report is.
    withMapZoning(std::move(job), respond,
                  [this, respond, id](std::shared_ptr<ScreeningReport> report)
                  {
                      const bool queued = m_ctx.pdf->render(
                          std::move(report),
                          [respond, id](std::string pdf, std::exception_ptr error)
                          {
                              if (error)
                                  return respond(internalError(error));
                              Response r =
                                  makeResponse(http::status::ok, "application/pdf", std::move(pdf));
                              r.set(http::field::content_disposition,
                                    "inline; filename=\"redline-" + id + ".pdf\"");
                              respond(std::move(r));
                          });
                      if (!queued)
                      {
                          Response r = problemResponse(
                              http::status::service_unavailable, problem::kUnavailable,
                              "Too many PDF reports are being made; ask again shortly.");
                          r.set(http::field::retry_after, "2");
                          respond(std::move(r));
                      }
                  });
}

} // namespace redline::service
