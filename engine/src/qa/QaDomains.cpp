// Attribute domains of DESIGN A1 and RULEBOOK §1.2: enumerations (read through the vocabulary
// table, so 一级保护区 is level I), and the control-unit code `^ZH\d{6}[123]\d{4}$` whose class
// digit must agree with `unit_type`.

#include <algorithm>

#include "redline/qa/AttributeDomains.hpp"
#include "redline/rules/Terms.hpp"

#include "qa/QaContext.hpp"

namespace redline::qa::detail
{

namespace
{

bool layerHasField(const PreparedLayer& layer, const std::string& field)
{
    const auto& names = layer.zone->layer->fieldNames;
    if (std::find(names.begin(), names.end(), field) != names.end())
        return true;
    // Layers built in memory may carry no field list: look at the features instead.
    for (const auto& f : layer.features)
        if (f.feature->attributes.find(field))
            return true;
    return false;
}

QaFinding featureFinding(const PreparedLayer& layer, const PreparedFeature& f, QaContext& ctx)
{
    QaFinding e;
    e.check = "attribute_domain";
    e.layer = layer.zone->name;
    e.featureId = f.id;
    e.fid = f.feature->fid;
    if (const GeosGeomPtr g = ctx.geometry(f))
        e.location = pointOnSurface(ctx.geos(), g.get());
    return e;
}

void checkEnumeration(QaContext& ctx, const PreparedLayer& layer, const AttributeDomain& d)
{
    if (!layerHasField(layer, d.field))
    {
        if (d.required && ctx.layerInScope(layer))
        {
            QaFinding e;
            e.check = "missing_field";
            e.layer = layer.zone->name;
            e.message = "layer '" + layer.zone->name + "' has no field '" + d.field + "'";
            ctx.add(std::move(e));
        }
        return;
    }
    for (const auto& f : layer.features)
    {
        if (!f.inScope)
            continue;
        const std::string value = f.feature->attributes.text(d.field).value_or("");
        if (inDomain(d, value) || (!d.required && value.empty()))
            continue;
        QaFinding e = featureFinding(layer, f, ctx);
        e.message = featureLabel(layer, f) + ": " + d.field + " '" + value + "' is not one of " +
                    joinDomain(d.values);
        ctx.add(std::move(e));
    }
}

void checkUnitCodes(QaContext& ctx, const PreparedLayer& layer)
{
    const std::string codeField = layer.zone->idField.empty() ? "unit_code" : layer.zone->idField;
    for (const auto& f : layer.features)
    {
        if (!f.inScope)
            continue;
        const std::string code = f.feature->attributes.text(codeField).value_or("");
        const std::string type = f.feature->attributes.text("unit_type").value_or("");
        if (const std::string problem = unitCodeProblem(code, type); !problem.empty())
        {
            QaFinding e = featureFinding(layer, f, ctx);
            e.check = "unit_code";
            e.message = featureLabel(layer, f) + ": unit code '" + code + "' " + problem;
            ctx.add(std::move(e));
        }
        const std::string subtype = f.feature->attributes.text("key_subtype").value_or("");
        if (subtype.empty())
            continue;
        if (!canonicalValue("key_subtype", subtype))
        {
            QaFinding e = featureFinding(layer, f, ctx);
            e.message = featureLabel(layer, f) + ": key_subtype '" + subtype + "' is not one of " +
                        joinDomain(keySubtypes());
            ctx.add(std::move(e));
        }
        else if (canonicalValue("unit_type", type) != "key")
        {
            QaFinding w = featureFinding(layer, f, ctx);
            w.severity = QaSeverity::Warning;
            w.message = featureLabel(layer, f) + ": key_subtype '" + subtype + "' is set on a '" +
                        type + "' unit (only key units have one)";
            ctx.add(std::move(w));
        }
    }
}

} // namespace

void checkDomains(QaContext& ctx)
{
    for (const PreparedLayer& layer : ctx.layers())
    {
        if (!layer.polygonal)
            continue;
        for (const AttributeDomain& d : attributeDomains())
            if (layer.zone->kind == d.kind)
                checkEnumeration(ctx, layer, d);
        if (layer.zone->kind == "control_units")
            checkUnitCodes(ctx, layer);
    }
}

} // namespace redline::qa::detail
