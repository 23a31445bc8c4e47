#include "ZoneShapes.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace redline::datagen
{

GeomPtr corridor(const XyRing& line, double from, double to, double halfWidth, bool flatEnds)
{
    GeomPtr l = makeLine(lineSubstring(line, from, to));
    return buffer(l.get(), halfWidth, 8, flatEnds);
}

GeomPtr scaled(const GEOSGeometry* g, Xy centre, double factor)
{
    return transformXy(
        g,
        [&](Xy p) {
            return Xy{centre.x + (p.x - centre.x) * factor, centre.y + (p.y - centre.y) * factor};
        });
}

GeomPtr organicInCounty(const World& w, const GEOSGeometry* g)
{
    GeomPtr warped = w.warp.apply(g, 50.0);
    GeomPtr valid = cleanPolygonal(warped.get());
    return cleanPolygonal(intersection(valid.get(), w.county.get()).get());
}

GeomPtr asMulti(GeomPtr g)
{
    if (GEOSGeomTypeId_r(geosContext(), g.get()) == GEOS_POLYGON)
    {
        std::vector<GeomPtr> one;
        one.push_back(std::move(g));
        return makeCollection(GEOS_MULTIPOLYGON, std::move(one));
    }
    return g;
}

double nanxiChainage(const World& w, int k)
{
    return chainageOf(w.river("R01").line, w.place("楠溪江#" + std::to_string(k)));
}

double bisect(const std::function<double(double)>& f, double lo, double hi, double target,
              double tol, const char* what)
{
    double flo = f(lo) - target;
    double fhi = f(hi) - target;
    if (flo > 0 || fhi < 0)
    {
        throw std::runtime_error(std::string("calibration of ") + what +
                                 ": target outside the bracket");
    }
    for (int i = 0; i < 80; ++i)
    {
        const double mid = 0.5 * (lo + hi);
        const double fm = f(mid) - target;
        if (std::fabs(fm) < tol)
        {
            return mid;
        }
        (fm < 0 ? lo : hi) = mid;
    }
    throw std::runtime_error(std::string("calibration of ") + what + " did not converge");
}

} // namespace redline::datagen
