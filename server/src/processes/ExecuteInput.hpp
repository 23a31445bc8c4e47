#pragma once
// The inputs of one execution of the `screen` process, read from an OGC API – Processes execute
// request (application/json) or from a form upload (multipart/form-data, as `curl -F` and
// browsers send it), and checked before anything is opened:
//   sites           GeoJSON (object, or {"value": object}), or a file: {"value": base64,
//                   "encoding": "base64", "mediaType": …, "filename": …} / a form file part
//   site_wkt        one site as WKT (instead of sites)
//   site_crs        EPSG:n, gcj02 or bd09 (no WKT/PROJ text: those could name files)
//   site_layer      layer of a multi-layer file
//   towgs84         "dx,dy,dz[,rx,ry,rz,s]" or an array of 3 or 7 numbers
//   buffer          metres, 0–100000
//   rules           a registered rule set name (never a path on the server) or "none"
//   site_attributes {"project_type": "road", …} applied to every site (e.g. of a 界址点 list)
// Problems throw ExecuteError naming the input.

#include <optional>
#include <stdexcept>
#include <string>

#include "redline/api/ScreeningRequest.hpp"

#include "ServiceConfig.hpp"
#include "http/Http.hpp"

namespace redline
{
class Registry;
}

namespace redline::service
{

class ExecuteError : public std::runtime_error
{
  public:
    using std::runtime_error::runtime_error;
};

struct ExecuteInput
{
    ScreeningRequest request;   // sitesPath is filled once the file is stored
    std::string fileBytes;      // the sites file (uploaded, or GeoJSON text); empty for WKT
    std::string fileName;       // its name as the client gave it ("sites.geojson" for inline)
    bool inlineGeoJson = false; // GeoJSON given in the JSON body: read from memory
    std::string inputName;      // what the ledger and the report call the input
    std::string inputSha256;    // of fileBytes, or of the WKT text
    std::string parameters;     // every other input, canonical JSON (sorted keys): the ledger's
                                // record of what, besides the input, decided the screening
    bool async = false;         // Prefer: respond-async
    std::optional<std::string> csrfToken; // a form's csrf_token field
};

[[nodiscard]] ExecuteInput parseExecute(const Request& request, const Registry& registry);

} // namespace redline::service
