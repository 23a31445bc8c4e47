#pragma once
// Headless printing (`redline-viewer --print/--per-site/--report …`, offscreen platform): one map
// of the county or of one site, one map per site of a sites file, and per-site screening report
// PDFs. Prints one line per file written; errors are one line on stderr naming the file.

#include <QString>
#include <QStringList>
#include <optional>

#include "render/Exporters.hpp"

namespace redline
{

struct HeadlessOptions
{
    QString zones;
    QString sites;
    QString print;   // output file of a single map
    QString site;    // with --print: the site to centre on
    QString perSite; // folder: one map per site
    QString report;  // folder: one screening report PDF per site
    QString paper = QStringLiteral("A4");
    bool landscape = false;
    double dpi = 300;
    std::optional<ExportFormat> format; // default: from the extension, else pdf
    QString title;
    QStringList basemaps;        // raster basemaps, bottom first
    QStringList layers;          // reference vector layers
    std::optional<double> scale; // the reviewer's 1:N (2,000 … 500,000)
    QString atlas;               // one PDF, one page per site or per township
    QString atlasBy = QStringLiteral("site");
};

// Returns the process exit code (0 done, 1 bad input or processing error, 2 usage error).
int runHeadless(const HeadlessOptions& options);

} // namespace redline
