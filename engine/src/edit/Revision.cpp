#include "redline/edit/Revision.hpp"

#include <filesystem>

#include <ogrsf_frmts.h>
#include <yaml-cpp/yaml.h>

#include "redline/core/Error.hpp"

#include "edit/RevisionTables.hpp"
#include "gdal/GdalHandles.hpp"
#include "gdal/OgrConvert.hpp"

namespace fs = std::filesystem;

namespace redline
{

std::string storeGeoPackage(const std::string& storePath)
{
    const fs::path p(storePath);
    const std::string ext = p.extension().string();
    if (ext != ".yaml" && ext != ".yml")
    {
        if (ext != ".gpkg")
            throw ConfigError(storePath + ": edit sessions, history and revisions need a "
                                          "GeoPackage store (.gpkg) or a catalog of one.");
        return storePath;
    }
    YAML::Node root;
    try
    {
        root = YAML::LoadFile(storePath);
    }
    catch (const YAML::Exception& e)
    {
        throw ConfigError(storePath + ": not a valid YAML catalog (" + e.msg + ").");
    }
    std::string gpkg;
    for (const auto& layer : root["layers"])
    {
        if (!layer["source"])
            continue;
        fs::path source = layer["source"].as<std::string>();
        if (source.is_relative())
            source = p.parent_path() / source;
        const std::string s = source.lexically_normal().string();
        if (!gpkg.empty() && s != gpkg)
            throw ConfigError(storePath +
                              ": edit sessions need every layer in one GeoPackage, "
                              "but the catalog uses " +
                              gpkg + " and " + s + ".");
        gpkg = s;
    }
    if (gpkg.empty() || fs::path(gpkg).extension() != ".gpkg")
        throw ConfigError(storePath + ": the catalog's layers are not in a GeoPackage.");
    return gpkg;
}

namespace
{

GDALDatasetUniquePtr openStore(const std::string& gpkg)
{
    auto ds = detail::openVector(gpkg, false);
    if (!ds)
        throw IoError(gpkg + ": cannot open the GeoPackage.");
    return ds;
}

std::optional<Feature> featureFrom(const OGRFeature& row, int geomField, int attrField,
                                   std::int64_t fid)
{
    if (row.IsFieldNull(attrField) && row.IsFieldNull(geomField))
        return std::nullopt;
    Feature f;
    f.fid = fid;
    f.attributes = edit::detail::attributesFromJson(row.GetFieldAsString(attrField));
    if (!row.IsFieldNull(geomField))
    {
        int size = 0;
        const GByte* wkb = row.GetFieldAsBinary(geomField, &size);
        OGRGeometry* raw = nullptr;
        if (OGRGeometryFactory::createFromWkb(wkb, nullptr, &raw, size) != OGRERR_NONE || !raw)
            throw IoError("redline_audit: unreadable geometry for fid " + std::to_string(fid));
        OGRGeometryUniquePtr owned(raw);
        f.geometry = detail::fromOgr(*owned);
    }
    return f;
}

} // namespace

int currentRevision(const std::string& storePath)
{
    auto ds = openStore(storeGeoPackage(storePath));
    return edit::detail::maxRevision(*ds);
}

std::vector<RevisionInfo> readHistory(const std::string& storePath)
{
    auto ds = openStore(storeGeoPackage(storePath));
    std::vector<RevisionInfo> out;
    if (!edit::detail::hasRevisionTables(*ds))
        return out;
    // `revision + 0`: an expression, so that OGR does not take the primary key as the FID.
    OGRLayer* rs = ds->ExecuteSQL("SELECT revision + 0 AS rev, time, user, reason, added, "
                                  "modified, deleted, warnings FROM redline_revisions "
                                  "ORDER BY revision",
                                  nullptr, nullptr);
    if (!rs)
        return out;
    for (auto& f : *rs)
    {
        RevisionInfo r;
        r.revision = f->GetFieldAsInteger(0);
        r.time = f->GetFieldAsString(1);
        r.user = f->GetFieldAsString(2);
        r.reason = f->GetFieldAsString(3);
        r.added = f->GetFieldAsInteger(4);
        r.modified = f->GetFieldAsInteger(5);
        r.deleted = f->GetFieldAsInteger(6);
        r.warnings = f->GetFieldAsString(7);
        out.push_back(std::move(r));
    }
    ds->ReleaseResultSet(rs);
    return out;
}

std::vector<AuditRow> readAudit(const std::string& storePath, int fromExclusive, int toInclusive)
{
    auto ds = openStore(storeGeoPackage(storePath));
    std::vector<AuditRow> out;
    if (!edit::detail::hasRevisionTables(*ds))
        return out;
    const std::string sql =
        "SELECT revision, time, user, layer, fid, operation, old_geometry, new_geometry, "
        "old_attributes, new_attributes, reason FROM redline_audit WHERE revision > " +
        std::to_string(fromExclusive) + " AND revision <= " + std::to_string(toInclusive) +
        " ORDER BY id";
    OGRLayer* rs = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!rs)
        return out;
    for (auto& f : *rs)
    {
        AuditRow r;
        r.revision = f->GetFieldAsInteger(0);
        r.time = f->GetFieldAsString(1);
        r.user = f->GetFieldAsString(2);
        r.layer = f->GetFieldAsString(3);
        r.fid = f->GetFieldAsInteger64(4);
        r.operation = f->GetFieldAsString(5);
        r.before = featureFrom(*f, 6, 8, r.fid);
        r.after = featureFrom(*f, 7, 9, r.fid);
        r.reason = f->GetFieldAsString(10);
        out.push_back(std::move(r));
    }
    ds->ReleaseResultSet(rs);
    return out;
}

} // namespace redline
