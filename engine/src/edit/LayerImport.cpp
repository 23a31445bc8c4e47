#include "redline/edit/LayerImport.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "redline/core/Error.hpp"
#include "redline/io/VectorReader.hpp"

namespace redline
{

namespace
{

// The type a field has in the layer now (first non-null value), so that a Shapefile's integer
// zone_id compares equal to the store's text "101" and is written as the layer stores it.
std::map<std::string, AttributeValue> fieldKinds(const std::vector<Feature>& features)
{
    std::map<std::string, AttributeValue> kinds;
    for (const Feature& f : features)
        for (const auto& [name, v] : f.attributes.items())
            if (!std::holds_alternative<std::monostate>(v) && !kinds.count(name))
                kinds[name] = v;
    return kinds;
}

AttributeValue coerce(const AttributeValue& v, const AttributeValue* like, const std::string& where)
{
    if (!like || std::holds_alternative<std::monostate>(v) || v.index() == like->index())
        return v;
    const std::string text = toText(v);
    if (std::holds_alternative<std::string>(*like))
        return text;
    if (std::holds_alternative<std::int64_t>(*like))
    {
        std::int64_t n = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (ec == std::errc() && end == text.data() + text.size())
            return n;
    }
    else
    {
        double d = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
        if (ec == std::errc() && end == text.data() + text.size())
            return d;
    }
    throw ConfigError(where + ": value '" + text + "' does not fit the layer's field type.");
}

// Polygon <-> one-part MultiPolygon as the layer has them, so an unchanged shape compares equal.
Geometry likeType(const Geometry& g, GeometryType want)
{
    if (g.type() == want || g.dimension() != dimensionOf(want))
        return g;
    const bool multi = want == GeometryType::MultiPolygon ||
                       want == GeometryType::MultiLineString || want == GeometryType::MultiPoint;
    if (multi || g.parts().size() == 1)
        return Geometry(want, g.parts());
    return g;
}

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Layer field -> source field: the same name, else the only source field equal to it ignoring
// case, or to its first 10 characters (dBase's limit, which Shapefiles inherit).
std::map<std::string, std::string> matchFields(const std::vector<std::string>& layerFields,
                                               const std::vector<std::string>& sourceFields)
{
    std::map<std::string, std::string> out;
    std::set<std::string> taken;
    for (const auto& f : layerFields)
        if (std::find(sourceFields.begin(), sourceFields.end(), f) != sourceFields.end())
        {
            out[f] = f;
            taken.insert(f);
        }
    for (const auto& f : layerFields)
    {
        if (out.count(f))
            continue;
        std::vector<std::string> candidates;
        for (const auto& s : sourceFields)
            if (!taken.count(s) && (lower(s) == lower(f) || lower(s) == lower(f.substr(0, 10))))
                candidates.push_back(s);
        if (candidates.size() == 1)
        {
            out[f] = candidates[0];
            taken.insert(candidates[0]);
        }
    }
    return out;
}

bool sameAttributes(const Attributes& a, const Attributes& b)
{
    for (const auto& [name, v] : a.items())
    {
        const AttributeValue* w = b.find(name);
        if (!w ? !std::holds_alternative<std::monostate>(v) : *w != v)
            return false;
    }
    return true;
}

} // namespace

LayerImportResult importLayer(const std::string& store, const std::string& layer,
                              const std::string& source, const LayerImportOptions& options)
{
    if (options.reason.empty())
        throw ConfigError("importing a layer needs a reason (--reason TEXT): it becomes the "
                          "revision's reason.");
    EditSession session(store, options.user);
    const ZoneLayer info = session.layerInfo(layer); // throws for an unknown layer
    const std::string matchBy = options.matchBy.empty() ? info.idField : options.matchBy;
    const std::vector<Feature> before = session.features(layer);

    ReadOptions ro;
    ro.layerName = options.sourceLayer;
    ro.targetCrs = session.crs();
    ro.repairInvalid = false; // the QA sees the geometries as received
    if (options.sourceCrs)
        ro.assumeCrs = Crs::fromUserInput(*options.sourceCrs);
    const Layer incoming = readLayer(source, ro);
    LayerImportResult result;
    const std::vector<std::string> fields = info.layer->fieldNames;
    const auto fieldMap = matchFields(fields, incoming.fieldNames);
    for (const auto& n : incoming.fieldNames)
    {
        bool used = false;
        for (const auto& [layerField, sourceField] : fieldMap)
            used = used || sourceField == n;
        if (!used)
            result.ignoredFields.push_back(n);
    }
    for (const auto& [layerField, sourceField] : fieldMap)
        if (layerField != sourceField)
            result.renamedFields.emplace_back(sourceField, layerField);
    const auto sourceOf = [&](const std::string& layerField) -> std::string
    {
        const auto it = fieldMap.find(layerField);
        return it == fieldMap.end() ? std::string() : it->second;
    };
    const std::string sourceMatchBy = sourceOf(matchBy);
    if (sourceMatchBy.empty())
        throw ConfigError(source + ": no field '" + matchBy + "' to match features by (fields: " +
                          [&]
                          {
                              std::string s;
                              for (const auto& n : incoming.fieldNames)
                                  s += (s.empty() ? "" : ", ") + n;
                              return s;
                          }() +
                          ").");

    const auto kinds = fieldKinds(before);

    std::map<std::string, const Feature*> current;
    for (const Feature& f : before)
    {
        const auto id = f.attributes.text(matchBy);
        if (!id)
            continue;
        if (!current.emplace(*id, &f).second)
            throw ConfigError(describeLocation(session.storeLabel(), layer) +
                              ": two features have " + matchBy + " '" + *id +
                              "'; ids must be unique to match features by them.");
    }
    const GeometryType layerType =
        before.empty() ? GeometryType::MultiPolygon : before.front().geometry.type();
    std::set<std::string> seen;
    for (const Feature& in : incoming.features)
    {
        const auto id = in.attributes.text(sourceMatchBy);
        const std::string where = describeLocation(
            source, incoming.name, id ? "'" + *id + "'" : "FID " + std::to_string(in.fid));
        if (!id || id->empty())
            throw ConfigError(where + ": no " + matchBy + " to match it by.");
        if (!seen.insert(*id).second)
            throw ConfigError(where + ": " + matchBy + " '" + *id +
                              "' appears twice in the source.");
        Attributes attributes;
        for (const auto& name : fields)
        {
            const std::string from = sourceOf(name);
            const AttributeValue* v = from.empty() ? nullptr : in.attributes.find(from);
            const auto like = kinds.find(name);
            attributes.set(name, v ? coerce(*v, like == kinds.end() ? nullptr : &like->second,
                                            where + ", field '" + name + "'")
                                   : AttributeValue{});
        }
        const auto match = current.find(*id);
        if (match == current.end())
        {
            session.addFeature(layer, likeType(in.geometry, layerType), attributes);
            continue;
        }
        const Feature& old = *match->second;
        const Geometry geometry = likeType(in.geometry, old.geometry.type());
        const bool sameGeometry =
            geometry.type() == old.geometry.type() && geometry.parts() == old.geometry.parts();
        if (sameGeometry && sameAttributes(attributes, old.attributes))
        {
            ++result.unchanged;
            continue;
        }
        if (!sameGeometry)
            session.setGeometry(layer, old.fid, geometry);
        if (!sameAttributes(attributes, old.attributes))
            session.setAttributes(layer, old.fid, attributes);
    }
    for (const auto& [id, f] : current)
        if (!seen.count(id))
            session.deleteFeature(layer, f->fid);
    for (const Feature& f : before)
        if (!f.attributes.text(matchBy))
            session.deleteFeature(layer, f.fid);
    if (!session.hasChanges())
        throw ConfigError(source + ": layer '" + layer + "' of " + session.storeLabel() +
                          " already holds exactly these " +
                          std::to_string(incoming.features.size()) +
                          " features; no revision was written.");

    ZoneLayer beforeLayer = info;
    const int baseRevision = session.baseRevision();
    result.commit = session.commit(options.reason);
    ZoneLayer afterLayer = info;
    {
        auto b = std::make_shared<Layer>(*info.layer);
        b->features = before;
        beforeLayer.layer = std::move(b);
        auto a = std::make_shared<Layer>(*info.layer);
        a->features = session.features(layer);
        afterLayer.layer = std::move(a);
    }
    result.diff = diffLayers({beforeLayer}, {afterLayer}, session.crs());
    result.diff.from = session.storeLabel() + "@" + std::to_string(baseRevision);
    result.diff.to = session.storeLabel() + "@" + std::to_string(result.commit.revision);
    return result;
}

} // namespace redline
