#pragma once
// Hardening for processes that open files from strangers (the service's uploads): only the GDAL
// vector drivers that read the site formats of DESIGN A2 (plus PostgreSQL for a shared store)
// stay registered. Drivers whose files can point at other files or URLs (VRT, OGR_VRT, …) would
// otherwise let an upload read the server's own files, since GDAL picks a driver by content,
// not by extension. Call on the main thread after loading the store and before serving.

#include <string>
#include <vector>

namespace redline
{

// Deregisters every other driver; returns the names kept.
std::vector<std::string> restrictDriversForUntrustedInput();

} // namespace redline
