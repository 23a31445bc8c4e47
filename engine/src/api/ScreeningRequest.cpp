#include "redline/api/ScreeningRequest.hpp"

#include <cmath>

#include "redline/core/Error.hpp"
#include "redline/io/SiteSource.hpp"

namespace redline
{

std::optional<RequestProblem> ScreeningRequest::problem() const
{
    if (sitesPath.empty() == siteWkt.empty())
        return RequestProblem{"sites", "give exactly one sites source: a file or WKT"};
    if (bufferM && (!std::isfinite(*bufferM) || *bufferM < 0 || *bufferM > kMaxBufferM))
        return RequestProblem{"buffer", "must be a number of metres between 0 and 100000"};
    if (!siteCrs.empty())
    {
        try
        {
            (void)parseSiteCrs(siteCrs);
        }
        catch (const Error&)
        {
            return RequestProblem{"site_crs", "'" + siteCrs +
                                                  "' is not a CRS (give EPSG:n, WKT, gcj02 or "
                                                  "bd09)"};
        }
    }
    if (!towgs84.empty())
    {
        try
        {
            (void)parseTowgs84(towgs84);
        }
        catch (const Error& e)
        {
            return RequestProblem{"towgs84", e.what()};
        }
    }
    for (const auto& [name, value] : siteAttributes)
        if (name.empty() || name.size() > 64 || value.size() > 1024)
            return RequestProblem{"site_attributes",
                                  "names must be 1–64 bytes and values at most 1024 bytes"};
    for (const auto& [name, source] : fields)
        if (name.empty() || name.size() > 64 || source.empty() || source.size() > 256)
            return RequestProblem{"fields",
                                  "names must be 1–64 bytes and source fields 1–256 bytes"};
    if (threads > 1024)
        return RequestProblem{"threads", "must be at most 1024"};
    return std::nullopt;
}

} // namespace redline
