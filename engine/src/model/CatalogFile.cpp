#include "model/CatalogFile.hpp"

#include <filesystem>
#include <set>
#include <type_traits>

#include <yaml-cpp/yaml.h>

#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"

namespace fs = std::filesystem;

namespace redline::detail
{

namespace
{

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

CatalogFile readCatalog(const std::string& file)
{
    const fs::path catalog(file);
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
    if (!root.IsMap())
        throw ConfigError(file + ": the catalog has no 'layers' list (it is not a YAML map).");
    static const std::set<std::string> kTopKeys{"analysis_crs", "official_figures", "layers",
                                                "name", "description"};
    for (const auto& kv : root)
        if (!kTopKeys.count(kv.first.as<std::string>()))
            throw ConfigError(file + ": unknown catalog field '" + kv.first.as<std::string>() +
                              "'.");
    CatalogFile out;
    if (root["analysis_crs"])
        out.analysisCrs = Crs::fromUserInput(root["analysis_crs"].as<std::string>());
    if (!root["layers"] || !root["layers"].IsSequence())
        throw ConfigError(file + ": the catalog has no 'layers' list.");

    static const std::set<std::string> kLayerKeys{
        "source",   "layer", "kind", "id_field", "name_field", "buffer_m", "official_area_km2",
        "screened", "style", "title"};
    std::size_t index = 0;
    for (const auto& node : root["layers"])
    {
        ++index;
        const std::string where = file + ", layers entry " + std::to_string(index);
        if (!node.IsMap())
            throw ConfigError(where + ": not a map of fields (source, kind, ...).");
        for (const auto& kv : node)
            if (!kLayerKeys.count(kv.first.as<std::string>()))
                throw ConfigError(where + ": unknown field '" + kv.first.as<std::string>() + "'.");
        if (!node["source"])
            throw ConfigError(where + ": missing 'source'.");
        fs::path source = node["source"].as<std::string>();
        if (source.is_relative())
            source = catalog.parent_path() / source;
        CatalogEntry e;
        e.source = source.lexically_normal().string();
        ZoneLayer& zl = e.layer;
        zl.name = yamlValue<std::string>(node, "layer", {}, where);
        e.sourceLayer = zl.name;
        const auto conventional = conventionalLayer(zl.name);
        zl.kind =
            yamlValue<std::string>(node, "kind", conventional ? conventional->kind : "", where);
        if (zl.kind.empty())
            throw ConfigError(where + ": missing 'kind' for layer '" + zl.name + "'.");
        zl.idField = yamlValue<std::string>(
            node, "id_field", conventional ? conventional->idField : "zone_id", where);
        zl.nameField = yamlValue<std::string>(
            node, "name_field", conventional ? conventional->nameField : "name", where);
        zl.bufferM = yamlValue<double>(node, "buffer_m", 100.0, where);
        if (zl.bufferM < 0)
            throw ConfigError(where + ": 'buffer_m' must not be negative.");
        zl.screened =
            yamlValue<bool>(node, "screened", conventional ? conventional->screened : true, where);
        if (node["official_area_km2"])
            zl.officialAreaKm2 = yamlValue<double>(node, "official_area_km2", 0.0, where);
        out.entries.push_back(std::move(e));
    }
    return out;
}

} // namespace

// yaml-cpp throws its own exceptions for a value of the wrong shape (a list where text is
// expected, a key that is not text): they become a ConfigError naming the file and the line.
CatalogFile readCatalogFile(const std::string& file)
{
    try
    {
        return readCatalog(file);
    }
    catch (const YAML::Exception& e)
    {
        const std::string line =
            e.mark.is_null() ? "" : ", line " + std::to_string(e.mark.line + 1);
        throw ConfigError(file + line + ": a catalog field has a value of the wrong type (" +
                          e.msg + ").");
    }
}

} // namespace redline::detail
