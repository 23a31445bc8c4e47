#include "redline/edit/EditSession.hpp"

#include <set>

#include "redline/core/Error.hpp"
#include "redline/model/ZoningStore.hpp"

#include "edit/EditState.hpp"
#include "edit/PolygonEdits.hpp"
#include "model/FileSource.hpp"

namespace redline
{

using edit::detail::EditOp;
using edit::detail::FeatureKey;
using edit::detail::OpRecord;
using edit::detail::OpType;
using edit::detail::WorkingLayer;

namespace edit::detail
{

bool sameFeature(const Feature& a, const Feature& b)
{
    return a.fid == b.fid && a.geometry.type() == b.geometry.type() &&
           a.geometry.parts() == b.geometry.parts() && a.attributes.items() == b.attributes.items();
}

std::map<std::string, WorkingLayer> loadWorkingLayers(ZoningSource& source, Crs& crs,
                                                      std::vector<std::string>& order)
{
    StoreReadOptions options;
    options.repairInvalid = false;
    const auto store = ZoningStore::load(source, options);
    crs = store->analysisCrs();
    std::map<std::string, WorkingLayer> out;
    order.clear();
    for (const ZoneLayer& zl : store->layers())
    {
        order.push_back(zl.name);
        WorkingLayer wl;
        wl.info = zl;
        for (const Feature& f : zl.layer->features)
            wl.features.emplace(f.fid, f);
        out.emplace(zl.name, std::move(wl));
    }
    return out;
}

std::vector<ZoneLayer> toZoneLayers(const std::map<std::string, WorkingLayer>& ls,
                                    const std::vector<std::string>& order)
{
    std::vector<ZoneLayer> out;
    for (const auto& name : order)
    {
        const WorkingLayer& wl = ls.at(name);
        ZoneLayer zl = wl.info;
        auto layer = std::make_shared<Layer>(*wl.info.layer);
        layer->features.clear();
        for (const auto& [fid, f] : wl.features)
            layer->features.push_back(f);
        zl.layer = std::move(layer);
        out.push_back(std::move(zl));
    }
    return out;
}

} // namespace edit::detail

WorkingLayer& EditSession::Impl::layer(const std::string& name)
{
    const auto it = work.find(name);
    if (it == work.end())
        throw EditError(label + ": no layer '" + name + "' in this zoning store.");
    return it->second;
}

Feature& EditSession::Impl::existing(const std::string& layerName, std::int64_t fid)
{
    WorkingLayer& wl = layer(layerName);
    const auto it = wl.features.find(fid);
    if (it == wl.features.end())
        throw EditError(label + ", layer '" + layerName + "': no feature with fid " +
                        std::to_string(fid) + ".");
    return it->second;
}

namespace
{

// Collects the before/after images of every feature an operation touches.
class Recorder
{
  public:
    Recorder(EditSession::Impl& impl, OpRecord& record) : m_impl(impl), m_record(record) {}

    void put(const std::string& layer, std::int64_t fid, std::optional<Feature> after)
    {
        auto& features = m_impl.layer(layer).features;
        const FeatureKey key{layer, fid};
        if (m_seen.insert(key).second)
        {
            const auto it = features.find(fid);
            m_record.before.emplace_back(
                key, it == features.end() ? std::nullopt : std::optional<Feature>(it->second));
        }
        if (after)
        {
            after->fid = fid;
            features[fid] = *after;
        }
        else
            features.erase(fid);
    }

    void finish()
    {
        for (const auto& [key, unused] : m_record.before)
        {
            const auto& features = m_impl.work.at(key.layer).features;
            const auto it = features.find(key.fid);
            m_record.after.emplace_back(
                key, it == features.end() ? std::nullopt : std::optional<Feature>(it->second));
        }
    }

