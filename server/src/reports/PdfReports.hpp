#pragma once
// The PDF screening report of a job (GET /jobs/{id}/results/report.pdf): every site of the
// screening laid out as the viewer prints it (viewer/render/SiteReportPdf: the map with legend,
// scale bar and north arrow, Chinese text that pdftotext reads back, provenance, warnings). The
// renderer needs Qt, which redline_service never links: `redline serve` hands one in
// (server/pdf, built with the viewer); without one the service offers no PDF report.

#include <exception>
#include <functional>
#include <memory>
#include <string>

#include "redline/analysis/ScreeningReport.hpp"

namespace redline::service
{

class PdfReports
{
  public:
    using Done = std::function<void(std::string pdf, std::exception_ptr error)>;
    virtual ~PdfReports() = default;
    // Queues the report of every site of `report` (whose `zoning` the maps show); `done` runs
    // later, on the renderer's thread, with the PDF's bytes or the error. Returns false, and
    // queues nothing, when the queue is full.
    virtual bool render(std::shared_ptr<const ScreeningReport> report, Done done) = 0;
    // Waits for the report being rendered (its `done` runs) and drops those still queued; later
    // calls of render() return false. The service calls it before its HTTP threads go away.
    virtual void stop() = 0;
};

} // namespace redline::service
