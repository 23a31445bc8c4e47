#include "redline/edit/StoreDiff.hpp"

#include <map>
#include <memory>
#include <set>

#include <ogrsf_frmts.h>

#include "redline/core/Error.hpp"
#include "redline/edit/Revision.hpp"
#include "redline/geo/CrsTransform.hpp"
#include "redline/qa/RawZoning.hpp"
#include "redline/stats/ZoningStats.hpp"

#include "gdal/GdalHandles.hpp"

namespace redline
{

namespace
{

// CRS of each layer as stored in the GeoPackage (audit geometries are in it).
std::map<std::string, Crs> nativeCrsOf(const std::string& gpkg,
                                       const std::vector<ZoneLayer>& layers)
{
    std::map<std::string, Crs> out;
    auto ds = detail::openVector(gpkg, false);
    if (!ds)
        throw IoError(gpkg + ": cannot open the GeoPackage.");
    for (const ZoneLayer& zl : layers)
    {
        OGRLayer* layer = ds->GetLayerByName(zl.layer->name.c_str());
        if (!layer || !layer->GetSpatialRef())
            continue;
        char* wkt = nullptr;
        layer->GetSpatialRef()->exportToWkt(&wkt);
        out.emplace(zl.name, Crs::fromWkt(wkt));
        CPLFree(wkt);
    }
    return out;
}

} // namespace

std::vector<ZoneLayer> layersAtRevision(const std::string& storePath, int revision,
                                        Crs& analysisCrs)
{
    const int current = currentRevision(storePath);
    if (revision < 0 || revision > current)
        throw ConfigError(storePath + ": no revision " + std::to_string(revision) +
                          " (the store is at revision " + std::to_string(current) + ").");
    const auto store = loadZoningRaw(storePath);
    analysisCrs = store->analysisCrs();
    std::vector<ZoneLayer> layers = store->layers();
    if (revision == current)
        return layers;
    // Rewind: undo the audit rows after `revision`, newest first.
    std::map<std::string, std::map<std::int64_t, Feature>> state;
    for (const ZoneLayer& zl : layers)
        for (const Feature& f : zl.layer->features)
            state[zl.name].emplace(f.fid, f);
    const auto native = nativeCrsOf(storeGeoPackage(storePath), layers);
    std::map<std::string, std::unique_ptr<CrsTransform>> toAnalysis;
    for (const auto& [name, crs] : native)
        if (!crs.isSame(analysisCrs))
            toAnalysis[name] = std::make_unique<CrsTransform>(crs, analysisCrs);
    const auto rows = readAudit(storePath, revision, current);
    for (auto it = rows.rbegin(); it != rows.rend(); ++it)
    {
        auto& fs = state[it->layer];
        if (!it->before)
        {
            fs.erase(it->fid);
            continue;
        }
        Feature f = *it->before;
        const auto t = toAnalysis.find(it->layer);
        if (t != toAnalysis.end() && t->second)
            f.geometry = t->second->apply(f.geometry);
        fs[it->fid] = std::move(f);
    }
    for (ZoneLayer& zl : layers)
    {
        auto layer = std::make_shared<Layer>(*zl.layer);
        layer->features.clear();
        for (auto& [fid, f] : state[zl.name])
            layer->features.push_back(f);
        zl.layer = std::move(layer);
    }
    return layers;
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
    Crs crs;
    const auto a = layersAtRevision(storePath, fromRevision, crs);
    const auto b = layersAtRevision(storePath, toRevision, crs);
    StoreDiff d = diffLayers(a, b, crs);
    d.from = storePath + "@" + std::to_string(fromRevision);
    d.to = storePath + "@" + std::to_string(toRevision);
    return d;
}

StoreDiff diffStores(const std::string& fromStore, const std::string& toStore)
{
    const auto a = loadZoningRaw(fromStore);
    const auto b = loadZoningRaw(toStore, a->analysisCrs());
    StoreDiff d = diffLayers(a->layers(), b->layers(), a->analysisCrs());
    d.from = fromStore;
    d.to = toStore;
    return d;
}

} // namespace redline
