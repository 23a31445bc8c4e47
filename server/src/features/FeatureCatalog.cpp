#include "features/FeatureCatalog.hpp"

#include <map>

#include "features/GeoJson.hpp"

namespace redline::service
{

namespace
{

std::string titleOf(const std::string& kind)
{
    static const std::map<std::string, std::string> titles = {
        {"ecological_redline", "生态保护红线"},
        {"control_units", "环境管控单元"},
        {"water_protection_zones", "饮用水水源保护区"},
        {"protected_areas", "自然保护地"},
        {"prohibited_zones", "禁止区域"},
        {"townships", "乡镇街道"},
        {"county", "县域范围"}};
    auto it = titles.find(kind);
    return it == titles.end() ? kind : it->second;
}

} // namespace

FeatureCatalog::FeatureCatalog(const ZoningStore& store)
{
    const std::string wkt = store.analysisCrs().toWkt();
    for (const auto& layer : store.layers())
    {
        CatalogCollection c;
        c.id = layer.name;
        c.kind = layer.kind;
        c.title = titleOf(layer.kind);
        for (const auto& f : layer.layer->features)
        {
            const Geometry g = toCrs84(f.geometry, wkt);
            CatalogFeature cf;
            cf.id = f.fid;
            cf.lonLat = g.envelope();
            cf.json = "{\"type\":\"Feature\",\"id\":" + std::to_string(f.fid) +
                      ",\"geometry\":" + geometryToGeoJson(g, 8) +
                      ",\"properties\":" + attributesToGeoJson(f.attributes) + "}";
            c.lonLat.expandToInclude(cf.lonLat);
            c.features.push_back(std::move(cf));
        }
        m_collections.push_back(std::move(c));
    }
}

const CatalogCollection* FeatureCatalog::find(const std::string& id) const
{
    for (const auto& c : m_collections)
        if (c.id == id)
            return &c;
    return nullptr;
}

} // namespace redline::service
