#include "model/PostgisSource.hpp"

#include <mutex>

#include "redline/core/Error.hpp"
#include "redline/data/Attributes.hpp"

#include "edit/RevisionTables.hpp"
#include "geo/TransformCache.hpp"
#include "model/EnvelopeTransform.hpp"
#include "model/PostgisTransaction.hpp"

namespace redline::detail
{

using pg::Param;
using pg::ResultFormat;
using postgis::Column;
using postgis::ColumnType;
using postgis::LayerTable;

namespace
{

constexpr const char* kTimeText =
    "to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";

ColumnType columnType(const std::string& pgType)
{
    if (pgType == "smallint" || pgType == "integer" || pgType == "bigint")
        return ColumnType::Integer;
    if (pgType == "real" || pgType == "double precision" || pgType == "numeric")
        return ColumnType::Real;
    return ColumnType::Text;
}

std::string selectExpression(const pg::Connection& c, const Column& col)
{
    const std::string name = c.quoteIdentifier(col.name);
    switch (col.type)
    {
    case ColumnType::Integer:
        return name + "::int8";
    case ColumnType::Real:
        return name + "::float8";
    case ColumnType::Text:
        return name + "::text";
    }
    return name + "::text";
}

std::optional<Feature> auditImage(const pg::Result& r, int row, int geomColumn, int attrColumn,
                                  std::int64_t fid, const std::string& where)
{
    if (r.isNull(row, geomColumn) && r.isNull(row, attrColumn))
        return std::nullopt;
    Feature f;
    f.fid = fid;
    if (!r.isNull(row, attrColumn))
        f.attributes = edit::detail::attributesFromJson(std::string(r.text(row, attrColumn)));
    if (!r.isNull(row, geomColumn))
    {
        try
        {
            f.geometry = postgis::fromWkb(r.bytes(row, geomColumn));
        }
        catch (const GeometryError& e)
        {
            throw IoError(where + ": " + e.what() + ".");
        }
    }
    return f;
}

} // namespace

PostgisSource::PostgisSource(const std::string& locator, std::string label, StoreCatalog catalog,
                             pg::Connection conn, std::string schema, std::string storeId,
                             std::map<std::string, LayerTable> tables)
    : ZoningSource(locator, std::move(label), std::move(catalog)), m_conn(std::move(conn)),
      m_schema(std::move(schema)), m_storeId(std::move(storeId)), m_tables(std::move(tables))
{
}

std::unique_ptr<PostgisSource> PostgisSource::open(const std::string& locator)
{
    const auto cs = pg::ConnectionString::parse(locator);
    const std::string label = cs.redacted();
    const std::string schema = cs.schema().empty() ? "public" : cs.schema();
    pg::Connection conn(cs);
    const auto probe = conn.exec(
        "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1), "
        "to_regclass(quote_ident($1) || '.redline_catalog') IS NOT NULL, current_database()",
        {Param::text(schema)}, ResultFormat::Text, "cannot look for the store");
    const std::string database(probe.text(0, 2));
    if (probe.text(0, 0) != "t")
        throw ConfigError(label + ": database '" + database + "' has no schema '" + schema +
                          "' (push a store there with `redline store push SRC '" + label + "'`).");
    if (probe.text(0, 1) != "t")
        throw ConfigError(label + ": schema '" + schema +
                          "' holds no Redline zoning store (no redline_catalog table).");

    const auto q = [&](const std::string& table) { return conn.qualified(schema, table); };
    std::map<std::string, std::string> meta;
    const auto metaRows =
        conn.exec("SELECT key, value FROM " + q("redline_meta"), "cannot read the store's meta");
    for (int i = 0; i < metaRows.rows(); ++i)
        meta[std::string(metaRows.text(i, 0))] = metaRows.text(i, 1);
    if (meta["format"] != std::to_string(postgis::kFormatVersion))
        throw ConfigError(label + ": the store in schema '" + schema + "' has format '" +
                          meta["format"] + "'; this redline reads format " +
                          std::to_string(postgis::kFormatVersion) + ".");

    StoreCatalog catalog;
    if (!meta["analysis_crs"].empty())
        catalog.analysisCrs = Crs::fromUserInput(meta["analysis_crs"]);
    std::map<std::string, LayerTable> tables;
    const auto rows = conn.exec("SELECT layer, table_name, kind, id_field, name_field, buffer_m, "
                                "screened, official_area_km2, srid FROM " +
                                    q("redline_catalog") + " ORDER BY position",
                                "cannot read the store's catalog");
    for (int i = 0; i < rows.rows(); ++i)
    {
        ZoneLayer zl;
        zl.name = rows.text(i, 0);
        zl.kind = rows.text(i, 2);
        zl.idField = rows.text(i, 3);
        zl.nameField = rows.text(i, 4);
        zl.bufferM = rows.float8(i, 5);
        zl.screened = rows.text(i, 6) == "t";
        if (!rows.isNull(i, 7))
            zl.officialAreaKm2 = rows.float8(i, 7);
        LayerTable t;
        t.table = rows.text(i, 1);
        t.srid = static_cast<int>(rows.int64(i, 8));
        tables[zl.name] = t;
        catalog.layers.push_back(std::move(zl));
    }
    if (catalog.layers.empty())
        throw ConfigError(label + ": the store in schema '" + schema + "' lists no layer.");

    // Geometry type and attribute columns of every layer table, in table order.
    const auto columns = conn.exec(
        "SELECT c.relname, a.attname, format_type(a.atttypid, NULL), "
        "CASE WHEN a.atttypid = 'geometry'::regtype THEN postgis_typmod_type(a.atttypmod) END "
        "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = $1 AND a.attnum > 0 AND NOT a.attisdropped "
        "AND c.relkind IN ('r', 'p') ORDER BY c.relname, a.attnum",
        {Param::text(schema)}, ResultFormat::Text, "cannot read the layer tables");
    std::map<std::string, LayerTable*> byTable;
    for (auto& [name, t] : tables)
        byTable[t.table] = &t;
    std::map<std::string, bool> hasGeometry;
    for (int i = 0; i < columns.rows(); ++i)
    {
        const auto it = byTable.find(std::string(columns.text(i, 0)));
        if (it == byTable.end())
            continue;
        const std::string column(columns.text(i, 1));
        if (column == "fid")
            continue;
        if (column == "geom")
        {
            std::string type(columns.isNull(i, 3) ? "Geometry" : columns.text(i, 3));
            for (char& ch : type)
                ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            it->second->geometryType = type;
            hasGeometry[it->first] = true;
            continue;
        }
        it->second->columns.push_back({column, columnType(std::string(columns.text(i, 2)))});
    }
    for (const auto& [name, t] : tables)
        if (!hasGeometry[t.table])
            throw ConfigError(label + ": layer '" + name + "': table '" + schema + "." + t.table +
                              "' is missing or has no geom column.");
    return std::unique_ptr<PostgisSource>(new PostgisSource(locator, label, std::move(catalog),
                                                            std::move(conn), schema,
                                                            meta["store_id"], std::move(tables)));
}

const LayerTable& PostgisSource::table(const std::string& layer) const
{
    const auto it = m_tables.find(layer);
    if (it == m_tables.end())
        throw ConfigError(label() + ": no layer '" + layer + "' in this zoning store.");
    return it->second;
}

std::optional<int> PostgisSource::revision() const
{
    const auto r = m_conn.exec("SELECT COALESCE(max(revision), 0) FROM " +
                                   m_conn.qualified(m_schema, "redline_revisions"),
                               "cannot read the store's revision");
    return static_cast<int>(r.int64(0, 0));
}

std::string PostgisSource::contentKey(std::optional<int> revision) const
{
    const auto& t = m_conn.target();
    return "postgis|" + t.value("host").value_or("") + ":" + t.value("port").value_or("") + "/" +
           t.value("dbname").value_or("") + "|" + m_schema + "|" + m_storeId + "@" +
           std::to_string(revision.value_or(this->revision().value_or(0)));
}

Crs PostgisSource::storedCrs(const ZoneLayer& layer) const
{
    static std::mutex mutex;
    static std::map<int, Crs> cache;
    const int srid = table(layer.name).srid;
    const std::lock_guard lock(mutex);
    auto it = cache.find(srid);
    if (it == cache.end())
        it = cache.emplace(srid, Crs::fromEpsg(srid)).first;
    return it->second;
}

Envelope PostgisSource::extent(const Crs& analysisCrs) const
{
    Envelope out;
    for (const ZoneLayer& zl : catalog().layers)
    {
        const auto r = m_conn.exec(
            "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) "
            "AS e FROM " +
                m_conn.qualified(m_schema, table(zl.name).table) + ") q WHERE e IS NOT NULL",
            "cannot read the extent of layer '" + zl.name + "'");
        if (r.rows() == 0)
            continue;
        const Envelope e{r.float8(0, 0), r.float8(0, 1), r.float8(0, 2), r.float8(0, 3)};
        out.expandToInclude(transformEnvelope(e, cachedTransform(storedCrs(zl), analysisCrs)));
    }
    return out;
}

Layer PostgisSource::readLayer(const ZoneLayer& zl, const LayerReadOptions& options) const
{
    const LayerTable& t = table(zl.name);
    const Crs stored = storedCrs(zl);
    std::string sql = "SELECT fid, ST_AsBinary(geom)";
    for (const Column& c : t.columns)
        sql += ", " + selectExpression(m_conn, c);
    sql += " FROM " + m_conn.qualified(m_schema, t.table);
    std::vector<Param> params;
    if (options.window)
    {
        const Envelope w =
            transformEnvelope(*options.window, cachedTransform(options.analysisCrs, stored));
        for (const double v : {w.minX, w.minY, w.maxX, w.maxY})
        {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.17g", v);
            params.push_back(Param::text(buf));
        }
        sql += " WHERE geom && ST_MakeEnvelope($1, $2, $3, $4, " + std::to_string(t.srid) + ")";
    }
    sql += " ORDER BY fid";
    const auto r =
        m_conn.exec(sql, params, ResultFormat::Binary, "cannot read layer '" + zl.name + "'");

    Layer out;
    out.source = label();
    out.name = zl.name;
    out.crs = options.analysisCrs;
    for (const Column& c : t.columns)
        out.fieldNames.push_back(c.name);
    const CrsTransform& toAnalysis = cachedTransform(stored, options.analysisCrs);
    std::size_t droppedZm = 0;
    out.features.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
    {
        Feature f;
        f.fid = r.int64(i, 0);
        for (std::size_t c = 0; c < t.columns.size(); ++c)
        {
            const int col = static_cast<int>(c) + 2;
            AttributeValue v;
            if (!r.isNull(i, col))
                switch (t.columns[c].type)
                {
                case ColumnType::Integer:
                    v = r.int64(i, col);
                    break;
                case ColumnType::Real:
                    v = r.float8(i, col);
                    break;
                case ColumnType::Text:
                    v = std::string(r.text(i, col));
                    break;
                }
            f.attributes.set(t.columns[c].name, std::move(v));
        }
        const auto id = f.attributes.text(zl.idField);
        const std::string where = describeLocation(
            label(), zl.name, id ? "'" + *id + "'" : "FID " + std::to_string(f.fid));
        bool dropped = false;
        try
        {
            f.geometry = postgis::fromWkb(r.bytes(i, 1), &dropped);
            if (f.geometry.isEmpty())
                throw GeometryError("empty geometry");
        }
        catch (const GeometryError& e)
        {
            throw GeometryError(where + ": " + e.what() + ".");
        }
        droppedZm += dropped ? 1 : 0;
        if (!toAnalysis.isIdentity())
            f.geometry = toAnalysis.apply(f.geometry);
        out.features.push_back(std::move(f));
    }
    if (droppedZm > 0)
        out.warnings.push_back(describeLocation(label(), zl.name) + ": Z/M values dropped from " +
                               std::to_string(droppedZm) + " feature(s); analysis is 2D.");
    return out;
}

std::vector<RevisionInfo> PostgisSource::history() const
{
    const auto r =
        m_conn.exec(std::string("SELECT revision, ") + kTimeText +
                        ", \"user\", reason, added, modified, deleted, warnings FROM " +
                        m_conn.qualified(m_schema, "redline_revisions") + " ORDER BY revision",
                    "cannot read the store's history");
    std::vector<RevisionInfo> out;
    for (int i = 0; i < r.rows(); ++i)
    {
        RevisionInfo info;
        info.revision = static_cast<int>(r.int64(i, 0));
        info.time = r.text(i, 1);
        info.user = r.text(i, 2);
        info.reason = r.text(i, 3);
        info.added = static_cast<int>(r.int64(i, 4));
        info.modified = static_cast<int>(r.int64(i, 5));
        info.deleted = static_cast<int>(r.int64(i, 6));
        info.warnings = r.text(i, 7);
        out.push_back(std::move(info));
    }
    return out;
}

std::vector<AuditRow> PostgisSource::audit(int fromExclusive, int toInclusive) const
{
    return auditRows(fromExclusive, toInclusive, true);
}

std::vector<AuditRow> PostgisSource::auditRows(int fromExclusive, std::optional<int> toInclusive,
                                               bool withImages) const
{
    std::string sql = std::string("SELECT revision, ") + kTimeText +
                      ", \"user\", layer, fid, operation, reason";
    if (withImages)
        sql += ", ST_AsBinary(old_geometry), ST_AsBinary(new_geometry), old_attributes::text, "
               "new_attributes::text";
    sql += " FROM " + m_conn.qualified(m_schema, "redline_audit") + " WHERE revision > $1";
    std::vector<Param> params{Param::text(std::to_string(fromExclusive))};
    if (toInclusive)
    {
        sql += " AND revision <= $2";
        params.push_back(Param::text(std::to_string(*toInclusive)));
    }
    const auto r = m_conn.exec(sql + " ORDER BY id", params, ResultFormat::Binary,
                               "cannot read the store's audit rows");
    std::vector<AuditRow> out;
    for (int i = 0; i < r.rows(); ++i)
    {
        AuditRow a;
        a.revision = static_cast<int>(r.int64(i, 0));
        a.time = r.text(i, 1);
        a.user = r.text(i, 2);
        a.layer = r.text(i, 3);
        a.fid = r.int64(i, 4);
        a.operation = r.text(i, 5);
        a.reason = r.text(i, 6);
        if (withImages)
        {
            const std::string where = label() + ", redline_audit, revision " +
                                      std::to_string(a.revision) + ", fid " +
                                      std::to_string(a.fid);
            a.before = auditImage(r, i, 7, 9, a.fid, where);
            a.after = auditImage(r, i, 8, 10, a.fid, where);
        }
        out.push_back(std::move(a));
    }
    return out;
}

std::unique_ptr<StoreTransaction> PostgisSource::beginTransaction(const Crs& analysisCrs)
{
    return std::make_unique<PostgisTransaction>(*this, analysisCrs);
}

} // namespace redline::detail
