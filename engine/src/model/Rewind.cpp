#include "model/Rewind.hpp"

#include <map>

#include "geo/TransformCache.hpp"

namespace redline::detail
{

void rewindLayers(std::vector<ZoneLayer>& layers, const std::vector<AuditRow>& undo,
                  const ZoningSource& source, const Crs& analysisCrs,
                  const std::optional<Envelope>& window)
{
    if (undo.empty())
        return;
    std::map<std::string, std::map<std::int64_t, Feature>> state;
    std::map<std::string, const CrsTransform*> toAnalysis;
    for (const ZoneLayer& zl : layers)
    {
        auto& fs = state[zl.name];
        for (const Feature& f : zl.layer->features)
            fs.emplace(f.fid, f);
        const Crs stored = source.storedCrs(zl);
        toAnalysis[zl.name] = stored.isValid() && !stored.isSame(analysisCrs)
                                  ? &cachedTransform(stored, analysisCrs)
                                  : nullptr;
    }
    for (auto it = undo.rbegin(); it != undo.rend(); ++it)
    {
        const auto layer = state.find(it->layer);
        if (layer == state.end())
            continue; // a layer no longer in the catalog
        auto& fs = layer->second;
        fs.erase(it->fid);
        if (!it->before)
            continue;
        Feature f = *it->before;
        if (const CrsTransform* t = toAnalysis[it->layer])
            f.geometry = t->apply(f.geometry);
        if (window && !f.geometry.envelope().intersects(*window))
            continue;
        fs[it->fid] = std::move(f);
    }
    for (ZoneLayer& zl : layers)
    {
        auto layer = std::make_shared<Layer>(*zl.layer);
        layer->features.clear();
        for (auto& [fid, f] : state[zl.name])
            layer->features.push_back(std::move(f));
        zl.layer = std::move(layer);
    }
}

} // namespace redline::detail
