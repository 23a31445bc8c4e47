#include "io/CrsGuess.hpp"

#include <cmath>
#include <string>

namespace redline::detail
{

std::string guessCrsFromExtent(const Envelope& e)
{
    auto within = [](double v, double lo, double hi) { return v >= lo && v <= hi; };
    if (within(e.minX, 73, 136) && within(e.maxX, 73, 136) && within(e.minY, 3, 54) &&
        within(e.maxY, 3, 54))
        return "they look like longitude/latitude in China: try --site-crs EPSG:4490 (CGCS2000), "
               "EPSG:4326 (WGS84) or gcj02 if digitised on a Chinese web map";
    if (within(e.minY, 73, 136) && within(e.maxY, 73, 136) && within(e.minX, 3, 54) &&
        within(e.maxX, 3, 54))
        return "they look like latitude/longitude with the axes swapped: swap the columns, then "
               "use --site-crs EPSG:4490";
    if (within(e.minX, 13e6, 46e6) && within(e.minY, 1e6, 6e6))
    {
        const int zone = static_cast<int>(std::floor(e.minX / 1e6));
        if (zone >= 25 && zone <= 45)
            return "they look like CGCS2000 3-degree Gauss-Kruger with zone prefix " +
                   std::to_string(zone) + ": try --site-crs EPSG:" + std::to_string(4488 + zone);
        return "they look like Gauss-Kruger 6-degree coordinates with a zone prefix " +
               std::to_string(zone);
    }
    if (within(e.minX, 1e5, 9e5) && within(e.maxX, 1e5, 9e5) && within(e.minY, 1e6, 6e6))
        return "they look like projected Gauss-Kruger metres without zone prefix; for Wenzhou "
               "(central meridian 120E) try --site-crs EPSG:4549";
    if (within(e.minY, 1e5, 9e5) && within(e.minX, 1e6, 6e6))
        return "they look like Gauss-Kruger metres with northing and easting swapped (Chinese "
               "survey X is northing): swap the columns, then try --site-crs EPSG:4549";
    return {};
}

} // namespace redline::detail
