#include "redline/plugin/Registry.hpp"

#include "redline/core/Error.hpp"

namespace redline
{

void Registry::addRuleSet(PluginInfo info, RuleSetFactory f)
{
    const std::string name = info.name;
    m_ruleSets[name] = {std::move(info), std::move(f)};
}

void Registry::addImporter(PluginInfo info, ImporterFactory f)
{
    m_importers.emplace_back(std::move(info), std::move(f));
}

void Registry::addExporter(PluginInfo info, ExporterFactory f)
{
    m_exporters.emplace_back(std::move(info), std::move(f));
}

namespace
{
constexpr const char* kReportPrefix = "report.";
}

void Registry::addReportExporter(PluginInfo info, ReportExporterFactory f)
{
    if (info.name.rfind(kReportPrefix, 0) != 0)
        throw ConfigError("report exporter '" + info.name + "' must be named report.<format>");
    const std::string format = info.name.substr(std::string(kReportPrefix).size());
    m_reportExporters[format] = {std::move(info), std::move(f)};
}

std::shared_ptr<const ReportExporter> Registry::reportExporter(const std::string& format) const
{
    auto it = m_reportExporters.find(format);
    return it == m_reportExporters.end() ? nullptr : it->second.second();
}

std::vector<std::string> Registry::reportFormats() const
{
    std::vector<std::string> out;
    for (const auto& [format, entry] : m_reportExporters)
        out.push_back(format);
    return out;
}

std::shared_ptr<const RuleSet> Registry::ruleSet(const std::string& name) const
{
    auto it = m_ruleSets.find(name);
    if (it == m_ruleSets.end())
        it = m_ruleSets.find("rules." + name);
    return it == m_ruleSets.end() ? nullptr : it->second.second();
}

std::shared_ptr<const SiteImporter> Registry::importerFor(const std::string& path) const
{
    for (const auto& [info, factory] : m_importers)
        if (auto importer = factory(); importer && importer->canRead(path))
            return importer;
    return nullptr;
}

std::shared_ptr<const SiteExporter> Registry::exporterFor(const std::string& path) const
{
    for (const auto& [info, factory] : m_exporters)
        if (auto exporter = factory(); exporter && exporter->canWrite(path))
            return exporter;
    return nullptr;
}

std::vector<PluginInfo> Registry::list() const
{
    std::vector<PluginInfo> out;
    for (const auto& [name, entry] : m_ruleSets)
        out.push_back(entry.first);
    for (const auto& [info, f] : m_importers)
        out.push_back(info);
    for (const auto& [info, f] : m_exporters)
        out.push_back(info);
    for (const auto& [format, entry] : m_reportExporters)
        out.push_back(entry.first);
    return out;
}

} // namespace redline
