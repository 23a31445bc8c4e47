#include "redline/edit/StoreDiff.hpp"

#include <map>
#include <memory>
#include <set>

#include "redline/model/ZoningSource.hpp"
#include "redline/model/ZoningStore.hpp"
#include "redline/qa/RawZoning.hpp"
#include "redline/stats/ZoningStats.hpp"

namespace redline
{

std::vector<ZoneLayer> layersAtRevision(const std::string& storePath, int revision,
                                        Crs& analysisCrs)
{
    StoreReadOptions options;
    options.revision = revision;
    options.repairInvalid = false;
    const auto store = ZoningStore::load(storePath, options);
    analysisCrs = store->analysisCrs();
    return store->layers();
}

namespace
{

std::vector<std::string> changedAttributes(const Attributes& a, const Attributes& b)
{
    std::set<std::string> names;
    for (const auto& [n, v] : a.items())
        names.insert(n);
    for (const auto& [n, v] : b.items())
        names.insert(n);
    std::vector<std::string> out;
    for (const auto& n : names)
    {
        const AttributeValue* va = a.find(n);
        const AttributeValue* vb = b.find(n);
        const std::string ta = va ? toText(*va) : "";
        const std::string tb = vb ? toText(*vb) : "";
        if (ta != tb)
            out.push_back(n);
    }
    return out;
}

std::map<std::string, AreaRow> totalsByClass(const ZoneLayer* zl, const Crs& crs)
{
    std::map<std::string, AreaRow> out;
    if (!zl)
        return out;
    for (const AreaRow& r : computeZoningStats({*zl}, crs))
        out[r.className] = r;
    return out;
}

} // namespace

StoreDiff diffLayers(const std::vector<ZoneLayer>& from, const std::vector<ZoneLayer>& to,
                     const Crs& analysisCrs)
{
    StoreDiff diff;
    diff.analysisCrs = analysisCrs.label();
    std::vector<std::string> names;
    std::map<std::string, const ZoneLayer*> a;
    std::map<std::string, const ZoneLayer*> b;
    for (const auto& zl : from)
    {
        a[zl.name] = &zl;
        names.push_back(zl.name);
    }
    for (const auto& zl : to)
    {
        b[zl.name] = &zl;
        if (!a.count(zl.name))
            names.push_back(zl.name);
    }
    for (const auto& name : names)
    {
        const ZoneLayer* before = a.count(name) ? a[name] : nullptr;
        const ZoneLayer* after = b.count(name) ? b[name] : nullptr;
        const ZoneLayer* any = after ? after : before;
        LayerDiff ld;
        ld.layer = name;
        ld.kind = any->kind;
        ld.officialAreaKm2 = any->officialAreaKm2;
        std::map<std::int64_t, const Feature*> fa;
        std::map<std::int64_t, const Feature*> fb;
        if (before)
            for (const auto& f : before->layer->features)
                fa[f.fid] = &f;
        if (after)
            for (const auto& f : after->layer->features)
                fb[f.fid] = &f;
        std::set<std::int64_t> fids;
        for (const auto& [fid, f] : fa)
            fids.insert(fid);
        for (const auto& [fid, f] : fb)
            fids.insert(fid);
        for (std::int64_t fid : fids)
        {
            const Feature* x = fa.count(fid) ? fa[fid] : nullptr;
            const Feature* y = fb.count(fid) ? fb[fid] : nullptr;
            FeatureDiff fd;
            fd.fid = fid;
            const Feature* named = y ? y : x;
            fd.id = named->attributes.text(any->idField).value_or("");
            fd.areaBeforeM2 = x ? x->geometry.planarArea() : 0;
            fd.areaAfterM2 = y ? y->geometry.planarArea() : 0;
            if (!x)
            {
                fd.kind = FeatureDiff::Kind::Added;
                ++ld.added;
            }
            else if (!y)
            {
                fd.kind = FeatureDiff::Kind::Removed;
                ++ld.removed;
            }
            else
            {
                fd.geometryChanged = x->geometry.type() != y->geometry.type() ||
                                     x->geometry.parts() != y->geometry.parts();
                fd.attributesChanged = changedAttributes(x->attributes, y->attributes);
                if (!fd.geometryChanged && fd.attributesChanged.empty())
                    continue;
                ++ld.changed;
            }
            ld.features.push_back(std::move(fd));
        }
        const auto ta = totalsByClass(before, analysisCrs);
        const auto tb = totalsByClass(after, analysisCrs);
        std::set<std::string> classes;
        for (const auto& [c, r] : ta)
            classes.insert(c);
        for (const auto& [c, r] : tb)
            classes.insert(c);
        for (const auto& c : classes) // "*" sorts first
        {
            ClassAreaChange ac;
            ac.className = c;
            ac.classField = classFieldOf(ld.kind);
            if (ta.count(c))
            {
                ac.beforeM2 = ta.at(c).areaM2;
                ac.ellipsoidalBeforeM2 = ta.at(c).ellipsoidalM2;
            }
            if (tb.count(c))
            {
                ac.afterM2 = tb.at(c).areaM2;
                ac.ellipsoidalAfterM2 = tb.at(c).ellipsoidalM2;
            }
            ld.areas.push_back(ac);
        }
        diff.layers.push_back(std::move(ld));
    }
    return diff;
}

StoreDiff diffRevisions(const std::string& storePath, int fromRevision, int toRevision)
{
    const auto source = ZoningSource::open(storePath);
    StoreReadOptions options;
    options.repairInvalid = false;
    options.revision = fromRevision;
    const auto a = ZoningStore::load(*source, options);
    options.revision = toRevision;
    const auto b = ZoningStore::load(*source, options);
    StoreDiff d = diffLayers(a->layers(), b->layers(), a->analysisCrs());
    d.from = source->label() + "@" + std::to_string(fromRevision);
    d.to = source->label() + "@" + std::to_string(toRevision);
    return d;
}

StoreDiff diffStores(const std::string& fromStore, const std::string& toStore)
{
    const auto a = loadZoningRaw(fromStore);
    const auto b = loadZoningRaw(toStore, a->analysisCrs());
    StoreDiff d = diffLayers(a->layers(), b->layers(), a->analysisCrs());
    d.from = a->label();
    d.to = b->label();
    return d;
}

} // namespace redline
