#pragma once
// Plugin registry (DESIGN B): rule sets, site importers and exporters registered by name through
// one interface, filled by an explicit registerBuiltinPlugins() in main (no static initialisers).
// Fill it before starting threads; lookups are then read-only and thread-safe.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "redline/data/Layer.hpp"
#include "redline/geo/Crs.hpp"
#include "redline/plugin/ReportExporter.hpp"
#include "redline/rules/RuleSet.hpp"

namespace redline
{

struct PluginInfo
{
    std::string name;        // "rules.yongjia", "import.jzd", "export.html"
    std::string description; // one line
};

// Reads sites from a file format GDAL does not know (e.g. 界址点 lists).
class SiteImporter
{
public:
    virtual ~SiteImporter() = default;
    [[nodiscard]] virtual bool canRead(const std::string& path) const = 0;
    // Returns the sites in their own CRS (layer.crs set); warnings go to layer.warnings.
    [[nodiscard]] virtual Layer read(const std::string& path) const = 0;
};

// Writes sites to a file format GDAL does not know.
class SiteExporter
{
public:
    virtual ~SiteExporter() = default;
    [[nodiscard]] virtual bool canWrite(const std::string& path) const = 0;
    virtual void write(const Layer& sites, const std::string& path) const = 0;
};

class Registry
{
public:
    using RuleSetFactory = std::function<std::shared_ptr<const RuleSet>()>;
    using ImporterFactory = std::function<std::shared_ptr<const SiteImporter>()>;
    using ExporterFactory = std::function<std::shared_ptr<const SiteExporter>()>;
    using ReportExporterFactory = std::function<std::shared_ptr<const ReportExporter>()>;

    void addRuleSet(PluginInfo info, RuleSetFactory f);
    void addImporter(PluginInfo info, ImporterFactory f);
    void addExporter(PluginInfo info, ExporterFactory f);
    // `info.name` is "report.<format>" (e.g. "report.html").
    void addReportExporter(PluginInfo info, ReportExporterFactory f);

    [[nodiscard]] std::shared_ptr<const RuleSet> ruleSet(const std::string& name) const;
    // First importer/exporter that accepts the path, or nullptr.
    [[nodiscard]] std::shared_ptr<const SiteImporter> importerFor(const std::string& path) const;
    [[nodiscard]] std::shared_ptr<const SiteExporter> exporterFor(const std::string& path) const;
    // The report exporter for a format ("json", "html"…), or nullptr.
    [[nodiscard]] std::shared_ptr<const ReportExporter> reportExporter(
        const std::string& format) const;
    // Every report format, in name order ("csv", "geojson", "gpkg", "html", "json").
    [[nodiscard]] std::vector<std::string> reportFormats() const;
    [[nodiscard]] std::vector<PluginInfo> list() const;

private:
    std::map<std::string, std::pair<PluginInfo, RuleSetFactory>> m_ruleSets;
    std::vector<std::pair<PluginInfo, ImporterFactory>> m_importers;
    std::vector<std::pair<PluginInfo, ExporterFactory>> m_exporters;
    std::map<std::string, std::pair<PluginInfo, ReportExporterFactory>> m_reportExporters;
};

} // namespace redline
