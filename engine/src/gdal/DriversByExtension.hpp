#pragma once
// The GDAL vector drivers that declare a file name extension (GDAL_DMD_EXTENSION/EXTENSIONS):
// for data read from memory, whose name's extension picks the driver (ScreeningRequest), so that
// GDAL does not probe its ~200 drivers for every in-memory site source. Engine-internal.

#include <string>
#include <vector>

namespace redline::detail
{

// Driver short names ("GeoJSON" for "geojson"); empty when no vector driver declares the
// extension (then every driver may be tried). Case-insensitive; the extension without its dot.
// Worked out once per extension; thread-safe.
[[nodiscard]] const std::vector<std::string>& vectorDriversForExtension(const std::string& ext);

} // namespace redline::detail
