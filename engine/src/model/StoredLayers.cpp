#include "model/StoredLayers.hpp"

#include "redline/core/Error.hpp"

#include "model/FileSource.hpp"
#include "model/PostgisSource.hpp"
#include "model/Rewind.hpp"

namespace redline::detail
{

namespace
{

std::string typeName(GeometryType t)
{
    std::string s = toString(t);
    for (char& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// The declared type when every feature has it, else GEOMETRY.
std::string fittingType(const std::string& declared, const std::vector<Feature>& features)
{
    std::string common = declared;
    if (common == "GEOMETRY" && !features.empty())
        common = typeName(features.front().geometry.type());
    for (const Feature& f : features)
        if (typeName(f.geometry.type()) != common)
            return "GEOMETRY";
    return common;
}

// Field types from the values when the source declares none.
std::vector<postgis::Column> columnsFromValues(const Layer& layer)
{
    std::vector<postgis::Column> out;
    for (const std::string& name : layer.fieldNames)
    {
        bool integer = false, real = false, text = false;
        for (const Feature& f : layer.features)
            if (const AttributeValue* v = f.attributes.find(name))
            {
                integer = integer || std::holds_alternative<std::int64_t>(*v);
                real = real || std::holds_alternative<double>(*v);
                text = text || std::holds_alternative<std::string>(*v);
            }
        out.push_back({name, text      ? postgis::ColumnType::Text
                             : real    ? postgis::ColumnType::Real
                             : integer ? postgis::ColumnType::Integer
                                       : postgis::ColumnType::Text});
    }
    return out;
}

} // namespace

std::vector<StoredLayer> readStoredLayers(ZoningSource& source, int revision)
{
    const int newest = source.revision().value_or(0);
    if (revision < 0 || revision > newest)
        throw ConfigError(source.label() + ": no revision " + std::to_string(revision) +
                          " (the store is at revision " + std::to_string(newest) + ").");
    const auto undo = revision < newest ? source.audit(revision, newest) : std::vector<AuditRow>{};
    const auto* file = dynamic_cast<const FileSource*>(&source);
    const auto* postgis = dynamic_cast<const PostgisSource*>(&source);
    std::vector<StoredLayer> out;
    for (const ZoneLayer& zl : source.catalog().layers)
    {
        StoredLayer sl;
        sl.info = zl;
        sl.crs = source.storedCrs(zl);
        if (!sl.crs.isValid())
            throw CrsError(describeLocation(source.label(), zl.name) +
                           ": the layer has no coordinate reference system.");
        LayerReadOptions ro;
        ro.analysisCrs = sl.crs; // as stored: no reprojection
        std::vector<ZoneLayer> one{zl};
        one[0].layer = std::make_shared<const Layer>(source.readLayer(zl, ro));
        rewindLayers(one, undo, source, sl.crs, std::nullopt);
        const Layer& layer = *one[0].layer;
        std::string declared = "GEOMETRY";
        if (file)
        {
            sl.columns = file->columns(zl);
            declared = file->geometryType(zl);
        }
        else if (postgis)
        {
            sl.columns = postgis->table(zl.name).columns;
            declared = postgis->table(zl.name).geometryType;
        }
        else
            sl.columns = columnsFromValues(layer);
        sl.features = layer.features;
        sl.geometryType = fittingType(declared, sl.features);
        out.push_back(std::move(sl));
    }
    return out;
}

} // namespace redline::detail
