#include "edit/RevisionTables.hpp"

#include <chrono>
#include <ctime>
#include <memory>

#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include "redline/core/Error.hpp"

#include "redline/data/AttributesJson.hpp"
#include "gdal/GdalErrorScope.hpp"
#include "gdal/OgrConvert.hpp"

namespace redline::edit::detail
{

namespace
{

struct ResultSet
{
    GDALDataset& ds;
    OGRLayer* layer;
    ~ResultSet()
    {
        if (layer)
            ds.ReleaseResultSet(layer);
    }
};

std::optional<Feature> featureFrom(const OGRFeature& row, int geomField, int attrField,
                                   std::int64_t fid)
{
    if (row.IsFieldNull(attrField) && row.IsFieldNull(geomField))
        return std::nullopt;
    Feature f;
    f.fid = fid;
    f.attributes = attributesFromJson(row.GetFieldAsString(attrField));
    if (!row.IsFieldNull(geomField))
    {
        int size = 0;
        const GByte* wkb = row.GetFieldAsBinary(geomField, &size);
        OGRGeometry* raw = nullptr;
        if (OGRGeometryFactory::createFromWkb(wkb, nullptr, &raw, size) != OGRERR_NONE || !raw)
            throw IoError("redline_audit: unreadable geometry for fid " + std::to_string(fid));
        OGRGeometryUniquePtr owned(raw);
        f.geometry = redline::detail::fromOgr(*owned);
    }
    return f;
}

} // namespace

std::vector<RevisionInfo> readRevisionRows(GDALDataset& ds)
{
    std::vector<RevisionInfo> out;
    if (!hasRevisionTables(ds))
        return out;
    // `revision + 0`: an expression, so that OGR does not take the primary key as the FID.
    ResultSet rs{ds, ds.ExecuteSQL("SELECT revision + 0 AS rev, time, user, reason, added, "
                                   "modified, deleted, warnings FROM redline_revisions "
                                   "ORDER BY revision",
                                   nullptr, nullptr)};
    if (!rs.layer)
        return out;
    for (auto& f : *rs.layer)
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
    return out;
}

std::vector<AuditRow> readAuditRows(GDALDataset& ds, int fromExclusive, int toInclusive,
                                    bool images)
{
    std::vector<AuditRow> out;
    if (!hasRevisionTables(ds))
        return out;
    const std::string sql =
        std::string("SELECT revision, time, user, layer, fid, operation, reason") +
        (images ? ", old_geometry, new_geometry, old_attributes, new_attributes" : "") +
        " FROM redline_audit WHERE revision > " + std::to_string(fromExclusive) +
        " AND revision <= " + std::to_string(toInclusive) + " ORDER BY id";
    ResultSet rs{ds, ds.ExecuteSQL(sql.c_str(), nullptr, nullptr)};
    if (!rs.layer)
        return out;
    for (auto& f : *rs.layer)
    {
        AuditRow r;
        r.revision = f->GetFieldAsInteger(0);
        r.time = f->GetFieldAsString(1);
        r.user = f->GetFieldAsString(2);
        r.layer = f->GetFieldAsString(3);
        r.fid = f->GetFieldAsInteger64(4);
        r.operation = f->GetFieldAsString(5);
        r.reason = f->GetFieldAsString(6);
        if (images)
        {
            r.before = featureFrom(*f, 7, 9, r.fid);
            r.after = featureFrom(*f, 8, 10, r.fid);
        }
        out.push_back(std::move(r));
    }
    return out;
}

void execSql(GDALDataset& ds, const std::string& sql, const std::string& path)
{
    redline::detail::GdalErrorScope gdal(path); // SQLite's complaints belong in our message
    CPLErrorReset();
    OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result)
        ds.ReleaseResultSet(result);
    if (CPLGetLastErrorType() >= CE_Failure)
    {
        const std::string msg = CPLGetLastErrorMsg();
        if (msg.find("locked") != std::string::npos || msg.find("busy") != std::string::npos)
            throw IoError(path + ": the store is being written by another session (" + msg +
                          "); nothing was saved, try again.");
        throw IoError(path + ": database statement failed (" + msg + ").");
    }
}

bool hasRevisionTables(GDALDataset& ds)
{
    ResultSet rs{ds, ds.ExecuteSQL("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                   "name = 'redline_revisions'",
                                   nullptr, nullptr)};
    if (!rs.layer)
        return false;
    OGRFeatureUniquePtr f(rs.layer->GetNextFeature());
    return f != nullptr;
}

