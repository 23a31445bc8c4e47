#include "redline/io/LegacyDatum.hpp"

#include <ogr_spatialref.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"

namespace redline
{

namespace
{

// Lower-case letters and digits only, so "Xian_1980", "D_Xian_1980" and "Xian 1980" compare equal.
std::string squeeze(const char* text)
{
    std::string out;
    for (const char* p = text; p && *p; ++p)
    {
        const auto c = static_cast<unsigned char>(*p);
        if (std::isalnum(c))
            out.push_back(static_cast<char>(std::tolower(c)));
    }
    return out;
}

std::string fmtNumber(double v)
{
    return formatShortest(v);
}

} // namespace

std::optional<std::string> legacyDatumOf(const Crs& crs)
{
    if (!crs.isValid())
        return std::nullopt;
    const auto* srs = static_cast<const OGRSpatialReference*>(crs.nativeHandle());
    if (!srs)
        return std::nullopt;
    // EPSG codes of the geographic CRSs first; names for .prj/WKT files without authority. The
    // geographic CRS is taken out with CopyGeogCSFrom and its own code read: asking the projected
    // CRS for GetAuthorityCode("GEOGCS") exports it to WKT and searches proj.db by name (~7 ms,
    // a tenth of a one-site `redline screen`).
    // Only a geographic CRS's own code says which datum it is: when the geographic part cannot
    // be taken out, the names below decide (never the projected CRS's code).
    OGRSpatialReference geographic;
    const OGRSpatialReference* geog = nullptr;
    if (srs->IsGeographic())
        geog = srs;
    else if (geographic.CopyGeogCSFrom(srs) == OGRERR_NONE)
        geog = &geographic;
    const char* authority = geog ? geog->GetAuthorityName(nullptr) : nullptr;
    const char* code = geog ? geog->GetAuthorityCode(nullptr) : nullptr;
    if (authority && code && std::string(authority) == "EPSG")
    {
        const std::string c = code;
        if (c == "4610")
            return "Xian 1980";
        if (c == "4214")
            return "Beijing 1954";
        if (c == "4555")
            return "New Beijing";
        return std::nullopt; // a registered geographic CRS of another datum
    }
    const std::string datum = squeeze(srs->GetAttrValue("DATUM"));
    if (datum.find("xian1980") != std::string::npos || datum.find("xian80") != std::string::npos)
        return "Xian 1980";
    if (datum.find("newbeijing") != std::string::npos)
        return "New Beijing";
    if (datum.find("beijing1954") != std::string::npos ||
        datum.find("beijing54") != std::string::npos)
        return "Beijing 1954";
    return std::nullopt;
}

Crs withTowgs84(const Crs& crs, const std::vector<double>& params)
{
    if (params.size() != 3 && params.size() != 7)
        throw CrsError("--towgs84 needs 3 or 7 numbers (dx,dy,dz[,rx,ry,rz,s]), got " +
                       std::to_string(params.size()) + ".");
    const auto* srs = static_cast<const OGRSpatialReference*>(crs.nativeHandle());
    if (!srs || srs->IsEmpty())
        throw CrsError("--towgs84 given but the site source has no coordinate reference system.");
    // A BoundCRS built by SetTOWGS84 on an EPSG definition is ignored by PROJ 9.1 (it prefers
    // the ballpark operation between the registered datums); the same definition as a PROJ
    // string with +towgs84 is honoured. Gauss–Krüger and lon/lat definitions lose nothing there.
    char* proj4 = nullptr;
    if (srs->exportToProj4(&proj4) != OGRERR_NONE || !proj4)
    {
        CPLFree(proj4);
        throw CrsError("--towgs84 cannot be applied to " + crs.label() + ".");
    }
    std::string text;
    {
        std::istringstream in(proj4);
        std::string token;
        while (in >> token)
            if (token.rfind("+towgs84=", 0) != 0 && token.rfind("+nadgrids=", 0) != 0 &&
                token != "+type=crs")
                text += token + " ";
    }
    CPLFree(proj4);
    if (text.find("+datum=") != std::string::npos)
        throw CrsError("--towgs84 cannot be applied to " + crs.label() +
                       ", whose datum is defined by name; give the source CRS as a PROJ string.");
    text += "+towgs84=";
    for (std::size_t i = 0; i < params.size(); ++i)
        text += (i ? "," : "") + fmtNumber(params[i]);
    return Crs::fromUserInput(text);
}

} // namespace redline
