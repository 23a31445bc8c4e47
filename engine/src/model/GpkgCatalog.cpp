#include "model/GpkgCatalog.hpp"

#include <ogrsf_frmts.h>

#include "redline/core/Error.hpp"

#include "edit/RevisionTables.hpp"

namespace redline::detail
{

namespace
{

bool hasTable(GDALDataset& ds, const std::string& name)
{
    OGRLayer* rs =
        ds.ExecuteSQL(("SELECT name FROM sqlite_master WHERE type = 'table' AND name = " +
                       edit::detail::sqlText(name))
                          .c_str(),
                      nullptr, nullptr);
    if (!rs)
        return false;
    OGRFeatureUniquePtr f(rs->GetNextFeature());
    ds.ReleaseResultSet(rs);
    return f != nullptr;
}

std::string number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

} // namespace

std::optional<StoreCatalog> readGpkgCatalog(GDALDataset& ds, const std::string& path)
{
    if (!hasTable(ds, "redline_catalog"))
        return std::nullopt;
    StoreCatalog catalog;
    // `position + 0`: an expression, so that OGR does not take a key column as the FID.
    OGRLayer* rs =
        ds.ExecuteSQL("SELECT position + 0, layer, kind, id_field, name_field, buffer_m, screened, "
                      "official_area_km2 FROM redline_catalog ORDER BY position",
                      nullptr, nullptr);
    if (!rs)
        throw IoError(path + ": cannot read the redline_catalog table.");
    for (auto& f : *rs)
    {
        ZoneLayer zl;
        zl.name = f->GetFieldAsString(1);
        zl.kind = f->GetFieldAsString(2);
        zl.idField = f->GetFieldAsString(3);
        zl.nameField = f->GetFieldAsString(4);
        zl.bufferM = f->GetFieldAsDouble(5);
        zl.screened = f->GetFieldAsInteger(6) != 0;
        if (!f->IsFieldNull(7))
            zl.officialAreaKm2 = f->GetFieldAsDouble(7);
        catalog.layers.push_back(std::move(zl));
    }
    ds.ReleaseResultSet(rs);
    if (hasTable(ds, "redline_meta"))
    {
        OGRLayer* meta = ds.ExecuteSQL("SELECT value FROM redline_meta WHERE key = 'analysis_crs'",
                                       nullptr, nullptr);
        if (meta)
        {
            OGRFeatureUniquePtr f(meta->GetNextFeature());
            if (f && !f->IsFieldNull(0))
                catalog.analysisCrs = Crs::fromUserInput(f->GetFieldAsString(0));
            ds.ReleaseResultSet(meta);
        }
    }
    if (catalog.layers.empty())
        throw IoError(path + ": the redline_catalog table lists no layer.");
    return catalog;
}

void writeGpkgCatalog(GDALDataset& ds, const StoreCatalog& catalog, const std::string& path)
{
    using edit::detail::execSql;
    using edit::detail::sqlText;
    edit::detail::ensureRevisionTables(ds, path);
    execSql(ds,
            "CREATE TABLE redline_catalog (position INTEGER PRIMARY KEY, layer TEXT NOT NULL "
            "UNIQUE, kind TEXT NOT NULL, id_field TEXT NOT NULL, name_field TEXT NOT NULL, "
            "buffer_m REAL NOT NULL CHECK (buffer_m >= 0), screened INTEGER NOT NULL, "
            "official_area_km2 REAL)",
            path);
    int position = 0;
    for (const ZoneLayer& zl : catalog.layers)
        execSql(ds,
                "INSERT INTO redline_catalog VALUES (" + std::to_string(++position) + ", " +
                    sqlText(zl.name) + ", " + sqlText(zl.kind) + ", " + sqlText(zl.idField) + ", " +
                    sqlText(zl.nameField) + ", " + number(zl.bufferM) + ", " +
                    (zl.screened ? "1" : "0") + ", " +
                    (zl.officialAreaKm2 ? number(*zl.officialAreaKm2) : "NULL") + ")",
                path);
    if (catalog.analysisCrs)
        execSql(ds,
                "INSERT OR REPLACE INTO redline_meta(key, value) VALUES('analysis_crs', " +
                    sqlText(catalog.analysisCrs->epsg() ? catalog.analysisCrs->label()
                                                        : catalog.analysisCrs->toWkt()) +
                    ")",
                path);
}

} // namespace redline::detail