void ensureRevisionTables(GDALDataset& ds, const std::string& path)
{
    if (hasRevisionTables(ds))
        return;
    // redline_revisions, the table hasRevisionTables looks for, comes last: another process that
    // sees it must find the other two as well (each statement commits on its own). The other way
    // round, a planner committing at the same moment as the store's first edit found
    // redline_revisions, skipped this, and failed on a redline_meta not created yet.
    execSql(ds,
            "CREATE TABLE IF NOT EXISTS redline_audit (id INTEGER PRIMARY KEY AUTOINCREMENT, "
            "revision INTEGER NOT NULL, time TEXT NOT NULL, user TEXT NOT NULL, "
            "layer TEXT NOT NULL, fid INTEGER NOT NULL, operation TEXT NOT NULL, "
            "old_geometry BLOB, new_geometry BLOB, old_attributes TEXT, new_attributes TEXT, "
            "reason TEXT)",
            path);
    execSql(ds, "CREATE TABLE IF NOT EXISTS redline_meta (key TEXT PRIMARY KEY, value TEXT)", path);
    execSql(ds,
            "CREATE TABLE IF NOT EXISTS redline_revisions (revision INTEGER PRIMARY KEY, "
            "time TEXT NOT NULL, user TEXT NOT NULL, reason TEXT, added INTEGER, "
            "modified INTEGER, deleted INTEGER, warnings TEXT)",
            path);
}

int maxRevision(GDALDataset& ds)
{
    if (!hasRevisionTables(ds))
        return 0;
    ResultSet rs{ds, ds.ExecuteSQL("SELECT COALESCE(MAX(revision), 0) AS r FROM "
                                   "redline_revisions",
                                   nullptr, nullptr)};
    if (!rs.layer)
        return 0;
    OGRFeatureUniquePtr f(rs.layer->GetNextFeature());
    return f ? f->GetFieldAsInteger(0) : 0;
}

void insertRevisionRow(GDALDataset& ds, const RevisionInfo& r, const std::string& path)
{
    execSql(ds,
            "INSERT INTO redline_revisions(revision, time, user, reason, added, modified, "
            "deleted, warnings) VALUES(" +
                std::to_string(r.revision) + ", " + sqlText(r.time) + ", " + sqlText(r.user) +
                ", " + sqlText(r.reason) + ", " + std::to_string(r.added) + ", " +
                std::to_string(r.modified) + ", " + std::to_string(r.deleted) + ", " +
                sqlText(r.warnings) + ")",
            path);
}

void insertAuditRow(GDALDataset& ds, const AuditRow& r, const std::vector<unsigned char>& oldWkb,
                    const std::vector<unsigned char>& newWkb, const std::string& path)
{
    const std::string oldAttrs =
        r.before ? sqlText(attributesToJson(r.before->attributes)) : "NULL";
    const std::string newAttrs = r.after ? sqlText(attributesToJson(r.after->attributes)) : "NULL";
    execSql(ds,
            "INSERT INTO redline_audit(revision, time, user, layer, fid, operation, "
            "old_geometry, new_geometry, old_attributes, new_attributes, reason) VALUES(" +
                std::to_string(r.revision) + ", " + sqlText(r.time) + ", " + sqlText(r.user) +
                ", " + sqlText(r.layer) + ", " + std::to_string(r.fid) + ", " +
                sqlText(r.operation) + ", " + sqlBlob(oldWkb) + ", " + sqlBlob(newWkb) + ", " +
                oldAttrs + ", " + newAttrs + ", " + sqlText(r.reason) + ")",
            path);
}

std::string sqlText(const std::string& s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

std::string sqlBlob(const std::vector<unsigned char>& bytes)
{
    if (bytes.empty())
        return "NULL";
    static const char* kHex = "0123456789ABCDEF";
    std::string out = "X'";
    for (unsigned char b : bytes)
    {
        out += kHex[b >> 4];
        out += kHex[b & 0xF];
    }
    return out + "'";
}

std::string attributesToJson(const Attributes& a)
{
    return redline::attributesToJson<nlohmann::ordered_json>(a).dump();
}

Attributes attributesFromJson(const std::string& json)
{
    Attributes a;
    if (json.empty())
        return a;
    const auto j = nlohmann::ordered_json::parse(json);
    for (const auto& [name, v] : j.items())
    {
        if (v.is_number_integer())
            a.set(name, v.get<std::int64_t>());
        else if (v.is_number())
            a.set(name, v.get<double>());
        else if (v.is_string())
            a.set(name, v.get<std::string>());
        else
            a.set(name, std::monostate{});
    }
    return a;
}

std::string utcNow()
{
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

} // namespace redline::edit::detail
