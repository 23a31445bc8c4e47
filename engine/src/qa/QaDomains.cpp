// Attribute domains of DESIGN A1 and RULEBOOK §1.2: enumerations, and the control-unit code
// `^ZH\d{6}[123]\d{4}$` whose class digit must agree with `unit_type`.

#include <algorithm>
#include <regex>

#include "qa/QaContext.hpp"

namespace redline::qa::detail
{

namespace
{

struct Domain
{
    const char* kind;
    const char* field;
    std::vector<std::string> values;
};

// `rural` is the Zhejiang 农村饮用水水源保护范围, a single-zone category the county data uses
// beside the three HJ 338 levels.
const std::vector<Domain>& domains()
{
    static const std::vector<Domain> kDomains = {
        {"ecological_redline",
         "redline_type",
         {"water_conservation", "soil_conservation", "scenic"}},
        {"control_units", "unit_type", {"priority", "key", "general"}},
        {"water_protection_zones", "level", {"I", "II", "quasi", "rural"}},
        {"protected_areas", "zoning", {"core", "general"}},
    };
    return kDomains;
}

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
    if (f.geom)
        e.location = pointOnSurface(ctx.geos(), f.geom.get());
    return e;
}

std::string joined(const std::vector<std::string>& values)
{
    std::string out;
    for (const auto& v : values)
        out += (out.empty() ? "" : ", ") + v;
    return out;
}

void checkEnumeration(QaContext& ctx, const PreparedLayer& layer, const Domain& d)
{
    if (!layerHasField(layer, d.field))
    {
        if (ctx.layerInScope(layer))
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
        if (std::find(d.values.begin(), d.values.end(), value) != d.values.end())
            continue;
        QaFinding e = featureFinding(layer, f, ctx);
        e.message = featureLabel(layer, f) + ": " + d.field + " '" + value + "' is not one of " +
                    joined(d.values);
        ctx.add(std::move(e));
    }
}

char classDigit(const std::string& unitType)
{
    if (unitType == "priority")
        return '1';
    if (unitType == "key")
        return '2';
    if (unitType == "general")
        return '3';
    return '?';
}

void checkUnitCodes(QaContext& ctx, const PreparedLayer& layer)
{
    static const std::regex kCode(R"(^ZH\d{6}[123]\d{4}$)");
    static const std::vector<std::string> kSubtypes = {"urban_living", "industrial_cluster"};
    const std::string codeField = layer.zone->idField.empty() ? "unit_code" : layer.zone->idField;
    for (const auto& f : layer.features)
    {
        if (!f.inScope)
            continue;
        const std::string code = f.feature->attributes.text(codeField).value_or("");
        const std::string type = f.feature->attributes.text("unit_type").value_or("");
        if (!std::regex_match(code, kCode))
        {
            QaFinding e = featureFinding(layer, f, ctx);
            e.check = "unit_code";
            e.message = featureLabel(layer, f) + ": unit code '" + code +
                        "' does not match ZH + 6-digit county code + class digit 1|2|3 + "
                        "4-digit serial";
            ctx.add(std::move(e));
        }
        else if (classDigit(type) != '?' && code[8] != classDigit(type))
        {
            QaFinding e = featureFinding(layer, f, ctx);
            e.check = "unit_code";
            e.message = featureLabel(layer, f) + ": unit code '" + code + "' has class digit " +
                        code[8] + " but unit_type is '" + type + "' (" + classDigit(type) + ")";
            ctx.add(std::move(e));
        }
        const std::string subtype = f.feature->attributes.text("key_subtype").value_or("");
        if (subtype.empty())
            continue;
        if (std::find(kSubtypes.begin(), kSubtypes.end(), subtype) == kSubtypes.end())
        {
            QaFinding e = featureFinding(layer, f, ctx);
            e.message = featureLabel(layer, f) + ": key_subtype '" + subtype + "' is not one of " +
                        joined(kSubtypes);
            ctx.add(std::move(e));
        }
        else if (type != "key")
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
        for (const Domain& d : domains())
            if (layer.zone->kind == d.kind)
                checkEnumeration(ctx, layer, d);
        if (layer.zone->kind == "control_units")
            checkUnitCodes(ctx, layer);
    }
}

} // namespace redline::qa::detail
