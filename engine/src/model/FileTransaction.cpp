#include "model/FileTransaction.hpp"

#include <ogrsf_frmts.h>

#include "redline/core/Error.hpp"
#include "redline/edit/EditErrors.hpp"

#include "edit/RevisionTables.hpp"
#include "gdal/GdalHandles.hpp"
#include "gdal/OgrConvert.hpp"

namespace redline::detail
{

namespace
{

std::vector<unsigned char> toWkb(const std::optional<Feature>& f, const CrsTransform* toStored)
{
    if (!f || f->geometry.isEmpty())
        return {};
    const Geometry g = toStored ? toStored->apply(f->geometry) : f->geometry;
    OGRGeometryUniquePtr og = toOgr(g);
    std::vector<unsigned char> bytes(static_cast<std::size_t>(og->WkbSize()));
    og->exportToWkb(wkbNDR, bytes.data(), wkbVariantIso);
    return bytes;
}

void fillFeature(OGRFeature& out, const Feature& f, OGRLayer& layer, const CrsTransform* toStored,
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
    OGRGeometryUniquePtr g = toOgr(toStored ? toStored->apply(f.geometry) : f.geometry);
    const OGRwkbGeometryType want = wkbFlatten(layer.GetGeomType());
    if (want == wkbMultiPolygon && wkbFlatten(g->getGeometryType()) == wkbPolygon)
        g.reset(OGRGeometryFactory::forceToMultiPolygon(g.release()));
    else if (want == wkbPolygon && wkbFlatten(g->getGeometryType()) == wkbMultiPolygon &&
             g->toMultiPolygon()->getNumGeometries() == 1)
        g.reset(OGRGeometryFactory::forceToPolygon(g.release()));
    out.SetGeometryDirectly(g.release());
}

} // namespace

FileTransaction::FileTransaction(std::string gpkg, std::map<std::string, std::string> layers,
                                 const Crs& analysisCrs)
    : m_gpkg(std::move(gpkg)), m_layers(std::move(layers)), m_crs(analysisCrs)
{
    m_ds = openVector(m_gpkg, true);
    if (!m_ds)
        throw IoError(m_gpkg + ": cannot open the GeoPackage for writing.");
    edit::detail::ensureRevisionTables(*m_ds, m_gpkg);
    if (m_ds->StartTransaction(FALSE) != OGRERR_NONE)
        throw IoError(m_gpkg + ": cannot start a transaction (" + CPLGetLastErrorMsg() + ").");
    m_open = true;
    // Writing first takes SQLite's write lock, so the revision read next cannot move under us.
    edit::detail::execSql(*m_ds,
                          "INSERT OR REPLACE INTO redline_meta(key, value) VALUES('writer', " +
                              edit::detail::sqlText(edit::detail::utcNow()) + ")",
                          m_gpkg);
}

FileTransaction::~FileTransaction()
{
    if (m_open)
        m_ds->RollbackTransaction();
}

int FileTransaction::revision()
{
    return edit::detail::maxRevision(*m_ds);
}

std::vector<AuditRow> FileTransaction::changesAfter(int revision)
{
    return edit::detail::readAuditRows(*m_ds, revision, std::numeric_limits<int>::max(), false);
}

OGRLayer& FileTransaction::layer(const std::string& name, const std::string& where)
{
    const auto it = m_layers.find(name);
    OGRLayer* l = it == m_layers.end() ? nullptr : m_ds->GetLayerByName(it->second.c_str());
    if (!l)
        throw IoError(where + ": layer not found in the GeoPackage.");
    return *l;
}

const CrsTransform* FileTransaction::toStored(const std::string& name)
{
    auto [it, inserted] = m_toStored.try_emplace(name);
    if (inserted)
    {
        const OGRSpatialReference* srs = layer(name, m_gpkg).GetSpatialRef();
        if (srs)
        {
            char* wkt = nullptr;
            srs->exportToWkt(&wkt);
            const CplString owned(wkt);
            const Crs stored = Crs::fromWkt(wkt ? wkt : "");
            if (!stored.isSame(m_crs))
                it->second = std::make_unique<CrsTransform>(m_crs, stored);
        }
    }
    return it->second.get();
}

std::int64_t FileTransaction::insert(const std::string& name, const Feature& f)
{
    const std::string where = m_gpkg + ", layer '" + name + "'";
    OGRLayer& l = layer(name, where);
    OGRFeatureUniquePtr out(OGRFeature::CreateFeature(l.GetLayerDefn()));
    fillFeature(*out, f, l, toStored(name), where);
    if (l.CreateFeature(out.get()) != OGRERR_NONE)
        throw IoError(where + ": cannot add the feature (" + CPLGetLastErrorMsg() + ").");
    return out->GetFID();
}

void FileTransaction::update(const std::string& name, const Feature& f)
{
    const std::string where = m_gpkg + ", layer '" + name + "', fid " + std::to_string(f.fid);
    OGRLayer& l = layer(name, where);
    OGRFeatureUniquePtr out(l.GetFeature(f.fid));
    if (!out)
        throw IoError(where + ": the feature is missing from the store.");
    fillFeature(*out, f, l, toStored(name), where);
    if (l.SetFeature(out.get()) != OGRERR_NONE)
        throw IoError(where + ": cannot update the feature (" + CPLGetLastErrorMsg() + ").");
}

void FileTransaction::remove(const std::string& name, std::int64_t fid)
{
    const std::string where = m_gpkg + ", layer '" + name + "', fid " + std::to_string(fid);
    if (layer(name, where).DeleteFeature(fid) != OGRERR_NONE)
        throw IoError(where + ": cannot delete the feature (" + CPLGetLastErrorMsg() + ").");
}

void FileTransaction::addAudit(const AuditRow& r)
{
    const CrsTransform* t = toStored(r.layer);
    edit::detail::insertAuditRow(*m_ds, r, toWkb(r.before, t), toWkb(r.after, t), m_gpkg);
}

void FileTransaction::addRevision(const RevisionInfo& r)
{
    edit::detail::insertRevisionRow(*m_ds, r, m_gpkg);
}

void FileTransaction::commit()
{
    if (m_ds->CommitTransaction() != OGRERR_NONE)
        throw IoError(m_gpkg + ": the commit failed (" + CPLGetLastErrorMsg() +
                      "); nothing was saved.");
    m_open = false;
    m_ds.reset(); // close now so that GDAL's own metadata updates are flushed outside our work
}

} // namespace redline::detail
