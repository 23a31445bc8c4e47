#include "reports/ReportZoning.hpp"

#include <algorithm>
#include <iostream>

#include "redline/core/Error.hpp"
#include "redline/pg/ConnectionString.hpp"

#include "report/MapExcerpt.hpp"

namespace redline::service
{
namespace
{

constexpr const char* kTail = "；结论、面积和依据以筛查时的数据为准。";

// "修订版本 r4", or "" for a store without revisions.
std::string revisionText(std::optional<std::int64_t> revision)
{
    return revision ? "修订版本 r" + std::to_string(*revision) : std::string();
}

// The current zoning, drawn instead of the screened one: the sentence that says so.
std::string currentInstead(const EngineSnapshot& current, const std::string& why)
{
    const std::string now = current.revision
                                ? "分区数据当前" + revisionText(current.revision) + " 的区划"
                                : std::string("分区数据的当前内容");
    return "注意：叠加图绘制的是" + now + "，" + why + kTail;
}

bool covers(const Envelope& outer, const Envelope& inner)
{
    return outer.minX <= inner.minX && outer.minY <= inner.minY && outer.maxX >= inner.maxX &&
           outer.maxY >= inner.maxY;
}

// What a read keeps in memory, roughly: its coordinates and an allowance per feature for the
// attributes and the feature itself.
std::size_t estimatedBytes(const ZoningStore& zoning)
{
    std::size_t bytes = 0;
    for (const ZoneLayer& l : zoning.layers())
        for (const Feature& f : l.layer->features)
            bytes += f.geometry.vertexCount() * sizeof(Point) + 512;
    return bytes;
}

} // namespace

Envelope reportMapWindow(const ScreeningReport& report)
{
    Envelope window;
    for (const SiteResult& site : report.results)
    {
        if (site.geometry.isEmpty())
            continue;
        const Envelope focus = reportMapFocus(site.geometry);
        window.expandToInclude(focus.grownBy(1.5 * std::max(focus.width(), focus.height())));
    }
    return window;
}

ReportZoning::ReportZoning(std::string locator, std::string analysisCrs)
    : m_locator(std::move(locator)), m_analysisCrs(std::move(analysisCrs))
{
}

std::optional<MapZoning> ReportZoning::ready(const ScreeningReport& report,
                                             const std::optional<std::string>& fingerprint,
                                             const EngineSnapshot& current)
{
    const auto now = current.engine->zoning();
    const std::string& screenedStore = report.store.empty() ? report.zones : report.store;
    const std::string& currentStore = current.engine->storeLabel(); // as reports name it
    if (screenedStore != currentStore)
    {
        const std::string then =
            report.storeRevision ? "（" + revisionText(report.storeRevision) + "）" : std::string();
        return MapZoning{now, currentInstead(current, "来自 " + currentStore +
                                                          "，不是筛查时的分区数据 " +
                                                          screenedStore + then)};
    }
    if (report.storeRevision)
    {
        if (current.revision == report.storeRevision)
            return MapZoning{now, {}};
        if (!current.revision)
            return MapZoning{now, currentInstead(current, "不是筛查时的" +
                                                              revisionText(report.storeRevision) +
                                                              "（该分区数据现已不保留修订版本）")};
        const Envelope window = reportMapWindow(report);
        if (window.isEmpty()) // no site has a map
            return MapZoning{now, {}};
        if (auto past = cached(static_cast<int>(*report.storeRevision), window))
            return MapZoning{std::move(past), {}};
        return std::nullopt;
    }
    // Screened against a store without revisions: only its content key tells whether it changed.
    if (current.revision)
        return MapZoning{now, currentInstead(current, "筛查时该分区数据尚无修订版本，无法确认"
                                                      "与筛查时的区划一致")};
    if (fingerprint && current.fingerprint && *fingerprint == *current.fingerprint)
        return MapZoning{now, {}};
    if (fingerprint && current.fingerprint)
        return MapZoning{now, currentInstead(current, "筛查后该分区数据已变更，且不保留修订版本，"
                                                      "无法绘制筛查时的区划")};
    return MapZoning{now, currentInstead(current, "台账未记录筛查时分区数据的指纹，无法确认与"
                                                  "筛查时的区划一致")};
}

MapZoning ReportZoning::read(const ScreeningReport& report,
                             const std::optional<std::string>& fingerprint,
                             const EngineSnapshot& current)
{
    if (auto answer = ready(report, fingerprint, current)) // e.g. read meanwhile by another request
        return std::move(*answer);
    const int revision = static_cast<int>(*report.storeRevision);
    const Envelope window = reportMapWindow(report);
    try
    {
        StoreReadOptions options;
        options.analysisCrs = m_analysisCrs.empty() ? Crs() : Crs::fromUserInput(m_analysisCrs);
        options.revision = revision;
        options.window = window;
        auto past = ZoningStore::load(m_locator, options);
        if (past->revision() != revision)
            throw ConfigError("the store answered revision " +
                              std::to_string(past->revision().value_or(-1)));
        keep({revision, window, past, estimatedBytes(*past)});
        return MapZoning{std::move(past), {}};
    }
    catch (const std::exception& e)
    {
        // Engine and database errors carry the store's label, never its password.
        std::cerr << "redline serve: revision " << revision << " of " << current.store
                  << " could not be read for a report map; drawing the current zoning instead: "
                  << pg::redactText(e.what()) << "\n";
        return MapZoning{current.engine->zoning(),
                         currentInstead(current, "不是筛查时的" + revisionText(revision) +
                                                     "（该修订版本已无法读取）")};
    }
}

std::shared_ptr<const ZoningStore> ReportZoning::cached(int revision, const Envelope& window)
{
    std::lock_guard lock(m_mutex);
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                                 [&](const Entry& e)
                                 { return e.revision == revision && covers(e.window, window); });
    if (it == m_entries.end())
        return nullptr;
    m_entries.splice(m_entries.begin(), m_entries, it);
    return it->zoning;
}

void ReportZoning::keep(Entry entry)
{
    if (entry.bytes > kMaxBytes)
        return;
    std::lock_guard lock(m_mutex);
    // A read that covers an older one of the same revision replaces it.
    m_entries.remove_if([&](const Entry& e)
                        { return e.revision == entry.revision && covers(entry.window, e.window); });
    m_entries.push_front(std::move(entry));
    std::size_t bytes = 0;
    std::size_t count = 0;
    for (auto it = m_entries.begin(); it != m_entries.end();)
    {
        bytes += it->bytes;
        if (++count > kMaxEntries || bytes > kMaxBytes)
        {
            bytes -= it->bytes;
            --count;
            it = m_entries.erase(it);
        }
        else
            ++it;
    }
}

} // namespace redline::service