  private:
    EditSession::Impl& m_impl;
    OpRecord& m_record;
    std::set<FeatureKey> m_seen;
};

void requirePolygon(const std::string& where, const Geometry& g)
{
    if (g.isEmpty() || g.dimension() != Dimension::Area)
        throw EditError(where + ": zoning features must be polygons.");
}

} // namespace

OpRecord EditSession::Impl::apply(const EditOp& op)
{
    OpRecord record;
    record.op = op;
    record.nextTempFidBefore = nextTempFid;
    Recorder rec(*this, record);
    const std::string where = label + ", layer '" + op.layer + "'";
    switch (op.type)
    {
    case OpType::Add:
    {
        layer(op.layer);
        requirePolygon(where, op.geometry);
        Feature f;
        f.geometry = op.geometry;
        f.attributes = op.attributes;
        record.op.fids = {nextTempFid};
        rec.put(op.layer, nextTempFid--, f);
        break;
    }
    case OpType::SetGeometry:
    {
        Feature f = existing(op.layer, op.fids.at(0));
        requirePolygon(where + ", fid " + std::to_string(f.fid), op.geometry);
        f.geometry = op.geometry;
        rec.put(op.layer, f.fid, f);
        break;
    }
    case OpType::SetAttributes:
    {
        Feature f = existing(op.layer, op.fids.at(0));
        f.attributes = op.attributes;
        rec.put(op.layer, f.fid, f);
        break;
    }
    case OpType::SetAttribute:
    {
        Feature f = existing(op.layer, op.fids.at(0));
        f.attributes.set(op.name, op.value);
        rec.put(op.layer, f.fid, f);
        break;
    }
    case OpType::Delete:
        existing(op.layer, op.fids.at(0));
        rec.put(op.layer, op.fids.at(0), std::nullopt);
        break;
    case OpType::Split:
    {
        const Feature f = existing(op.layer, op.fids.at(0));
        const std::vector<Geometry> pieces = edit::detail::splitByLine(
            f.geometry, op.geometry, where + ", fid " + std::to_string(f.fid));
        Feature first = f;
        first.geometry = pieces[0];
        rec.put(op.layer, f.fid, first);
        record.op.fids = {f.fid};
        for (std::size_t i = 1; i < pieces.size(); ++i)
        {
            Feature piece = f;
            piece.geometry = pieces[i];
            rec.put(op.layer, nextTempFid, piece);
            record.op.fids.push_back(nextTempFid--);
        }
        // Keep the user's fid list for re-application: only the split feature matters.
        record.op.fids.resize(1);
        break;
    }
    case OpType::Merge:
    {
        if (op.fids.size() < 2)
            throw EditError(where + ": merging needs at least two features.");
        std::vector<Geometry> geoms;
        for (std::int64_t fid : op.fids)
            geoms.push_back(existing(op.layer, fid).geometry);
        Feature merged = existing(op.layer, op.fids[0]);
        merged.geometry = edit::detail::mergeAll(geoms, where);
        rec.put(op.layer, merged.fid, merged);
        for (std::size_t i = 1; i < op.fids.size(); ++i)
            rec.put(op.layer, op.fids[i], std::nullopt);
        break;
    }
    }
    rec.finish();
    return record;
}

EditSession::EditSession(const std::string& storePath, std::string user)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->storePath = storePath;
    m_impl->user = std::move(user);
    const auto source = ZoningSource::open(storePath);
    m_impl->label = source->label();
    const auto revision = source->revision();
    if (!revision)
        throw ConfigError(source->label() + ": edit sessions need a store that keeps revisions "
                                            "(a GeoPackage, a catalog of one, or PostGIS).");
    if (const auto* file = dynamic_cast<const detail::FileSource*>(source.get()))
        m_impl->gpkgPath = file->geoPackage();
    m_impl->baseRevision = *revision;
    m_impl->base = edit::detail::loadWorkingLayers(*source, m_impl->crs, m_impl->order);
    m_impl->work = m_impl->base;
}

EditSession::~EditSession() = default;

const std::string& EditSession::storePath() const
{
    return m_impl->storePath;
}
const std::string& EditSession::storeLabel() const
{
    return m_impl->label;
}
const std::string& EditSession::geoPackage() const
{
    return m_impl->gpkgPath;
}
const Crs& EditSession::crs() const
{
    return m_impl->crs;
}
int EditSession::baseRevision() const
{
    return m_impl->baseRevision;
}
std::vector<std::string> EditSession::layerNames() const
{
    return m_impl->order;
}

const ZoneLayer& EditSession::layerInfo(const std::string& layer) const
{
    return m_impl->layer(layer).info;
}

std::vector<Feature> EditSession::features(const std::string& layer) const
{
    std::vector<Feature> out;
    for (const auto& [fid, f] : m_impl->layer(layer).features)
        out.push_back(f);
    return out;
}

std::optional<Feature> EditSession::feature(const std::string& layer, std::int64_t fid) const
{
    const auto& fs = m_impl->layer(layer).features;
    const auto it = fs.find(fid);
    return it == fs.end() ? std::nullopt : std::optional<Feature>(it->second);
}

namespace
{

std::int64_t run(EditSession::Impl& impl, const EditOp& op)
{
    OpRecord record = impl.apply(op);
    impl.undone.clear();
    const std::int64_t fid = record.op.fids.empty() ? 0 : record.op.fids[0];
    impl.done.push_back(std::move(record));
    return fid;
}

} // namespace

std::int64_t EditSession::addFeature(const std::string& layer, Geometry geometry,
                                     Attributes attributes)
{
    EditOp op;
    op.type = OpType::Add;
    op.layer = layer;
    op.geometry = std::move(geometry);
    op.attributes = std::move(attributes);
    return run(*m_impl, op);
}

void EditSession::setGeometry(const std::string& layer, std::int64_t fid, Geometry geometry)
{
    EditOp op;
    op.type = OpType::SetGeometry;
    op.layer = layer;
    op.fids = {fid};
    op.geometry = std::move(geometry);
    run(*m_impl, op);
}

