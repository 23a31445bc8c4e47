#include "model/PostgisTransaction.hpp"

#include "redline/core/Error.hpp"
#include "redline/edit/EditErrors.hpp"

#include "edit/RevisionTables.hpp"
#include "geo/TransformCache.hpp"
#include "model/PostgisSource.hpp"

namespace redline::detail
{

using pg::Param;
using pg::ResultFormat;

namespace
{

Param intParam(std::int64_t v)
{
    return Param::text(std::to_string(v));
}

} // namespace

PostgisTransaction::PostgisTransaction(PostgisSource& source, const Crs& analysisCrs)
    : m_source(source), m_conn(source.connection()), m_crs(analysisCrs)
{
    m_tx.emplace(m_conn);
    m_conn.exec("SET LOCAL lock_timeout = '30s'");
    try
    {
        m_conn.exec("LOCK TABLE " + m_conn.qualified(source.schema(), "redline_revisions") +
                        " IN EXCLUSIVE MODE",
                    "cannot take the store's write lock");
    }
    catch (const pg::DatabaseError& e)
    {
        if (e.sqlstate() == "55P03") // lock_not_available
            throw pg::DatabaseError(source.label() +
                                        ": the store is being written by another session (no "
                                        "write lock after 30 s); nothing was saved, try again.",
                                    e.sqlstate());
        if (e.sqlstate() == "25006") // read_only_sql_transaction: a streaming replica
            throw pg::DatabaseError(source.label() +
                                        ": the server is read-only (a standby?); edits go to the "
                                        "primary, nothing was saved.",
                                    e.sqlstate());
        throw;
    }
}

PostgisTransaction::~PostgisTransaction() = default;

int PostgisTransaction::revision()
{
    return m_source.revision().value_or(0);
}

std::vector<AuditRow> PostgisTransaction::changesAfter(int revision)
{
    return m_source.auditRows(revision, std::nullopt, false);
}

std::string PostgisTransaction::storedWkb(const std::string& layer, const Geometry& g)
{
    auto [it, inserted] = m_toStored.try_emplace(layer, nullptr);
    if (inserted)
        it->second = &cachedTransform(m_crs, m_source.storedCrs(m_source.layerInfo(layer)));
    const Geometry stored = it->second->isIdentity() ? g : it->second->apply(g);
    return postgis::toWkb(postgis::fitToColumn(stored, m_source.table(layer).geometryType));
}

std::vector<Param> PostgisTransaction::attributeParams(const std::string& layer, const Feature& f,
                                                       const std::string& where)
{
    const auto& columns = m_source.table(layer).columns;
    for (const auto& [name, value] : f.attributes.items())
    {
        bool known = false;
        for (const auto& c : columns)
            known = known || c.name == name;
        if (!known)
            throw EditError(where + ": the layer has no field '" + name + "'.");
    }
    std::vector<Param> params;
    for (const auto& c : columns)
    {
        const AttributeValue* v = f.attributes.find(c.name);
        params.push_back(v ? Param{postgis::parameterText(*v), false} : Param::null());
    }
    return params;
}

std::int64_t PostgisTransaction::insert(const std::string& layer, const Feature& f)
{
    const std::string where = m_source.label() + ", layer '" + layer + "'";
    const auto& t = m_source.table(layer);
    std::vector<Param> params{Param::bytes(storedWkb(layer, f.geometry))};
    for (Param& p : attributeParams(layer, f, where))
        params.push_back(std::move(p));
    std::string columns = "geom";
    std::string values = "ST_GeomFromWKB($1, " + std::to_string(t.srid) + ")";
    for (std::size_t i = 0; i < t.columns.size(); ++i)
    {
        columns += ", " + m_conn.quoteIdentifier(t.columns[i].name);
        values += ", $" + std::to_string(i + 2);
    }
    const auto r =
        m_conn.exec("INSERT INTO " + m_conn.qualified(m_source.schema(), t.table) + " (" + columns +
                        ") VALUES (" + values + ") RETURNING fid",
                    params, ResultFormat::Text, "cannot add a feature to layer '" + layer + "'");
    return r.int64(0, 0);
}

void PostgisTransaction::update(const std::string& layer, const Feature& f)
{
    const std::string where =
        m_source.label() + ", layer '" + layer + "', fid " + std::to_string(f.fid);
    const auto& t = m_source.table(layer);
    std::vector<Param> params{Param::bytes(storedWkb(layer, f.geometry)), intParam(f.fid)};
    for (Param& p : attributeParams(layer, f, where))
        params.push_back(std::move(p));
    std::string set = "geom = ST_GeomFromWKB($1, " + std::to_string(t.srid) + ")";
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        set += ", " + m_conn.quoteIdentifier(t.columns[i].name) + " = $" + std::to_string(i + 3);
    const auto r =
        m_conn.exec("UPDATE " + m_conn.qualified(m_source.schema(), t.table) + " SET " + set +
                        " WHERE fid = $2",
                    params, ResultFormat::Text,
                    "cannot update fid " + std::to_string(f.fid) + " of layer '" + layer + "'");
    if (r.affectedRows() != 1)
        throw IoError(where + ": the feature is missing from the store.");
}

void PostgisTransaction::remove(const std::string& layer, std::int64_t fid)
{
    const auto& t = m_source.table(layer);
    const auto r = m_conn.exec(
        "DELETE FROM " + m_conn.qualified(m_source.schema(), t.table) + " WHERE fid = $1",
        {intParam(fid)}, ResultFormat::Text,
        "cannot delete fid " + std::to_string(fid) + " of layer '" + layer + "'");
    if (r.affectedRows() != 1)
        throw IoError(m_source.label() + ", layer '" + layer + "', fid " + std::to_string(fid) +
                      ": the feature is missing from the store.");
}

void PostgisTransaction::addAudit(const AuditRow& a)
{
    const std::string srid = std::to_string(m_source.table(a.layer).srid);
    const auto image = [&](const std::optional<Feature>& f)
    {
        return f && !f->geometry.isEmpty() ? Param::bytes(storedWkb(a.layer, f->geometry))
                                           : Param::null();
    };
    const auto attributes = [](const std::optional<Feature>& f)
    { return f ? Param::text(edit::detail::attributesToJson(f->attributes)) : Param::null(); };
    m_conn.exec("INSERT INTO " + m_conn.qualified(m_source.schema(), "redline_audit") +
                    " (revision, time, \"user\", layer, fid, operation, old_geometry, "
                    "new_geometry, old_attributes, new_attributes, reason) VALUES ($1, $2, $3, "
                    "$4, $5, $6, ST_GeomFromWKB($7, " +
                    srid + "), ST_GeomFromWKB($8, " + srid + "), $9, $10, $11)",
                {intParam(a.revision), Param::text(a.time), Param::text(a.user),
                 Param::text(a.layer), intParam(a.fid), Param::text(a.operation), image(a.before),
                 image(a.after), attributes(a.before), attributes(a.after), Param::text(a.reason)},
                ResultFormat::Text, "cannot write an audit row");
}

void PostgisTransaction::addRevision(const RevisionInfo& r)
{
    m_conn.exec("INSERT INTO " + m_conn.qualified(m_source.schema(), "redline_revisions") +
                    " (revision, time, \"user\", reason, added, modified, deleted, warnings) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                {intParam(r.revision), Param::text(r.time), Param::text(r.user),
                 Param::text(r.reason), intParam(r.added), intParam(r.modified),
                 intParam(r.deleted), Param::text(r.warnings)},
                ResultFormat::Text, "cannot write the revision row");
}

void PostgisTransaction::commit()
{
    m_tx->commit();
    m_tx.reset();
}

} // namespace redline::detail
