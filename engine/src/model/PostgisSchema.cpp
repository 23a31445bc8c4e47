#include "model/PostgisSchema.hpp"

#include <algorithm>
#include <set>

#include "redline/qa/AttributeDomains.hpp"
#include "redline/rules/Terms.hpp"

namespace redline::detail::postgis
{

namespace
{

bool hasColumn(const StoredLayer& layer, const std::string& name)
{
    return std::any_of(layer.columns.begin(), layer.columns.end(),
                       [&](const Column& c) { return c.name == name; });
}

std::string inList(const pg::Connection& c, const std::vector<std::string>& values)
{
    std::string out;
    for (const auto& v : values)
        out += (out.empty() ? "" : ", ") + c.quoteLiteral(v);
    return out;
}

std::string codeField(const StoredLayer& layer)
{
    return layer.info.idField.empty() ? "unit_code" : layer.info.idField;
}

std::string featureName(const StoredLayer& layer, const Feature& f)
{
    const auto id = f.attributes.text(layer.info.idField);
    return id ? "'" + *id + "'" : "FID " + std::to_string(f.fid);
}

// UTF-8 of one code point.
std::string utf8(unsigned code)
{
    std::string out;
    if (code < 0x80)
        out += static_cast<char>(code);
    else if (code < 0x800)
    {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
    else
    {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
    return out;
}

// redline_spelling(text): normalizeSpelling (redline/rules/Terms.hpp) in SQL — U+3000 to a space,
// full-width ASCII to ASCII, ASCII letters to lower case (one translate(), so Ｉ becomes i as in
// C++), blanks trimmed — so that the CHECK constraints accept every spelling the QA accepts.
void createSpellingFunction(pg::Connection& c, const std::string& s)
{
    std::string from = utf8(0x3000);
    std::string to = " ";
    for (unsigned code = 0xFF01; code <= 0xFF5E; ++code)
    {
        char ascii = static_cast<char>(code - 0xFF01 + 0x21);
        if (ascii >= 'A' && ascii <= 'Z')
            ascii = static_cast<char>(ascii - 'A' + 'a');
        from += utf8(code);
        to += ascii;
    }
    for (char ch = 'A'; ch <= 'Z'; ++ch)
    {
        from += ch;
        to += static_cast<char>(ch - 'A' + 'a');
    }
    c.exec("CREATE OR REPLACE FUNCTION " + c.qualified(s, "redline_spelling") +
               "(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN "
               "btrim(translate($1, " +
               c.quoteLiteral(from) + ", " + c.quoteLiteral(to) + "), E' \\t\\r\\n')",
           "cannot create the store's spelling function");
}

// Every spelling (normalised) of the canonical values `values` of vocabulary domain `domain`.
std::vector<std::string> spellingsOf(const std::string& domain,
                                     const std::vector<std::string>& values)
{
    std::vector<std::string> out;
    const TermDomain* d = findTermDomain(domain);
    if (!d)
        return values;
    for (const Term& t : d->terms)
    {
        if (std::find(values.begin(), values.end(), t.value) == values.end())
            continue;
        out.push_back(normalizeSpelling(t.value));
        out.push_back(normalizeSpelling(t.zh));
        for (const auto& sp : t.spellings)
            out.push_back(normalizeSpelling(sp));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    std::erase(out, std::string());
    return out;
}

std::string spelled(const pg::Connection& c, const std::string& schema, const std::string& field)
{
    return c.qualified(schema, "redline_spelling") + "(" + c.quoteIdentifier(field) + ")";
}

} // namespace

void createStoreTables(pg::Connection& c, const std::string& s)
{
    createSpellingFunction(c, s);
    const auto q = [&](const char* t) { return c.qualified(s, t); };
    c.exec(
        "CREATE TABLE " + q("redline_meta") +
            " (key text PRIMARY KEY, value text NOT NULL);"
            "CREATE TABLE " +
            q("redline_catalog") +
            " (position integer PRIMARY KEY, layer text NOT NULL UNIQUE, "
            "table_name text NOT NULL UNIQUE, kind text NOT NULL, id_field text NOT NULL, "
            "name_field text NOT NULL, buffer_m double precision NOT NULL CHECK (buffer_m >= 0), "
            "screened boolean NOT NULL, official_area_km2 double precision "
            "CHECK (official_area_km2 > 0), srid integer NOT NULL);"
            "CREATE TABLE " +
            q("redline_revisions") +
            " (revision integer PRIMARY KEY CHECK (revision > 0), time timestamptz NOT NULL, "
            "\"user\" text NOT NULL, reason text NOT NULL DEFAULT '', "
            "added integer NOT NULL CHECK (added >= 0), "
            "modified integer NOT NULL CHECK (modified >= 0), "
            "deleted integer NOT NULL CHECK (deleted >= 0), warnings text NOT NULL DEFAULT '');"
            "CREATE TABLE " +
            q("redline_audit") +
            " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
            "revision integer NOT NULL REFERENCES " +
            q("redline_revisions") +
            " DEFERRABLE INITIALLY DEFERRED, time timestamptz NOT NULL, "
            "\"user\" text NOT NULL, layer text NOT NULL, fid bigint NOT NULL, "
            "operation text NOT NULL CHECK (operation IN ('insert', 'update', 'delete')), "
            "old_geometry geometry, new_geometry geometry, old_attributes json, "
            "new_attributes json, reason text NOT NULL DEFAULT '');"
            "CREATE INDEX ON " +
            q("redline_audit") + " (revision);",
        "cannot create the store's tables");
}

void createLayerTable(pg::Connection& c, const std::string& s, const StoredLayer& layer, int srid,
                      const std::string& partitionBy)
{
    const std::string& table = layer.info.name;
    const bool partitioned = !partitionBy.empty() && hasColumn(layer, partitionBy);
    const auto constraint = [&](const std::string& what)
    { return ", CONSTRAINT " + c.quoteIdentifier(table + "_" + what) + " CHECK "; };
    // A partitioned table's primary key must hold the partition key.
    std::string sql = "CREATE TABLE " + c.qualified(s, table) +
                      " (fid bigint GENERATED BY DEFAULT AS IDENTITY" +
                      (partitioned ? "" : " PRIMARY KEY") + ", geom geometry(" +
                      layer.geometryType + ", " + std::to_string(srid) + ") NOT NULL";
    std::vector<std::string> notNull{layer.info.idField};
    if (partitioned)
        notNull.push_back(partitionBy);
    for (const AttributeDomain& d : attributeDomains())
        if (d.kind == layer.info.kind && d.required && hasColumn(layer, d.field))
            notNull.emplace_back(d.field);
    for (const Column& col : layer.columns)
    {
        const bool required = std::find(notNull.begin(), notNull.end(), col.name) != notNull.end();
        sql += ", " + c.quoteIdentifier(col.name) + " " + sqlType(col.type) +
               (required ? " NOT NULL" : "");
    }
    sql += constraint("geom_not_empty") + "(NOT ST_IsEmpty(geom))";
    if (layer.info.screened && layer.geometryType == "GEOMETRY")
        sql += constraint("geom_polygonal") + "(ST_Dimension(geom) = 2)";
    // Any spelling of an allowed value (as the QA reads them); blank only when not required.
    for (const AttributeDomain& d : attributeDomains())
        if (d.kind == layer.info.kind && hasColumn(layer, d.field))
            sql += constraint(std::string(d.field) + "_domain") + "(" +
                   (d.required ? "" : spelled(c, s, d.field) + " = '' OR ") +
                   spelled(c, s, d.field) + " IN (" + inList(c, spellingsOf(d.domain, d.values)) +
                   "))";
    if (layer.info.kind == "control_units" && hasColumn(layer, codeField(layer)))
    {
        const std::string code = c.quoteIdentifier(codeField(layer));
        sql += constraint("unit_code_format") + "(" + code + " ~ '^ZH[0-9]{6}[123][0-9]{4}$')";
        if (hasColumn(layer, "unit_type"))
        {
            std::string cases;
            for (const auto& [type, digit] :
                 {std::pair{"priority", "1"}, std::pair{"key", "2"}, std::pair{"general", "3"}})
                cases += " WHEN " + spelled(c, s, "unit_type") + " IN (" +
                         inList(c, spellingsOf("unit_type", {type})) + ") THEN '" + digit + "'";
            sql += constraint("unit_code_class") + "(substr(" + code + ", 9, 1) = CASE" + cases +
                   " ELSE substr(" + code + ", 9, 1) END)";
        }
        if (hasColumn(layer, "key_subtype"))
            sql += constraint("key_subtype_domain") + "(" + spelled(c, s, "key_subtype") +
                   " = '' OR " + spelled(c, s, "key_subtype") + " IN (" +
                   inList(c, spellingsOf("key_subtype", keySubtypes())) + "))";
    }
    if (partitioned)
        sql += ", PRIMARY KEY (fid, " + c.quoteIdentifier(partitionBy) + ")) PARTITION BY LIST (" +
               c.quoteIdentifier(partitionBy) + ")";
    else
        sql += ")";
    c.exec(sql, "cannot create the table of layer '" + table + "'");
    if (!partitioned)
        return;
    // One partition per value present, and a default one for values added later.
    std::set<std::string> values;
    for (const Feature& f : layer.features)
        if (const auto v = f.attributes.text(partitionBy))
            values.insert(*v);
    int n = 0;
    for (const std::string& v : values)
        c.exec("CREATE TABLE " + c.qualified(s, table + "_p" + std::to_string(++n)) +
                   " PARTITION OF " + c.qualified(s, table) + " FOR VALUES IN (" +
                   c.quoteLiteral(v) + ")",
               "cannot create the partition of layer '" + table + "' for " + partitionBy + " " + v);
    c.exec("CREATE TABLE " + c.qualified(s, table + "_default") + " PARTITION OF " +
               c.qualified(s, table) + " DEFAULT",
           "cannot create the default partition of layer '" + table + "'");
}

void createSpatialIndex(pg::Connection& c, const std::string& s, const std::string& table)
{
    c.exec("CREATE INDEX " + c.quoteIdentifier(table + "_geom_gist") + " ON " +
               c.qualified(s, table) + " USING GIST (geom)",
           "cannot index layer '" + table + "'");
}

std::string firstDomainViolation(const StoredLayer& layer)
{
    const std::string where = "layer '" + layer.info.name + "', feature ";
    for (const Feature& f : layer.features)
    {
        if (!f.attributes.text(layer.info.idField))
            return where + featureName(layer, f) + ": the id field '" + layer.info.idField +
                   "' is empty";
        for (const AttributeDomain& d : attributeDomains())
        {
            if (d.kind != layer.info.kind || !hasColumn(layer, d.field))
                continue;
            const std::string value = f.attributes.text(d.field).value_or("");
            if (!inDomain(d, value) && (d.required || !value.empty()))
                return where + featureName(layer, f) + ": " + d.field + " '" + value +
                       "' is not one of " + joinDomain(d.values);
        }
        if (layer.info.kind != "control_units" || !hasColumn(layer, codeField(layer)))
            continue;
        const std::string code = f.attributes.text(codeField(layer)).value_or("");
        const std::string type = f.attributes.text("unit_type").value_or("");
        if (const std::string problem = unitCodeProblem(code, type); !problem.empty())
            return where + featureName(layer, f) + ": unit code '" + code + "' " + problem;
        const std::string subtype = f.attributes.text("key_subtype").value_or("");
        if (!subtype.empty() && !canonicalValue("key_subtype", subtype))
            return where + featureName(layer, f) + ": key_subtype '" + subtype +
                   "' is not one of " + joinDomain(keySubtypes());
    }
    return {};
}

std::vector<std::string> storeTables(pg::Connection& c, const std::string& s)
{
    std::vector<std::string> out{"redline_meta", "redline_catalog", "redline_revisions",
                                 "redline_audit"};
    const auto r = c.exec("SELECT table_name FROM " + c.qualified(s, "redline_catalog"),
                          "cannot read the store's catalog");
    for (int i = 0; i < r.rows(); ++i)
        out.emplace_back(r.text(i, 0));
    return out;
}

} // namespace redline::detail::postgis
