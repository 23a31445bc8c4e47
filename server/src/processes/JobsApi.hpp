#pragma once
// /jobs (job-list), /jobs/{id} (status), DELETE /jobs/{id} (dismiss), /jobs/{id}/results (the
// A4 JSON), /jobs/{id}/results/report.{html,pdf,csv,geojson}. Every lookup is filtered by owner
// (or a role that reads every job): another approver's job is 404, like a job that never was.
// Reports are rebuilt from the archived report in the ledger, so they show the screening as it
// was computed, whatever the store's current revision; the HTML and PDF reports' maps are drawn
// over the zoning at the revision the job was screened against (ReportZoning).

#include <functional>
#include <memory>
#include <optional>
#include <variant>

#include "ServiceContext.hpp"
#include "auth/Principal.hpp"
#include "http/Target.hpp"
#include "reports/ReportZoning.hpp"

namespace redline::service
{

class JobsApi
{
  public:
    explicit JobsApi(ServiceContext& ctx) : m_ctx(ctx) {}
    [[nodiscard]] Response list(const Target& target, const Principal& who);
    [[nodiscard]] Response status(const std::string& id, const Principal& who);
    [[nodiscard]] Response dismiss(const std::string& id, const Principal& who);
    // `format`: a report exporter of the registry without a map ("json", "csv", "geojson").
    [[nodiscard]] Response results(const std::string& id, const std::string& format,
                                   const Principal& who);
    // report.html. `respond` runs at once, or, when the screened revision must be read for the
    // map, later from the job pool (ServiceContext::jobs).
    void htmlReport(const std::string& id, const Principal& who, const Respond& respond);
    // report.pdf: every site of the job, rendered off the HTTP threads (ServiceContext::pdf);
    // `respond` runs later, from the renderer's thread. 404 without a renderer, 413 beyond
    // ReportLimits::pdfMaxSites, 503 when the renderer's queue is full.
    void pdfReport(const std::string& id, const Principal& who, const Respond& respond);

  private:
    struct Finished
    {
        std::shared_ptr<ScreeningReport> report;
        std::optional<std::string> storeFingerprint; // the ledger's
    };
    // The job's archived report when it finished successfully and `who` may read it; otherwise
    // the problem response to send.
    [[nodiscard]] std::variant<Finished, Response> finishedReport(const std::string& id,
                                                                  const Principal& who);
    // Gives the report the zoning its maps are drawn over (ReportZoning), then runs `then`: at
    // once when no store must be read (the current revision, or a past one in the cache), else
    // on the job pool after reading the screened revision. Exceptions become a 500 (guarded).
    void withMapZoning(Finished job, const Respond& respond,
                       std::function<void(std::shared_ptr<ScreeningReport>)> then);

    ServiceContext& m_ctx;
    ReportZoning m_zoning{m_ctx.config.zones, m_ctx.config.analysisCrs};
};

// Reads limit/offset query parameters: nullopt (a 400) when malformed or out of range.
struct Paging
{
    std::size_t limit;
    std::size_t offset;
};
[[nodiscard]] std::optional<Paging> readPaging(const Target& target, std::size_t defaultLimit,
                                               std::size_t maxLimit);

} // namespace redline::service
