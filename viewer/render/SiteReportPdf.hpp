#pragma once
// Per-site screening report as PDF, laid out from the same SiteReportModel as the HTML report
// (plugins/report): the verdict and what it means for the applicant, the provenance (store,
// revision, rule set and version), the profile, the overlay map (the canvas's renderer: the
// zoning layers, that site's overlap parts and outline, never another site) with the legend of
// what it shows, the hit table (areas, or lengths for lines), the rules with reasons and
// citations, the notes (site and input warnings) and the disclaimer. Chinese throughout, text
// searchable (PdfTextFix). A4 portrait, flows over pages. Written atomically; throws IoError
// naming the file.

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

void writeSiteReportPdf(const SiteReportInput& input, const QString& path);

} // namespace redline
