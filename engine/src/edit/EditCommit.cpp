// EditSession::commit: conflict check, QA of the change, then changes + revision + audit rows in
// one SQLite transaction. Every failure before CommitTransaction rolls back, so the store is
// either unchanged or fully at the new revision (also when the process is killed: SQLite journal).

#include <set>
#include <sstream>

#include <ogrsf_frmts.h>

#include "redline/edit/Revision.hpp"
#include "redline/geo/CrsTransform.hpp"

#include "edit/EditState.hpp"
#include "edit/RevisionTables.hpp"
#include "gdal/GdalHandles.hpp"
#include "gdal/OgrConvert.hpp"

namespace redline
{

using edit::detail::FeatureKey;
using edit::detail::WorkingLayer;

namespace
{

class Transaction
{
  public:
    Transaction(GDALDataset& ds, const std::string& path) : m_ds(ds)
    {
        if (m_ds.StartTransaction(FALSE) != OGRERR_NONE)
            throw IoError(path + ": cannot start a transaction (" + CPLGetLastErrorMsg() + ").");
    }
    ~Transaction()
    {
        if (!m_done)
            m_ds.RollbackTransaction();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit(const std::string& path)
    {
        if (m_ds.CommitTransaction() != OGRERR_NONE)
            throw IoError(path + ": the commit failed (" + CPLGetLastErrorMsg() +
                          "); nothing was saved.");
        m_done = true;
    }

  private:
    GDALDataset& m_ds;
    bool m_done = false;
};

std::vector<unsigned char> toWkb(const std::optional<Feature>& f, const CrsTransform* toNative)
{
    if (!f || f->geometry.isEmpty())
        return {};
    const Geometry g = toNative ? toNative->apply(f->geometry) : f->geometry;
    OGRGeometryUniquePtr og = detail::toOgr(g);
    std::vector<unsigned char> bytes(static_cast<std::size_t>(og->WkbSize()));
    og->exportToWkb(wkbNDR, bytes.data(), wkbVariantIso);
    return bytes;
}

void fillFeature(OGRFeature& out, const Feature& f, OGRLayer& layer, const CrsTransform* toNative,
                 const std::string& where)
{
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    for (const auto& [name, value] : f.attributes.items())
        if (defn->GetFieldIndex(name.c_str()) < 0)
            throw EditError(where + ": the layer has no field '" + name + "'.");
    for (int i = 0; i < defn->GetFieldCount(); ++i)
    {
        const char* name = defn->GetFieldDefn(i)->GetNameRef();
        const AttributeValue* v = f.attributes.find(name);
        if (!v || std::holds_alternative<std::monostate>(*v))
            out.SetFieldNull(i);
        else if (const auto* n = std::get_if<std::int64_t>(v))
            out.SetField(i, static_cast<GIntBig>(*n));
        else if (const auto* d = std::get_if<double>(v))
            out.SetField(i, *d);
        else
            out.SetField(i, std::get<std::string>(*v).c_str());
    }
    OGRGeometryUniquePtr g = detail::toOgr(toNative ? toNative->apply(f.geometry) : f.geometry);
    const OGRwkbGeometryType want = wkbFlatten(layer.GetGeomType());
    if (want == wkbMultiPolygon && wkbFlatten(g->getGeometryType()) == wkbPolygon)
        g.reset(OGRGeometryFactory::forceToMultiPolygon(g.release()));
    else if (want == wkbPolygon && wkbFlatten(g->getGeometryType()) == wkbMultiPolygon &&
             g->toMultiPolygon()->getNumGeometries() == 1)
        g.reset(OGRGeometryFactory::forceToPolygon(g.release()));
    out.SetGeometryDirectly(g.release());
}

std::string firstMessages(const QaReport& qa, QaSeverity severity)
{
    std::string out;
    int n = 0;
    for (const auto& f : qa.findings)
        if (f.severity == severity && n++ < 3)
            out += (out.empty() ? "" : "; ") + f.message;
    return out;
}

// What a change touches: its features and the regions of their before/after envelopes.
QaScope scopeOf(const std::vector<FeatureChange>& changes)
{
    QaScope scope;
    for (const auto& c : changes)
    {
        scope.features[c.layer].insert(c.fid);
        if (c.before)
            scope.regions.push_back(c.before->geometry.envelope());
        if (c.after)
            scope.regions.push_back(c.after->geometry.envelope());
    }
    return scope;
}

} // namespace

QaReport EditSession::validate(const QaOptions& options) const
{
    QaOptions qaOptions = options;
    qaOptions.scope = scopeOf(changes());
    qaOptions.storeLabel = m_impl->storePath;
    return runZoningQa(edit::detail::toZoneLayers(m_impl->work, m_impl->order), m_impl->crs,
                       qaOptions);
}

CommitResult EditSession::commit(const std::string& reason)
{
    CommitOptions o;
    o.reason = reason;
    return commit(o);
}

CommitResult EditSession::commit(const CommitOptions& options)
{
    Impl& s = *m_impl;
    const std::vector<FeatureChange> changes = this->changes();
    if (changes.empty())
        throw EditError(s.storePath + ": nothing to commit.");
    auto ds = detail::openVector(s.gpkgPath, true);
    if (!ds)
        throw IoError(s.gpkgPath + ": cannot open the GeoPackage for writing.");
    edit::detail::ensureRevisionTables(*ds, s.gpkgPath);

    Transaction tx(*ds, s.gpkgPath);
    // Writing first takes SQLite's write lock, so the revision read below cannot move under us.
    edit::detail::execSql(*ds,
                          "INSERT OR REPLACE INTO redline_meta(key, value) VALUES('writer', " +
                              edit::detail::sqlText(s.user) + ")",
                          s.gpkgPath);
    const int current = edit::detail::maxRevision(*ds);

    std::set<FeatureKey> touched;
    for (const auto& c : changes)
        touched.insert({c.layer, c.fid});
    std::map<std::string, WorkingLayer> after;
    if (current != s.baseRevision)
    {
        const std::string sql = "SELECT revision, user, time, layer, fid FROM redline_audit "
                                "WHERE revision > " +
                                std::to_string(s.baseRevision) + " ORDER BY id";
        OGRLayer* rs = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        std::string conflicts;
        std::size_t count = 0;
        if (rs)
        {
            for (auto& row : *rs)
            {
                const FeatureKey key{row->GetFieldAsString(3), row->GetFieldAsInteger64(4)};
                if (!touched.count(key))
                    continue;
                if (count++ < 3)
                    conflicts += std::string(conflicts.empty() ? "" : "; ") + "layer '" +
                                 key.layer + "' fid " + std::to_string(key.fid) +
                                 " changed in revision " + row->GetFieldAsString(0) + " by " +
                                 row->GetFieldAsString(1) + " at " + row->GetFieldAsString(2);
            }
            ds->ReleaseResultSet(rs);
        }
        if (count > 0)
            throw EditConflict(s.storePath +
                               ": commit refused, the session started from "
                               "revision " +
                               std::to_string(s.baseRevision) +
                               " and the store is now at revision " + std::to_string(current) +
                               ": " + conflicts + (count > 3 ? " (and more)" : "") +
                               ". Nothing was saved; rebase() re-applies this session's " +
                               std::to_string(s.done.size()) + " operation(s) on revision " +
                               std::to_string(current) + ".");
        // Other features changed meanwhile: check and save this change on top of them.
        std::vector<std::string> order;
        Crs crs;
        after = edit::detail::loadWorkingLayers(s.storePath, crs, order);
        for (const auto& c : changes)
        {
            auto& fs = after.at(c.layer).features;
            if (c.after)
                fs[c.fid] = *c.after;
            else
                fs.erase(c.fid);
        }
    }
    else
        after = s.work;

    QaOptions qaOptions = options.qa;
    qaOptions.scope = scopeOf(changes);
    qaOptions.storeLabel = s.storePath;
    QaReport qa = runZoningQa(edit::detail::toZoneLayers(after, s.order), s.crs, qaOptions);
    if (qa.hasErrors())
        throw CommitRefused(
            s.storePath + ": commit refused, the change has " + std::to_string(qa.errorCount()) +
                " QA error(s): " + firstMessages(qa, QaSeverity::Error) + ". Nothing was saved.",
            qa);
    if (qa.warningCount() > 0 && options.reason.empty())
        throw CommitRefused(
            s.storePath + ": commit refused, the change has " + std::to_string(qa.warningCount()) +
                " QA warning(s) that need a reason: " + firstMessages(qa, QaSeverity::Warning) +
                ". Nothing was saved.",
            qa);

    CommitResult result;
    result.revision = current + 1;
    result.qa = qa;
    const std::string time = edit::detail::utcNow();
    std::map<std::string, std::unique_ptr<CrsTransform>> toNative;
    std::size_t done = 0;
    for (const FeatureChange& c : changes)
    {
        const WorkingLayer& wl = s.work.at(c.layer);
        OGRLayer* layer = ds->GetLayerByName(wl.sourceLayer.c_str());
        const std::string where =
            s.gpkgPath + ", layer '" + c.layer + "', fid " + std::to_string(c.fid);
        if (!layer)
            throw IoError(where + ": layer not found in the GeoPackage.");
        if (!toNative.count(c.layer))
        {
            const OGRSpatialReference* srs = layer->GetSpatialRef();
            std::unique_ptr<CrsTransform> t;
            if (srs)
            {
                char* wkt = nullptr;
                srs->exportToWkt(&wkt);
                const Crs native = Crs::fromWkt(wkt);
                CPLFree(wkt);
                if (!native.isSame(s.crs))
                    t = std::make_unique<CrsTransform>(s.crs, native);
            }
            toNative[c.layer] = std::move(t);
        }
        const CrsTransform* tr = toNative[c.layer].get();
        std::int64_t fid = c.fid;
        std::string operation;
        if (!c.after)
        {
            operation = "delete";
            if (layer->DeleteFeature(c.fid) != OGRERR_NONE)
                throw IoError(where + ": cannot delete the feature (" + CPLGetLastErrorMsg() +
                              ").");
            ++result.deleted;
        }
        else if (!c.before)
        {
            operation = "insert";
            OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            fillFeature(*f, *c.after, *layer, tr, where);
            if (layer->CreateFeature(f.get()) != OGRERR_NONE)
                throw IoError(where + ": cannot add the feature (" + CPLGetLastErrorMsg() + ").");
            fid = f->GetFID();
            result.newFids.emplace_back(c.fid, fid);
            ++result.added;
        }
        else
        {
            operation = "update";
            OGRFeatureUniquePtr f(layer->GetFeature(c.fid));
            if (!f)
                throw IoError(where + ": the feature is missing from the store.");
            fillFeature(*f, *c.after, *layer, tr, where);
            if (layer->SetFeature(f.get()) != OGRERR_NONE)
                throw IoError(where + ": cannot update the feature (" + CPLGetLastErrorMsg() +
                              ").");
            ++result.modified;
        }
        const std::string oldAttrs =
            c.before ? edit::detail::sqlText(edit::detail::attributesToJson(c.before->attributes))
                     : "NULL";
        const std::string newAttrs =
            c.after ? edit::detail::sqlText(edit::detail::attributesToJson(c.after->attributes))
                    : "NULL";
        edit::detail::execSql(
            *ds,
            "INSERT INTO redline_audit(revision, time, user, layer, fid, operation, old_geometry, "
            "new_geometry, old_attributes, new_attributes, reason) VALUES(" +
                std::to_string(result.revision) + ", " + edit::detail::sqlText(time) + ", " +
                edit::detail::sqlText(s.user) + ", " + edit::detail::sqlText(c.layer) + ", " +
                std::to_string(fid) + ", '" + operation + "', " +
                edit::detail::sqlBlob(toWkb(c.before, tr)) + ", " +
                edit::detail::sqlBlob(toWkb(c.after, tr)) + ", " + oldAttrs + ", " + newAttrs +
                ", " + edit::detail::sqlText(options.reason) + ")",
            s.gpkgPath);
        if (options.progress)
            options.progress(++done, changes.size());
    }
    std::string warnings;
    for (const auto& f : qa.findings)
        warnings += (warnings.empty() ? "" : "\n") + f.message;
    edit::detail::execSql(
        *ds,
        "INSERT INTO redline_revisions(revision, time, user, reason, added, modified, deleted, "
        "warnings) VALUES(" +
            std::to_string(result.revision) + ", " + edit::detail::sqlText(time) + ", " +
            edit::detail::sqlText(s.user) + ", " + edit::detail::sqlText(options.reason) + ", " +
            std::to_string(result.added) + ", " + std::to_string(result.modified) + ", " +
            std::to_string(result.deleted) + ", " + edit::detail::sqlText(warnings) + ")",
        s.gpkgPath);
    tx.commit(s.gpkgPath);
    ds.reset(); // close now so that GDAL's own metadata updates are flushed outside our work

    // The session continues from the new revision: provisional fids become the store's fids.
    for (const auto& [temp, real] : result.newFids)
    {
        for (const auto& c : changes)
        {
            if (c.fid != temp)
                continue;
            auto& fs = after.at(c.layer).features;
            Feature f = fs.at(temp);
            fs.erase(temp);
            f.fid = real;
            fs[real] = std::move(f);
        }
    }
    s.base = after;
    s.work = after;
    s.baseRevision = result.revision;
    s.done.clear();
    s.undone.clear();
    s.nextTempFid = -1;
    return result;
}

} // namespace redline
