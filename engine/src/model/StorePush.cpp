// redline store push: any zoning store -> a PostGIS schema, in one transaction (issue 10, item 2).

#include <algorithm>
#include <cstdio>
#include <set>

#include "redline/core/Error.hpp"
#include "redline/model/StoreTransfer.hpp"
#include "redline/model/ZoningSource.hpp"
#include "redline/pg/Connection.hpp"

#include "edit/RevisionTables.hpp"
#include "model/PostgisLayout.hpp"
#include "model/PostgisSchema.hpp"
#include "model/StoredLayers.hpp"

namespace redline
{

using pg::Param;
using pg::ResultFormat;

namespace
{

constexpr std::size_t kMaxIdentifier = 63; // PostgreSQL's NAMEDATALEN - 1

std::string hex(std::string_view bytes)
{
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char ch : bytes)
    {
        const auto b = static_cast<unsigned char>(ch);
        out += kHex[b >> 4];
        out += kHex[b & 0xF];
    }
    return out;
}

// One value in COPY's text format.
void appendCopyText(std::string& row, const std::string& v)
{
    for (const char ch : v)
        switch (ch)
        {
        case '\\':
            row += "\\\\";
            break;
        case '\t':
            row += "\\t";
            break;
        case '\n':
            row += "\\n";
            break;
        case '\r':
            row += "\\r";
            break;
        default:
            row += ch;
        }
}

std::string crsText(const Crs& crs)
{
    return crs.epsg() ? crs.label() : crs.toWkt();
}

// What the target schema holds now: nothing, a store, or other tables.
struct SchemaState
{
    bool exists = false;
    bool hasStore = false;
    std::set<std::string> tables;
};

SchemaState inspect(pg::Connection& c, const std::string& schema)
{
    SchemaState st;
    const auto r =
        c.exec("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1), "
               "to_regclass(quote_ident($1) || '.redline_catalog') IS NOT NULL",
               {Param::text(schema)}, ResultFormat::Text, "cannot inspect the target schema");
    st.exists = r.text(0, 0) == "t";
    st.hasStore = r.text(0, 1) == "t";
    const auto t =
        c.exec("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
               "c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', "
               "'m', 'f')",
               {Param::text(schema)}, ResultFormat::Text, "cannot inspect the target schema");
    for (int i = 0; i < t.rows(); ++i)
        st.tables.emplace(t.text(i, 0));
    return st;
}

void checkLayerNames(const std::string& label, const detail::StoredLayer& l)
{
    if (l.info.name.size() > kMaxIdentifier || l.info.name.rfind("redline_", 0) == 0)
        throw ConfigError(label + ": layer name '" + l.info.name +
                          "' cannot be a table name (at most 63 bytes, not starting with "
                          "redline_).");
    for (const auto& col : l.columns)
        if (col.name == "fid" || col.name == "geom" || col.name.size() > kMaxIdentifier)
            throw ConfigError(label + ", layer '" + l.info.name + "': field '" + col.name +
                              "' cannot be a column (fid and geom are the store's own; at most "
                              "63 bytes); rename it before pushing.");
}

void loadFeatures(pg::Connection& c, const std::string& schema, const detail::StoredLayer& l,
                  int srid)
{
    std::string columns = "fid, geom";
    for (const auto& col : l.columns)
        columns += ", " + c.quoteIdentifier(col.name);
    pg::Connection::CopyIn copy(
        c, "COPY " + c.qualified(schema, l.info.name) + " (" + columns + ") FROM STDIN",
        "cannot load layer '" + l.info.name + "'");
    const std::string sridPrefix = "SRID=" + std::to_string(srid) + ";";
    std::string row;
    for (const Feature& f : l.features)
    {
        row.clear();
        row += std::to_string(f.fid);
        row += '\t';
        row += sridPrefix;
        row += hex(detail::postgis::toWkb(f.geometry));
        for (const auto& col : l.columns)
        {
            row += '\t';
            const AttributeValue* v = f.attributes.find(col.name);
            const auto text = v ? detail::postgis::parameterText(*v) : std::nullopt;
            if (text)
                appendCopyText(row, *text);
            else
                row += "\\N";
        }
        row += '\n';
        copy.put(row);
    }
    copy.finish();
    // New features continue after the copied fids.
    c.exec("SELECT setval(pg_get_serial_sequence(" +
               c.quoteLiteral(c.qualified(schema, l.info.name)) +
               ", 'fid'), GREATEST((SELECT max(fid) FROM " + c.qualified(schema, l.info.name) +
               "), 1), (SELECT count(*) > 0 FROM " + c.qualified(schema, l.info.name) + "))",
           "cannot set the fid sequence of layer '" + l.info.name + "'");
}

void copyHistory(pg::Connection& c, const std::string& schema, ZoningSource& source, int revision,
                 const std::vector<detail::StoredLayer>& layers, TransferSummary& summary)
{
    for (const RevisionInfo& r : source.history())
    {
        if (r.revision > revision)
            continue;
        c.exec("INSERT INTO " + c.qualified(schema, "redline_revisions") +
                   " (revision, time, \"user\", reason, added, modified, deleted, warnings) "
                   "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
               {Param::text(std::to_string(r.revision)), Param::text(r.time), Param::text(r.user),
                Param::text(r.reason), Param::text(std::to_string(r.added)),
                Param::text(std::to_string(r.modified)), Param::text(std::to_string(r.deleted)),
                Param::text(r.warnings)},
               ResultFormat::Text, "cannot copy revision " + std::to_string(r.revision));
        ++summary.revisions;
    }
    std::map<std::string, int> srids;
    for (const auto& l : layers)
        srids[l.info.name] = *l.crs.epsg();
    for (const AuditRow& a : source.audit(0, revision))
    {
        const int srid = srids.count(a.layer) ? srids[a.layer] : 0;
        const auto image = [&](const std::optional<Feature>& f)
        {
            return f && !f->geometry.isEmpty() ? Param::bytes(detail::postgis::toWkb(f->geometry))
                                               : Param::null();
        };
        const auto attributes = [](const std::optional<Feature>& f)
        { return f ? Param::text(edit::detail::attributesToJson(f->attributes)) : Param::null(); };
        c.exec("INSERT INTO " + c.qualified(schema, "redline_audit") +
                   " (revision, time, \"user\", layer, fid, operation, old_geometry, "
                   "new_geometry, old_attributes, new_attributes, reason) VALUES ($1, $2, $3, $4, "
                   "$5, $6, ST_GeomFromWKB($7, " +
                   std::to_string(srid) + "), ST_GeomFromWKB($8, " + std::to_string(srid) +
                   "), $9, $10, $11)",
               {Param::text(std::to_string(a.revision)), Param::text(a.time), Param::text(a.user),
                Param::text(a.layer), Param::text(std::to_string(a.fid)), Param::text(a.operation),
                image(a.before), image(a.after), attributes(a.before), attributes(a.after),
                Param::text(a.reason)},
               ResultFormat::Text, "cannot copy the audit rows");
        ++summary.auditRows;
    }
}

} // namespace

