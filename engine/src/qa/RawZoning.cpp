#include "redline/qa/RawZoning.hpp"

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
    StoreReadOptions o;
    o.analysisCrs = analysisCrs;
    o.repairInvalid = false;
    return ZoningStore::load(storePath, o);
}

QaReport checkZoningStore(const std::string& storePath, const QaOptions& options)
{
    const auto store = loadZoningRaw(storePath);
    QaOptions o = options;
    if (o.storeLabel.empty())
        o.storeLabel = store->label();
    return runZoningQa(store->layers(), store->analysisCrs(), o);
}

} // namespace redline
