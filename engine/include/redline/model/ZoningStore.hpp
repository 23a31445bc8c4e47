#pragma once
// A zoning store (DESIGN A1): a GeoPackage with conventional layer names, or a catalog.yaml that
// maps GDAL sources/layers to kinds. Loading reprojects every layer to the analysis CRS.
// Immutable after load; share as shared_ptr<const ZoningStore>.

#include <memory>
#include <string>
#include <vector>

#include "redline/geo/Crs.hpp"
#include "redline/model/ZoneLayer.hpp"

namespace redline
{

class ZoningStore
{
public:
    // Throws IoError / ConfigError / CrsError naming the file, layer and feature.
    static std::shared_ptr<const ZoningStore> load(const std::string& path,
                                                   const Crs& analysisCrs);
    static std::shared_ptr<const ZoningStore> load(const std::string& path);

    [[nodiscard]] const std::string& path() const { return m_path; }
    [[nodiscard]] const Crs& analysisCrs() const { return m_analysisCrs; }
    [[nodiscard]] const std::vector<ZoneLayer>& layers() const { return m_layers; }
    [[nodiscard]] const ZoneLayer* findLayer(const std::string& name) const;
    [[nodiscard]] const ZoneLayer* findKind(const std::string& kind) const;
    [[nodiscard]] bool hasKind(const std::string& kind) const { return findKind(kind) != nullptr; }

    ZoningStore(std::string path, Crs analysisCrs, std::vector<ZoneLayer> layers);

private:
    std::string m_path;
    Crs m_analysisCrs;
    std::vector<ZoneLayer> m_layers;
};

} // namespace redline
