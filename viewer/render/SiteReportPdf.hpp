#pragma once
// Per-site screening report as PDF, laid out from the same SiteReportModel as the HTML report
// (plugins/report): the verdict and what it means for the applicant, the provenance (store,
// revision, rule set and version), the profile, the overlay map (the canvas's renderer: the
// zoning layers, that site's overlap parts and outline, never another site; under the report's
// zoningNote when it has one) with the legend of
// what it shows, the hit table (areas, or lengths for lines), the rules with reasons and
// citations, the notes (site and input warnings) and the disclaimer. Chinese throughout, text
// searchable (PdfTextFix). A4 portrait, flows over pages. Written atomically; throws IoError
// naming the file.

#include <QByteArray>
#include <QDate>
#include <QString>
#include <memory>
#include <vector>

#include "redline/analysis/ScreeningReport.hpp"

#include "render/RenderRequest.hpp"

namespace redline
{

struct SiteReportInput
{
    std::shared_ptr<const ScreeningReport> report; // its `zoning` is what the map shows
    std::size_t site = 0;                          // index into report->results
    std::vector<RenderLayer> layers;               // the zoning as drawn (styles, visibility)
    QDate date = QDate::currentDate();
};

// The report of `input.site`, written to `path`.
void writeSiteReportPdf(const SiteReportInput& input, const QString& path);
// The reports of `sites` (indexes into input.report->results; `input.site` is not used) in one
// document, each site from the top of a new page, as bytes: the service's report.pdf. Text
// fixed as above. Paints on a QPdfWriter only, so it may run on a thread other than the GUI
// thread (after ensureCjkFont() was called there). Throws IoError for no or unknown sites.
[[nodiscard]] QByteArray siteReportsPdf(const SiteReportInput& input,
                                        const std::vector<std::size_t>& sites);

} // namespace redline
