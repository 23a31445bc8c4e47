#include "exporters/formats/ReportFormats.hpp"

#include <memory>
#include <string>
#include <utility>

#include "redline/core/Error.hpp"
#include "redline/plugin/Registry.hpp"
#include "redline/report/ReportWriter.hpp"

#include "exporters/html/HtmlReport.hpp"

namespace redline
{

namespace
{

// json, csv, geojson and gpkg through the engine's ReportWriter.
class WriterExporter final : public ReportExporter
{
  public:
    WriterExporter(std::string format, std::string mediaType)
        : m_format(std::move(format)), m_mediaType(std::move(mediaType))
    {
    }
    [[nodiscard]] std::string mediaType() const override { return m_mediaType; }
    [[nodiscard]] bool streams() const override { return isTextFormat(m_format); }
    void write(const ScreeningReport& report, std::ostream& out) const override
    {
        writeReport(report, m_format, out);
    }
    std::vector<std::string> writeFile(const ScreeningReport& report,
                                       const std::string& path) const override
    {
        return writeReportFile(report, m_format, path);
    }

  private:
    std::string m_format;
    std::string m_mediaType;
};

class HtmlExporter final : public ReportExporter
{
  public:
    [[nodiscard]] std::string mediaType() const override { return "text/html; charset=utf-8"; }
    [[nodiscard]] bool streams() const override { return true; }
    void write(const ScreeningReport& report, std::ostream& out) const override
    {
        writeHtmlReport(report, out);
    }
};

void addWriter(Registry& registry, const std::string& format, const std::string& mediaType,
               const std::string& description)
{
    registry.addReportExporter(
        {"report." + format, description},
        [format, mediaType] { return std::make_shared<const WriterExporter>(format, mediaType); });
}

} // namespace

void registerReportFormats(Registry& registry)
{
    addWriter(registry, "json", "application/json", "Screening result as JSON (DESIGN A4)");
    addWriter(registry, "csv", "text/csv; charset=utf-8", "Screening result, one row per hit");
    addWriter(registry, "geojson", "application/geo+json",
              "Screening result as GeoJSON sites in the analysis CRS");
    addWriter(registry, "gpkg", "application/geopackage+sqlite3",
              "Screening result as a GeoPackage (layers sites and hits)");
    registry.addReportExporter({"report.html", "Chinese HTML screening report, self-contained"},
                               [] { return std::make_shared<const HtmlExporter>(); });
}

} // namespace redline
