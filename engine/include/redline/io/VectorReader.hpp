#pragma once
// Reads any GDAL vector source into a Layer, reprojected to a target CRS.
// Call from any thread (GDAL datasets are opened per call), after gdalInit().

#include <optional>
#include <string>
#include <vector>

#include "redline/data/Layer.hpp"
#include "redline/geo/Crs.hpp"

namespace redline
{

// Registers GDAL drivers and sets the options the engine relies on. Call once, on the main thread.
void gdalInit();

struct ReadOptions
{
    std::optional<std::string> layerName; // default: the first layer
    std::optional<Crs> assumeCrs;         // used when the source has no CRS (e.g. missing .prj);
                                          // overrides the source's CRS when set explicitly
    std::optional<Crs> targetCrs;         // reproject to this CRS (default: keep source CRS)
    bool repairInvalid = true;            // make-valid invalid polygons, with a warning
    // Sites: a feature whose geometry cannot be read, repaired or placed is kept with
    // Feature::error set (and no geometry) instead of ending the read with an exception.
    bool keepUnusable = false;
    std::optional<std::string> dxfEncoding; // GDAL's DXF_ENCODING for this read (SiteCad.hpp)
    std::string idField;                    // attribute used to name features in messages
    // The GDAL drivers allowed to open the source (short names, "GeoJSON"); empty: any. For a
    // source whose format is known (data from memory), GDAL then skips probing the others.
    std::vector<std::string> drivers;
};

// Throws IoError / CrsError / GeometryError with a one-line message naming file, layer, feature.
[[nodiscard]] Layer readLayer(const std::string& path, const ReadOptions& options = {});

// Names of the layers in a source (throws IoError).
[[nodiscard]] std::vector<std::string> listLayers(const std::string& path);

} // namespace redline
