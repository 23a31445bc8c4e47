#include "redline/model/ZoningStore.hpp"

#include "redline/core/Error.hpp"
#include "redline/model/ZoningSource.hpp"
#include "redline/pg/ConnectionString.hpp"

#include "geos/GeosContext.hpp"
#include "geos/GeosConvert.hpp"
#include "io/PolygonRepair.hpp"
#include "model/Rewind.hpp"

namespace redline
{

namespace
{

std::string featureLabel(const ZoneLayer& zl, const Feature& f)
{
    if (const auto id = f.attributes.text(zl.idField); id && !zl.idField.empty())
        return "'" + *id + "'";
    return "FID " + std::to_string(f.fid);
}

// The same repair, with the same warning, as VectorReader's (for every kind of store and every
// revision alike), on a layer this load still owns: only the invalid polygons are rebuilt.
void repairFeatures(const ZoneLayer& zl, Layer& layer, const std::string& label,
                    detail::GeosContext& geos)
{
    for (Feature& f : layer.features)
    {
        try
        {
            if (auto why = detail::repairPolygon(geos, f.geometry))
                layer.warnings.push_back(describeLocation(label, zl.name, featureLabel(zl, f)) +
                                         ": invalid geometry (" + *why +
                                         ") repaired with make-valid.");
        }
        catch (const GeometryError& e)
        {
            throw GeometryError(describeLocation(label, zl.name, featureLabel(zl, f)) + ": " +
                                e.what() + ".");
        }
    }
}

bool hasInvalidPolygon(const Layer& layer, detail::GeosContext& geos)
{
    for (const Feature& f : layer.features)
    {
        if (f.geometry.dimension() != Dimension::Area)
            continue;
        const detail::GeosGeomPtr g = detail::toGeos(geos, f.geometry);
        const char valid = GEOSisValid_r(geos.handle(), g.get());
        geos.require(valid != 2, "checking validity");
        if (valid == 0)
            return true;
    }
    return false;
}

// `owned` is the layer as this load read it, null when --at-rev replaced it by a rewound copy
// (shared and immutable): that one is copied, and only when it holds an invalid polygon, so that
// a valid store is never held twice (issue 13: the province store is 0.4 GB).
void repairLayer(ZoneLayer& zl, const std::shared_ptr<Layer>& owned, const std::string& label,
                 detail::GeosContext& geos)
{
    if (owned)
    {
        repairFeatures(zl, *owned, label, geos);
        return;
    }
    if (!hasInvalidPolygon(*zl.layer, geos))
        return;
    auto copy = std::make_shared<Layer>(*zl.layer);
    repairFeatures(zl, *copy, label, geos);
    zl.layer = std::move(copy);
}

} // namespace

ZoningStore::ZoningStore(std::string path, Crs analysisCrs, std::vector<ZoneLayer> layers,
                         StoreProvenance provenance)
    : m_path(std::move(path)), m_analysisCrs(std::move(analysisCrs)), m_layers(std::move(layers)),
      m_provenance(std::move(provenance))
{
    if (m_provenance.label.empty())
        m_provenance.label = pg::redactLocator(m_path);
}

std::shared_ptr<const ZoningStore> ZoningStore::load(const std::string& locator)
{
    return load(locator, StoreReadOptions{});
}

std::shared_ptr<const ZoningStore> ZoningStore::load(const std::string& locator,
                                                     const Crs& analysisCrs)
{
    StoreReadOptions o;
    o.analysisCrs = analysisCrs;
    return load(locator, o);
}

std::shared_ptr<const ZoningStore> ZoningStore::load(const std::string& locator,
                                                     const StoreReadOptions& options)
{
    const auto source = ZoningSource::open(locator);
    return load(*source, options);
}

std::shared_ptr<const ZoningStore> ZoningStore::load(ZoningSource& source,
                                                     const StoreReadOptions& options)
{
    const Crs crs = source.analysisCrs(options.analysisCrs);
    const std::optional<int> newest = source.revision();
    if (options.revision && !newest)
        throw ConfigError(source.label() + ": this store keeps no revisions, so --at-rev " +
                          std::to_string(*options.revision) + " cannot be read.");
    if (options.revision && (*options.revision < 0 || *options.revision > *newest))
        throw ConfigError(source.label() + ": no revision " + std::to_string(*options.revision) +
                          " (the store is at revision " + std::to_string(*newest) + ").");
    LayerReadOptions ro;
    ro.analysisCrs = crs;
    ro.window = options.window;
    std::vector<ZoneLayer> layers;
    std::vector<std::shared_ptr<Layer>> owned; // the layers as read, repaired in place
    for (const ZoneLayer& meta : source.catalog().layers)
    {
        ZoneLayer zl = meta;
        owned.push_back(std::make_shared<Layer>(source.readLayer(meta, ro)));
        zl.layer = owned.back();
        layers.push_back(std::move(zl));
    }
    const int revision = options.revision.value_or(newest.value_or(0));
    if (newest && revision < *newest)
        detail::rewindLayers(layers, source.audit(revision, *newest), source, crs, options.window);
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (owned[i] != layers[i].layer)
            owned[i].reset(); // rewound: the copy replaced it
    if (options.repairInvalid)
    {
        detail::GeosContext geos;
        for (std::size_t i = 0; i < layers.size(); ++i)
            repairLayer(layers[i], owned[i], source.label(), geos);
    }
    owned.clear();
    for (const auto& l : layers)
        for (const auto& f : l.layer->features)
            if (l.screened && f.geometry.dimension() != Dimension::Area)
                throw GeometryError(
                    describeLocation(source.label(), l.name, "FID " + std::to_string(f.fid)) +
                    ": zoning features must be polygons, found a " + toString(f.geometry.type()) +
                    ".");
    StoreProvenance provenance;
    provenance.label = source.label();
    if (newest)
        provenance.revision = revision;
    provenance.contentKey = source.contentKey(provenance.revision);
    provenance.window = options.window;
    return std::make_shared<const ZoningStore>(source.locator(), crs, std::move(layers),
                                               std::move(provenance));
}

const ZoneLayer* ZoningStore::findLayer(const std::string& name) const
{
    for (const auto& l : m_layers)
        if (l.name == name)
            return &l;
    return nullptr;
}

const ZoneLayer* ZoningStore::findKind(const std::string& kind) const
{
    for (const auto& l : m_layers)
        if (l.kind == kind)
            return &l;
    return nullptr;
}

} // namespace redline
