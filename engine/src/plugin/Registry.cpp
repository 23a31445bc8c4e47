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
    return out;
}

} // namespace redline