TransferSummary pushStore(const std::string& sourceLocator, const std::string& targetLocator,
                          const PushOptions& options)
{
    if (!ZoningSource::isPostgis(targetLocator))
        throw ConfigError(targetLocator +
                          ": push writes to a PostGIS store (PG:… schemas=NAME or "
                          "postgresql://…?schema=NAME); for a GeoPackage use `redline store "
                          "pull`.");
    const auto target = pg::ConnectionString::parse(targetLocator);
    const std::string label = target.redacted();
    const std::string schema = target.schema().empty() ? "public" : target.schema();

    const auto source = ZoningSource::open(sourceLocator);
    TransferSummary summary;
    summary.source = source->label();
    summary.target = label;
    summary.revision = source->revision().value_or(0);
    const auto layers = detail::readStoredLayers(*source, summary.revision);
    for (const auto& l : layers)
    {
        checkLayerNames(summary.source, l);
        if (!l.crs.epsg())
            throw ConfigError(describeLocation(summary.source, l.info.name) + ": its CRS (" +
                              l.crs.name() +
                              ") has no EPSG code, which a PostGIS SRID needs; reproject the "
                              "layer first.");
        if (const std::string problem = detail::postgis::firstDomainViolation(l); !problem.empty())
            throw ConfigError(summary.source + ", " + problem +
                              "; the PostGIS store refuses it (fix it, see `redline check`).");
        summary.features += l.features.size();
    }
    summary.layers = layers.size();

    pg::Connection c(target);
    pg::Transaction tx(c);
    const auto postgis = c.exec("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'");
    if (postgis.int64(0, 0) == 0)
        c.exec("CREATE EXTENSION postgis", "PostGIS is not installed in this database and "
                                           "cannot be created by this user");
    const SchemaState state = inspect(c, schema);
    if (state.hasStore)
    {
        const auto existing = detail::postgis::storeTables(c, schema);
        const auto revision = c.exec("SELECT COALESCE(max(revision), 0) FROM " +
                                     c.qualified(schema, "redline_revisions"));
        if (!options.replace)
            throw ConfigError(label + ": schema '" + schema +
                              "' already holds a zoning store (at revision " +
                              std::string(revision.text(0, 0)) +
                              "); nothing was changed. Give --replace to overwrite it.");
        std::string drop;
        for (const auto& t : existing)
            if (state.tables.count(t))
                drop += (drop.empty() ? "" : ", ") + c.qualified(schema, t);
        if (!drop.empty())
            c.exec("DROP TABLE " + drop, "cannot drop the store being replaced");
    }
    else if (!state.exists)
        c.exec("CREATE SCHEMA " + c.quoteIdentifier(schema),
               "cannot create schema '" + schema + "'");
    else
    {
        std::set<std::string> wanted{"redline_meta", "redline_catalog", "redline_revisions",
                                     "redline_audit"};
        for (const auto& l : layers)
            wanted.insert(l.info.name);
        for (const auto& t : wanted)
            if (state.tables.count(t))
                throw ConfigError(label + ": schema '" + schema + "' already has a table '" + t +
                                  "' that is not part of a zoning store; nothing was changed.");
    }

    detail::postgis::createStoreTables(c, schema);
    int position = 0;
    for (const auto& l : layers)
    {
        const int srid = *l.crs.epsg();
        detail::postgis::createLayerTable(c, schema, l, srid, options.partitionBy);
        loadFeatures(c, schema, l, srid);
        detail::postgis::createSpatialIndex(c, schema, l.info.name);
        const ZoneLayer& zl = l.info;
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.17g", zl.bufferM);
        std::optional<std::string> official;
        if (zl.officialAreaKm2)
        {
            char o[32];
            std::snprintf(o, sizeof o, "%.17g", *zl.officialAreaKm2);
            official = o;
        }
        c.exec("INSERT INTO " + c.qualified(schema, "redline_catalog") +
                   " (position, layer, table_name, kind, id_field, name_field, buffer_m, "
                   "screened, official_area_km2, srid) VALUES ($1, $2, $2, $3, $4, $5, $6, $7, "
                   "$8, $9)",
               {Param::text(std::to_string(++position)), Param::text(zl.name), Param::text(zl.kind),
                Param::text(zl.idField), Param::text(zl.nameField), Param::text(buffer),
                Param::text(zl.screened ? "true" : "false"), Param{official, false},
                Param::text(std::to_string(srid))},
               ResultFormat::Text, "cannot write the catalog");
    }
    copyHistory(c, schema, *source, summary.revision, layers, summary);
    const auto meta = [&](const std::string& key, const std::string& value)
    {
        c.exec("INSERT INTO " + c.qualified(schema, "redline_meta") + " VALUES ($1, $2)",
               {Param::text(key), Param::text(value)}, ResultFormat::Text,
               "cannot write the store's meta");
    };
    meta("format", std::to_string(detail::postgis::kFormatVersion));
    meta("store_id", std::string(c.exec("SELECT gen_random_uuid()::text").text(0, 0)));
    if (source->catalog().analysisCrs)
        meta("analysis_crs", crsText(*source->catalog().analysisCrs));
    meta("pushed_from", summary.source);
    meta("pushed_by", options.user);
    meta("pushed_at", std::string(c.exec("SELECT now()::text").text(0, 0)));
    if (!options.partitionBy.empty())
        meta("partitioned_by", options.partitionBy);
    for (const auto& l : layers)
        c.exec("ANALYZE " + c.qualified(schema, l.info.name));
    tx.commit();
    return summary;
}

} // namespace redline
