#include "redline/analysis/PreparedStore.hpp"

#include "analysis/PreparedStoreData.hpp"

namespace redline
{
namespace
{

std::string attributeText(const Attributes& a, const std::string& field, const std::string& fallback)
{
    if (auto t = a.text(field); t && !t->empty())
        return *t;
    return fallback;
}

} // namespace

std::shared_ptr<const PreparedStore> PreparedStore::build(const ZoningStore& store)
{
    auto d = std::make_unique<detail::PreparedStoreData>();
    d->path = store.path();
    d->analysisCrs = store.analysisCrs();
    for (std::size_t li = 0; li < store.layers().size(); ++li)
    {
        const ZoneLayer& l = store.layers()[li];
        d->layers.push_back({l.name, l.kind, l.idField, l.nameField, l.bufferM, l.screened,
                             l.layer->features.size()});
        d->warnings.insert(d->warnings.end(), l.layer->warnings.begin(), l.layer->warnings.end());
        for (std::size_t fi = 0; fi < l.layer->features.size(); ++fi)
        {
            const Feature& f = l.layer->features[fi];
            d->extent.expandToInclude(f.geometry.envelope());
            if (!l.screened)
                continue;
            d->owned.add(f.geometry, static_cast<std::uint32_t>(li),
                         static_cast<std::uint32_t>(fi));
            d->zones.push_back({static_cast<std::uint32_t>(li), f.fid,
                                attributeText(f.attributes, l.idField, std::to_string(f.fid)),
                                attributeText(f.attributes, l.nameField, ""), f.attributes});
        }
    }
    d->owned.finish();
    d->view = d->owned.view();
    return std::make_shared<const PreparedStore>(std::move(d));
}

PreparedStore::PreparedStore(std::unique_ptr<detail::PreparedStoreData> data)
    : m_data(std::move(data))
{
}

PreparedStore::~PreparedStore() = default;

const std::string& PreparedStore::path() const
{
    return m_data->path;
}

const Crs& PreparedStore::analysisCrs() const
{
    return m_data->analysisCrs;
}

const std::vector<PreparedLayer>& PreparedStore::layers() const
{
    return m_data->layers;
}

const std::vector<ScreenedZone>& PreparedStore::zones() const
{
    return m_data->zones;
}

const Envelope& PreparedStore::extent() const
{
    return m_data->extent;
}

const std::vector<std::string>& PreparedStore::warnings() const
{
    return m_data->warnings;
}

const detail::FlatZonesView& PreparedStore::flat() const
{
    return m_data->view;
}

} // namespace redline
