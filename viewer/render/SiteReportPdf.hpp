#pragma once
// Per-site screening report as PDF (issue 5 §4): site profile (name, township, coordinates, area
// in m² and 亩, industry, type), overall verdict, the overlay map (same renderer as the canvas),
// the overlap table per screened layer ("不涉及" where none), every matched rule with reason and
// citation, and the advisory disclaimer. Chinese throughout. A4 portrait, flows over pages.
// Written atomically; throws IoError naming the file.

#include <QDate>
#include <QString>
#include <optional>
#include <vector>

#include "redline/analysis/SiteResult.hpp"

#include "render/PrintLayout.hpp"

namespace redline
{

struct ReportLayerInfo
{
    std::string kind;
    QString title; // Chinese layer title
};

struct SiteReportInput
{
    SiteResult site;
    QString township;                            // "" when unknown
    std::optional<Point> lonLat;                 // site centre in CGCS2000 degrees
    std::vector<ReportLayerInfo> screenedLayers; // rows of the overlap table
    PrintContent map;                            // layers and overlays; focus = the site
    QString zonesPath;
    QString ruleSet;
    QDate date = QDate::currentDate();
};

void writeSiteReportPdf(const SiteReportInput& input, const QString& path);

} // namespace redline
