#include "redline/model/ZoningStore.hpp"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <set>
#include <type_traits>

#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"
#include "redline/io/VectorReader.hpp"

namespace fs = std::filesystem;

namespace redline
{

namespace
{

constexpr const char* kDefaultAnalysisCrs = "EPSG:4549";

std::shared_ptr<const Layer> readZoneLayer(const std::string& source, const std::string& layer,
                                           const std::string& idField, const Crs& analysisCrs)
{
    ReadOptions ro;
    ro.layerName = layer;
    ro.targetCrs = analysisCrs;
    ro.idField = idField;
    return std::make_shared<const Layer>(readLayer(source, ro));
}

bool isYaml(const fs::path& p)
{
    const auto ext = p.extension().string();
    return ext == ".yaml" || ext == ".yml";
}

template <typename T>
T yamlValue(const YAML::Node& node, const std::string& key, const T& fallback,
            const std::string& where)
{
    if (!node[key])
        return fallback;
    if constexpr (std::is_same_v<T, double>)
    {
        // yaml-cpp reads numbers through a stringstream, i.e. the global C++ locale.
        if (const auto v = node[key].IsScalar() ? parseNumber(node[key].Scalar()) : std::nullopt)
            return *v;
        throw ConfigError(where + ": field '" + key + "' is not a number.");
    }
    try
    {
        return node[key].as<T>();
    }
    catch (const YAML::Exception&)
    {
        throw ConfigError(where + ": field '" + key + "' has an invalid value.");
    }
}

std::vector<ZoneLayer> loadCatalog(const fs::path& catalog, Crs& analysisCrs, bool crsGiven)
{
    const std::string file = catalog.string();
    YAML::Node root;
    try
    {
        root = YAML::LoadFile(file);
    }
    catch (const YAML::Exception& e)
    {
        throw ConfigError(file + ": not a valid YAML catalog (" + e.msg + ", line " +
                          std::to_string(e.mark.line + 1) + ").");
    }
    static const std::set<std::string> kTopKeys{"analysis_crs", "official_figures", "layers",
                                                "name", "description"};
    for (const auto& kv : root)
        if (!kTopKeys.count(kv.first.as<std::string>()))
            throw ConfigError(file + ": unknown catalog field '" + kv.first.as<std::string>() + "'.");
    if (!crsGiven && root["analysis_crs"])
        analysisCrs = Crs::fromUserInput(root["analysis_crs"].as<std::string>());
    if (!root["layers"] || !root["layers"].IsSequence())
        throw ConfigError(file + ": the catalog has no 'layers' list.");

    static const std::set<std::string> kLayerKeys{
        "source", "layer", "kind", "id_field", "name_field", "buffer_m", "official_area_km2",
        "screened", "style", "title"};
    std::vector<ZoneLayer> layers;
    std::size_t index = 0;
    for (const auto& node : root["layers"])
    {
        ++index;
        const std::string where = file + ", layers entry " + std::to_string(index);
        for (const auto& kv : node)
            if (!kLayerKeys.count(kv.first.as<std::string>()))
                throw ConfigError(where + ": unknown field '" + kv.first.as<std::string>() + "'.");
        if (!node["source"])
            throw ConfigError(where + ": missing 'source'.");
        fs::path source = node["source"].as<std::string>();
        if (source.is_relative())
            source = catalog.parent_path() / source;
        ZoneLayer zl;
        zl.name = yamlValue<std::string>(node, "layer", {}, where);
        const auto conventional = conventionalLayer(zl.name);
        zl.kind = yamlValue<std::string>(node, "kind", conventional ? conventional->kind : "",
                                         where);
        if (zl.kind.empty())
            throw ConfigError(where + ": missing 'kind' for layer '" + zl.name + "'.");
        zl.idField = yamlValue<std::string>(node, "id_field",
                                            conventional ? conventional->idField : "zone_id", where);
        zl.nameField = yamlValue<std::string>(node, "name_field",
                                              conventional ? conventional->nameField : "name", where);
        zl.bufferM = yamlValue<double>(node, "buffer_m", 100.0, where);
        if (zl.bufferM < 0)
            throw ConfigError(where + ": 'buffer_m' must not be negative.");
        zl.screened = yamlValue<bool>(node, "screened",
                                      conventional ? conventional->screened : true, where);
        if (node["official_area_km2"])
            zl.officialAreaKm2 = yamlValue<double>(node, "official_area_km2", 0.0, where);
        std::optional<std::string> layerName;
        if (!zl.name.empty())
            layerName = zl.name;
        ReadOptions ro;
        ro.layerName = layerName;
        ro.targetCrs = analysisCrs;
        ro.idField = zl.idField;
        zl.layer = std::make_shared<const Layer>(readLayer(source.string(), ro));
        if (zl.name.empty())
            zl.name = zl.layer->name;
        layers.push_back(std::move(zl));
    }
    return layers;
}

std::vector<ZoneLayer> loadConventional(const std::string& path, const Crs& analysisCrs)
{
    std::vector<ZoneLayer> layers;
    for (const auto& name : listLayers(path))
    {
        const auto conventional = conventionalLayer(name);
        if (!conventional)
            continue; // other tables (audit, revisions, styles) are not zoning layers
        ZoneLayer zl;
        zl.name = name;
        zl.kind = conventional->kind;
        zl.idField = conventional->idField;
        zl.nameField = conventional->nameField;
        zl.screened = conventional->screened;
        zl.layer = readZoneLayer(path, name, zl.idField, analysisCrs);
        layers.push_back(std::move(zl));
    }
    if (layers.empty())
        throw IoError(path + ": no zoning layer with a conventional name (ecological_redline, "
                             "control_units, water_protection_zones, protected_areas, "
                             "prohibited_zones) and no catalog.");
    return layers;
}

} // namespace

ZoningStore::ZoningStore(std::string path, Crs analysisCrs, std::vector<ZoneLayer> layers)
    : m_path(std::move(path)), m_analysisCrs(std::move(analysisCrs)), m_layers(std::move(layers))
{
}

std::shared_ptr<const ZoningStore> ZoningStore::load(const std::string& path)
{
    return load(path, Crs());
}

std::shared_ptr<const ZoningStore> ZoningStore::load(const std::string& path,
                                                     const Crs& requestedCrs)
{
    const fs::path p(path);
    if (!fs::exists(p))
        throw IoError(path + ": zoning store not found.");
    const bool crsGiven = requestedCrs.isValid();
    Crs analysisCrs = crsGiven ? requestedCrs : Crs::fromUserInput(kDefaultAnalysisCrs);
    std::vector<ZoneLayer> layers = isYaml(p) ? loadCatalog(p, analysisCrs, crsGiven)
                                              : loadConventional(path, analysisCrs);
    if (analysisCrs.isGeographic())
        throw CrsError(path + ": the analysis CRS " + analysisCrs.label() +
                       " is geographic; areas and distances need a projected CRS in metres.");
    for (const auto& l : layers)
        for (const auto& f : l.layer->features)
            if (l.screened && f.geometry.dimension() != Dimension::Area)
                throw GeometryError(describeLocation(l.layer->source, l.name,
                                                     "FID " + std::to_string(f.fid)) +
                                    ": zoning features must be polygons, found a " +
                                    toString(f.geometry.type()) + ".");
    return std::make_shared<const ZoningStore>(path, std::move(analysisCrs), std::move(layers));
}

const ZoneLayer* ZoningStore::findLayer(const std::string& name) const
{
    for (const auto& l : m_layers)
        if (l.name == name)
            return &l;
    return nullptr;
}

const ZoneLayer* ZoningStore::findKind(const std::string& kind) const
{
    for (const auto& l : m_layers)
        if (l.kind == kind)
            return &l;
    return nullptr;
}

} // namespace redline
