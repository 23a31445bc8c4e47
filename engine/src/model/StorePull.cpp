// redline store pull: any zoning store (at a revision) -> a GeoPackage offline copy with the same
// fids, field types, catalog and history (issue 10, item 2). Written to a temporary file beside
// the target and renamed: nothing partial is ever left.

#include <filesystem>

#include <ogrsf_frmts.h>

#include "redline/core/AtomicFile.hpp"
#include "redline/core/Error.hpp"
#include "redline/model/StoreTransfer.hpp"
#include "redline/model/ZoningSource.hpp"

#include "edit/RevisionTables.hpp"
#include "gdal/GdalHandles.hpp"
#include "gdal/OgrConvert.hpp"
#include "model/GpkgCatalog.hpp"
#include "model/StoredLayers.hpp"

namespace fs = std::filesystem;

namespace redline
{

namespace
{

OGRwkbGeometryType ogrType(const std::string& typmod)
{
    if (typmod == "POINT")
        return wkbPoint;
    if (typmod == "LINESTRING")
        return wkbLineString;
    if (typmod == "POLYGON")
        return wkbPolygon;
    if (typmod == "MULTIPOINT")
        return wkbMultiPoint;
    if (typmod == "MULTILINESTRING")
        return wkbMultiLineString;
    if (typmod == "MULTIPOLYGON")
        return wkbMultiPolygon;
    return wkbUnknown;
}

OGRFieldType ogrType(detail::postgis::ColumnType t)
{
    switch (t)
    {
    case detail::postgis::ColumnType::Integer:
        return OFTInteger64;
    case detail::postgis::ColumnType::Real:
        return OFTReal;
    case detail::postgis::ColumnType::Text:
        return OFTString;
    }
    return OFTString;
}

std::vector<unsigned char> wkbOf(const std::optional<Feature>& f)
{
    if (!f || f->geometry.isEmpty())
        return {};
    const std::string w = detail::postgis::toWkb(f->geometry);
    return {w.begin(), w.end()};
}

void writeLayer(GDALDataset& ds, const detail::StoredLayer& l, const std::string& path)
{
    const auto* srs = static_cast<const OGRSpatialReference*>(l.crs.nativeHandle());
    const char* options[] = {"FID=fid", "GEOMETRY_NAME=geom", nullptr};
    OGRLayer* out = ds.CreateLayer(l.info.name.c_str(), const_cast<OGRSpatialReference*>(srs),
                                   ogrType(l.geometryType), const_cast<char**>(options));
    if (!out)
        throw IoError(path + ": cannot create layer '" + l.info.name + "' (" +
                      CPLGetLastErrorMsg() + ").");
    for (const auto& col : l.columns)
    {
        OGRFieldDefn fd(col.name.c_str(), ogrType(col.type));
        if (out->CreateField(&fd) != OGRERR_NONE)
            throw IoError(path + ": cannot create field '" + col.name + "' in layer '" +
                          l.info.name + "'.");
    }
    for (const Feature& f : l.features)
    {
        OGRFeatureUniquePtr of(OGRFeature::CreateFeature(out->GetLayerDefn()));
        of->SetFID(f.fid);
        for (int i = 0; i < static_cast<int>(l.columns.size()); ++i)
        {
            const AttributeValue* v =
                f.attributes.find(l.columns[static_cast<std::size_t>(i)].name);
            if (!v || std::holds_alternative<std::monostate>(*v))
                of->SetFieldNull(i);
            else if (const auto* n = std::get_if<std::int64_t>(v))
                of->SetField(i, static_cast<GIntBig>(*n));
            else if (const auto* d = std::get_if<double>(v))
                of->SetField(i, *d);
            else
                of->SetField(i, std::get<std::string>(*v).c_str());
        }
        of->SetGeometryDirectly(detail::toOgr(f.geometry).release());
        if (out->CreateFeature(of.get()) != OGRERR_NONE)
            throw IoError(path + ": cannot write fid " + std::to_string(f.fid) + " of layer '" +
                          l.info.name + "' (" + CPLGetLastErrorMsg() + ").");
    }
}

} // namespace

TransferSummary pullStore(const std::string& sourceLocator, const std::string& gpkgPath,
                          const PullOptions& options)
{
    if (fs::path(gpkgPath).extension() != ".gpkg")
        throw ConfigError(gpkgPath + ": an offline copy is a GeoPackage (.gpkg).");
    if (fs::exists(gpkgPath) && !options.replace)
        throw ConfigError(gpkgPath + ": the file exists; nothing was changed. Give --replace to "
                                     "overwrite it.");
    const auto source = ZoningSource::open(sourceLocator);
    TransferSummary summary;
    summary.source = source->label();
    summary.target = gpkgPath;
    summary.revision = options.revision.value_or(source->revision().value_or(0));
    const auto layers = detail::readStoredLayers(*source, summary.revision);

    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver)
        throw IoError(gpkgPath + ": GDAL has no GeoPackage driver.");
    AtomicFile file(gpkgPath);
    CPLErrorReset();
    {
        GDALDatasetUniquePtr ds(
            driver->Create(file.tempPath().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds)
            throw IoError(gpkgPath + ": cannot create the file (folder missing or not writable).");
        if (ds->StartTransaction(FALSE) != OGRERR_NONE)
            throw IoError(gpkgPath + ": cannot start writing.");
        StoreCatalog catalog;
        catalog.analysisCrs = source->catalog().analysisCrs;
        for (const auto& l : layers)
        {
            writeLayer(*ds, l, gpkgPath);
            catalog.layers.push_back(l.info);
            summary.features += l.features.size();
        }
        summary.layers = layers.size();
        detail::writeGpkgCatalog(*ds, catalog, gpkgPath);
        for (const RevisionInfo& r : source->history())
            if (r.revision <= summary.revision)
            {
                edit::detail::insertRevisionRow(*ds, r, gpkgPath);
                ++summary.revisions;
            }
        for (const AuditRow& a : source->audit(0, summary.revision))
        {
            edit::detail::insertAuditRow(*ds, a, wkbOf(a.before), wkbOf(a.after), gpkgPath);
            ++summary.auditRows;
        }
        edit::detail::execSql(
            *ds,
            "INSERT OR REPLACE INTO redline_meta(key, value) VALUES "
            "('pulled_from', " +
                edit::detail::sqlText(summary.source) + "), ('pulled_revision', " +
                edit::detail::sqlText(std::to_string(summary.revision)) + "), ('pulled_at', " +
                edit::detail::sqlText(edit::detail::utcNow()) + ")",
            gpkgPath);
        if (ds->CommitTransaction() != OGRERR_NONE)
            throw IoError(gpkgPath + ": writing failed (" + CPLGetLastErrorMsg() + ").");
        ds.reset();
        if (CPLGetLastErrorType() == CE_Failure)
            throw IoError(gpkgPath + ": writing failed (" + CPLGetLastErrorMsg() + ").");
    }
    file.commit();
    return summary;
}

} // namespace redline
