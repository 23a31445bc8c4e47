#include "app/FeatureSearch.hpp"

#include <algorithm>

#include "render/ExtraLayers.hpp"

namespace redline
{
namespace
{

// 0 exact, 1 prefix, 2 contains, 3 no match.
int rank(const QString& value, const QString& query)
{
    if (value.isEmpty())
        return 3;
    if (value.compare(query, Qt::CaseInsensitive) == 0)
        return 0;
    if (value.startsWith(query, Qt::CaseInsensitive))
        return 1;
    return value.contains(query, Qt::CaseInsensitive) ? 2 : 3;
}

QString textOf(const Feature& f, const std::string& field)
{
    if (field.empty())
        return {};
    return QString::fromStdString(f.attributes.text(field).value_or(""));
}

} // namespace

std::vector<SearchHit> searchFeatures(const QString& raw, const std::vector<RenderLayer>& layers,
                                      const ZoningStore* store, const Layer* sites,
                                      std::size_t limit)
{
    const QString query = raw.trimmed();
    std::vector<std::pair<int, SearchHit>> found;
    if (query.isEmpty())
        return {};
    const auto consider = [&](const Feature& f, const std::string& idField,
                              const std::string& nameField, const QString& title,
                              const std::string& layer, std::size_t index)
    {
        const QString id = textOf(f, idField);
        const QString name = idField == nameField ? QString() : textOf(f, nameField);
        const int r = std::min(rank(id, query), rank(name, query));
        if (r == 3)
            return;
        QString text = id;
        if (!name.isEmpty())
            text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + name;
        found.push_back({r, SearchHit{text, title, layer, index, &f.geometry}});
    };
    if (sites != nullptr)
        for (std::size_t i = 0; i < sites->features.size(); ++i)
            consider(sites->features[i], "site_id", "name", QStringLiteral("项目"), "sites", i);
    for (const RenderLayer& l : layers)
    {
        if (!l.cache)
            continue;
        std::string idField;
        std::string nameField;
        if (const ZoneLayer* z = store != nullptr ? store->findLayer(l.name) : nullptr)
        {
            idField = z->idField;
            nameField = z->nameField;
        }
        else
            nameField = nameFieldOf(l.cache->layer());
        const auto& features = l.cache->layer().features;
        for (std::size_t i = 0; i < features.size(); ++i)
            consider(features[i], idField, nameField, l.style.title, l.name, i);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<SearchHit> out;
    for (auto& [r, hit] : found)
    {
        if (out.size() >= limit)
            break;
        out.push_back(std::move(hit));
    }
    return out;
}

} // namespace redline
