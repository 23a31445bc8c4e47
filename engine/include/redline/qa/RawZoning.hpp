#pragma once
// The layers of a zoning store as they are stored: same layer list, kinds and official figures
// as ZoningStore::load, but geometries are not repaired (QA must see the invalid ones), in the
// analysis CRS. Throws IoError / ConfigError / CrsError / GeometryError naming file and layer.

#include <memory>
#include <string>
#include <vector>

#include "redline/model/ZoningStore.hpp"

namespace redline
{

[[nodiscard]] std::shared_ptr<const ZoningStore> loadZoningRaw(const std::string& storePath);
// Same in a given analysis CRS (an invalid Crs() means the store's own / the default).
[[nodiscard]] std::shared_ptr<const ZoningStore> loadZoningRaw(const std::string& storePath,
                                                               const Crs& analysisCrs);

} // namespace redline