void EditSession::setAttributes(const std::string& layer, std::int64_t fid, Attributes attributes)
{
    EditOp op;
    op.type = OpType::SetAttributes;
    op.layer = layer;
    op.fids = {fid};
    op.attributes = std::move(attributes);
    run(*m_impl, op);
}

void EditSession::setAttribute(const std::string& layer, std::int64_t fid, const std::string& name,
                               AttributeValue value)
{
    EditOp op;
    op.type = OpType::SetAttribute;
    op.layer = layer;
    op.fids = {fid};
    op.name = name;
    op.value = std::move(value);
    run(*m_impl, op);
}

void EditSession::deleteFeature(const std::string& layer, std::int64_t fid)
{
    EditOp op;
    op.type = OpType::Delete;
    op.layer = layer;
    op.fids = {fid};
    run(*m_impl, op);
}

std::vector<std::int64_t> EditSession::splitPolygon(const std::string& layer, std::int64_t fid,
                                                    const Geometry& line)
{
    EditOp op;
    op.type = OpType::Split;
    op.layer = layer;
    op.fids = {fid};
    op.geometry = line;
    OpRecord record = m_impl->apply(op);
    std::vector<std::int64_t> pieces;
    for (const auto& [key, after] : record.after)
        if (after)
            pieces.push_back(key.fid);
    m_impl->undone.clear();
    m_impl->done.push_back(std::move(record));
    return pieces;
}

std::int64_t EditSession::mergePolygons(const std::string& layer,
                                        const std::vector<std::int64_t>& fids)
{
    EditOp op;
    op.type = OpType::Merge;
    op.layer = layer;
    op.fids = fids;
    return run(*m_impl, op);
}

bool EditSession::canUndo() const
{
    return !m_impl->done.empty();
}
bool EditSession::canRedo() const
{
    return !m_impl->undone.empty();
}
std::size_t EditSession::operationCount() const
{
    return m_impl->done.size();
}

void EditSession::undo()
{
    if (m_impl->done.empty())
        throw EditError(m_impl->label + ": nothing to undo.");
    OpRecord record = std::move(m_impl->done.back());
    m_impl->done.pop_back();
    for (const auto& [key, before] : record.before)
    {
        auto& fs = m_impl->work.at(key.layer).features;
        if (before)
            fs[key.fid] = *before;
        else
            fs.erase(key.fid);
    }
    m_impl->nextTempFid = record.nextTempFidBefore;
    m_impl->undone.push_back(std::move(record));
}

void EditSession::redo()
{
    if (m_impl->undone.empty())
        throw EditError(m_impl->label + ": nothing to redo.");
    OpRecord record = std::move(m_impl->undone.back());
    m_impl->undone.pop_back();
    for (const auto& [key, after] : record.after)
    {
        auto& fs = m_impl->work.at(key.layer).features;
        if (after)
            fs[key.fid] = *after;
        else
            fs.erase(key.fid);
    }
    for (const auto& [key, after] : record.after)
        if (key.fid < 0 && key.fid <= m_impl->nextTempFid)
            m_impl->nextTempFid = key.fid - 1;
    m_impl->done.push_back(std::move(record));
}

std::vector<FeatureChange> EditSession::changes() const
{
    std::set<FeatureKey> touched;
    for (const auto& record : m_impl->done)
        for (const auto& [key, unused] : record.before)
            touched.insert(key);
    std::vector<FeatureChange> out;
    for (const FeatureKey& key : touched)
    {
        const auto& baseFs = m_impl->base.at(key.layer).features;
        const auto& workFs = m_impl->work.at(key.layer).features;
        const auto b = baseFs.find(key.fid);
        const auto a = workFs.find(key.fid);
        FeatureChange c;
        c.layer = key.layer;
        c.fid = key.fid;
        if (b != baseFs.end())
            c.before = b->second;
        if (a != workFs.end())
            c.after = a->second;
        if (!c.before && !c.after)
            continue;
        if (c.before && c.after && edit::detail::sameFeature(*c.before, *c.after))
            continue;
        out.push_back(std::move(c));
    }
    return out;
}

void EditSession::rebase()
{
    std::vector<EditOp> ops;
    for (const auto& record : m_impl->done)
        ops.push_back(record.op);
    const auto source = ZoningSource::open(m_impl->storePath);
    m_impl->baseRevision = source->revision().value_or(0);
    m_impl->base = edit::detail::loadWorkingLayers(*source, m_impl->crs, m_impl->order);
    m_impl->work = m_impl->base;
    m_impl->done.clear();
    m_impl->undone.clear();
    m_impl->nextTempFid = -1;
    for (const EditOp& op : ops)
    {
        EditOp replay = op;
        if (replay.type == OpType::Add)
            replay.fids.clear();
        m_impl->done.push_back(m_impl->apply(replay));
    }
}

} // namespace redline
