#pragma once
// Plugins "report.json", "report.csv", "report.geojson", "report.gpkg" (the engine's report
// writers, DESIGN A4) and "report.html" (the HTML screening report): the formats that
// `redline screen --format` and the service's results offer. Stateless, thread-safe.

namespace redline
{
class Registry;
void registerReportFormats(Registry& registry);
} // namespace redline
