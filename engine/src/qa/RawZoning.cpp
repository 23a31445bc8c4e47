#include "redline/qa/RawZoning.hpp"

#include "redline/io/VectorReader.hpp"
#include "redline/qa/ZoningQa.hpp"

namespace redline
{

std::shared_ptr<const ZoningStore> loadZoningRaw(const std::string& storePath)
{
    return loadZoningRaw(storePath, Crs());
}

std::shared_ptr<const ZoningStore> loadZoningRaw(const std::string& storePath,
                                                 const Crs& analysisCrs)
{
    // The catalog and conventional-name logic stay in ZoningStore; only the features are re-read.
    const auto store = ZoningStore::load(storePath, analysisCrs);
    std::vector<ZoneLayer> layers = store->layers();
    for (ZoneLayer& zl : layers)
    {
        ReadOptions ro;
        ro.layerName = zl.layer->name;
        ro.targetCrs = store->analysisCrs();
        ro.repairInvalid = false;
        ro.idField = zl.idField;
        zl.layer = std::make_shared<const Layer>(readLayer(zl.layer->source, ro));
    }
    return std::make_shared<const ZoningStore>(storePath, store->analysisCrs(), std::move(layers));
}

QaReport checkZoningStore(const std::string& storePath, const QaOptions& options)
{
    const auto store = loadZoningRaw(storePath);
    QaOptions o = options;
    if (o.storeLabel.empty())
        o.storeLabel = storePath;
    return runZoningQa(store->layers(), store->analysisCrs(), o);
}

} // namespace redline
