// Townships: a power (weighted Voronoi) diagram of the 22 real label points, warped into organic
// boundaries and clipped to the county, with weights tuned until each township's area is close to
// its published figure. Built by polygonizing one shared line network, so neighbours share
// exactly the same boundary and the townships partition the county.
#include <cmath>
#include <stdexcept>

#include <ogr_core.h>

#include "World.hpp"

namespace redline::datagen
{
namespace
{

struct Seed
{
    std::string name;
    std::string code;
    Xy point; // label point (always inside the real township), EPSG:4549
    double targetKm2 = 0;
    double weight = 0;
};

// Label points from yongjia_places.md (S2a polygon label points), lon/lat WGS84.
struct LabelPoint
{
    const char* name;
    double lon;
    double lat;
};
constexpr LabelPoint kLabels[] = {
    {"东城街道", 120.8028, 28.1831}, {"北城街道", 120.6655, 28.2058},
    {"南城街道", 120.6753, 28.1439}, {"三江街道", 120.7205, 28.0693},
    {"黄田街道", 120.6750, 28.0927}, {"乌牛街道", 120.7875, 28.0900},
    {"瓯北街道", 120.6330, 28.0588}, {"桥头镇", 120.4674, 28.1842},
    {"桥下镇", 120.5807, 28.1825},   {"大若岩镇", 120.6372, 28.2901},
    {"碧莲镇", 120.5368, 28.3841},   {"巽宅镇", 120.4163, 28.3676},
    {"岩头镇", 120.7082, 28.3795},   {"枫林镇", 120.8093, 28.3204},
    {"岩坦镇", 120.6918, 28.5014},   {"沙头镇", 120.7850, 28.2475},
    {"鹤盛镇", 120.8645, 28.3888},   {"金溪镇", 120.4839, 28.2481},
    {"云岭乡", 120.9201, 28.4581},   {"茗岙乡", 120.5061, 28.2951},
    {"溪下乡", 120.4814, 28.5286},   {"界坑乡", 120.4338, 28.4566},
};

// Convex polygon clipped by the half-plane a·(x - origin) <= b (Sutherland–Hodgman).
XyRing clipHalfPlane(const XyRing& poly, double ax, double ay, double b)
{
    XyRing out;
    const std::size_t n = poly.size();
    for (std::size_t i = 0; i < n; ++i)
    {
        const Xy p = poly[i];
        const Xy q = poly[(i + 1) % n];
        const double fp = ax * p.x + ay * p.y - b;
        const double fq = ax * q.x + ay * q.y - b;
        if (fp <= 0)
        {
            out.push_back(p);
        }
        if ((fp < 0 && fq > 0) || (fp > 0 && fq < 0))
        {
            const double t = fp / (fp - fq);
            out.push_back({p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)});
        }
    }
    return out;
}

// Power cells in coordinates relative to 'origin' (keeps squares of coordinates small).
std::vector<XyRing> powerCells(const std::vector<Seed>& seeds, Xy origin, double halfSize)
{
    std::vector<XyRing> cells;
    for (std::size_t i = 0; i < seeds.size(); ++i)
    {
        XyRing cell{{-halfSize, -halfSize},
                    {halfSize, -halfSize},
                    {halfSize, halfSize},
                    {-halfSize, halfSize}};
        const Xy pi{seeds[i].point.x - origin.x, seeds[i].point.y - origin.y};
        for (std::size_t j = 0; j < seeds.size() && !cell.empty(); ++j)
        {
            if (j == i)
            {
                continue;
            }
            const Xy pj{seeds[j].point.x - origin.x, seeds[j].point.y - origin.y};
            // |x-pi|² - wi <= |x-pj|² - wj  <=>  2x·(pj-pi) <= |pj|² - |pi|² - wj + wi
            const double ax = 2 * (pj.x - pi.x);
            const double ay = 2 * (pj.y - pi.y);
            const double b = pj.x * pj.x + pj.y * pj.y - pi.x * pi.x - pi.y * pi.y -
                             seeds[j].weight + seeds[i].weight;
            cell = clipHalfPlane(cell, ax, ay, b);
        }
        for (Xy& p : cell)
        {
            p.x += origin.x;
            p.y += origin.y;
        }
        cells.push_back(std::move(cell));
    }
    return cells;
}

// Warped cells as a true partition: one noded line network, warped once, polygonized; each face
// is matched to the cell whose warped interior point it contains.
std::vector<GeomPtr> warpedPartition(const World& w, const std::vector<XyRing>& cells)
{
    std::vector<GeomPtr> boundaries;
    std::vector<Xy> interior(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i)
    {
        if (cells[i].size() < 3)
        {
            continue;
        }
        GeomPtr poly = makePolygon(cells[i]);
        interior[i] = w.warp(pointXy(pointOnSurface(poly.get()).get()));
        boundaries.push_back(own(GEOSBoundary_r(geosContext(), poly.get()), "boundary"));
    }
    GeomPtr all = makeCollection(GEOS_GEOMETRYCOLLECTION, std::move(boundaries));
    // Snap-rounding at 1 mm nodes the network and merges the two copies of each shared edge.
    GeomPtr noded = own(GEOSUnaryUnionPrec_r(geosContext(), all.get(), 0.001), "unaryUnionPrec");
    GeomPtr warped = w.warp.apply(noded.get(), 100.0);
    const GEOSGeometry* input[] = {warped.get()};
    GeomPtr faces = own(GEOSPolygonize_r(geosContext(), input, 1), "polygonize");
    std::vector<GeomPtr> out(cells.size());
    const int n = GEOSGetNumGeometries_r(geosContext(), faces.get());
    for (int k = 0; k < n; ++k)
    {
        const GEOSGeometry* face = GEOSGetGeometryN_r(geosContext(), faces.get(), k);
        for (std::size_t i = 0; i < cells.size(); ++i)
        {
            if (cells[i].size() >= 3 && !out[i])
            {
                GeomPtr pt = makePoint(interior[i]);
                if (GEOSContains_r(geosContext(), face, pt.get()) == 1)
                {
                    out[i] = clone(face);
                    break;
                }
            }
        }
    }
    for (auto& g : out)
    {
        if (!g)
        {
            g = emptyPolygon();
        }
    }
    return out;
}

} // namespace

void buildTownships(World& w)
{
    std::vector<Seed> seeds;
    double publishedSum = 0;
    for (const LabelPoint& l : kLabels)
    {
        const Place& p = w.places.at(l.name);
        Seed s;
        s.name = l.name;
        s.code = p.code;
        s.point = w.lonLat(l.lon, l.lat);
        s.targetKm2 = p.areaKm2;
        publishedSum += p.areaKm2;
        seeds.push_back(s);
    }
    // The outline is ~0.1 % larger than the published sum: share the difference pro rata.
    const double countyKm2 = w.figures.countyPlanarKm2;
    for (Seed& s : seeds)
    {
        s.targetKm2 *= countyKm2 / publishedSum;
    }
    GeomPtr env = envelope(w.county.get());
    const auto envRings = rings(env.get());
    Xy origin{0, 0};
    for (std::size_t i = 0; i + 1 < envRings[0].size(); ++i)
    {
        origin.x += envRings[0][i].x / 4;
        origin.y += envRings[0][i].y / 4;
    }

    std::vector<GeomPtr> clipped;
    double worst = 1;
    for (int iteration = 0; iteration < 120; ++iteration)
    {
        const auto cells = powerCells(seeds, origin, 60000.0);
        auto parts = warpedPartition(w, cells);
        clipped.clear();
        worst = 0;
        for (std::size_t i = 0; i < seeds.size(); ++i)
        {
            clipped.push_back(cleanPolygonal(intersection(parts[i].get(), w.county.get()).get()));
            const double a = area(clipped[i].get()) / 1e6;
            const double t = seeds[i].targetKm2;
            worst = std::max(worst, std::fabs(a - t) / t);
            const double perimeterKm = std::max(1.0, length(clipped[i].get()) / 1000.0);
            // Moving a power-diagram edge by δ needs Δw ≈ 2·δ·d (d = distance between seeds);
            // δ ≈ (target - area) / perimeter. d ≈ 2 × the cell's equivalent radius.
            const double deltaKm = (t - a) / perimeterKm;
            const double dKm = 2.0 * std::sqrt(std::max(t, 1.0) / 3.14159);
            seeds[i].weight += 0.6 * 2.0 * deltaKm * dKm * 1e6;
        }
        if (worst < 0.01)
        {
            break;
        }
    }
    if (worst > 0.08)
    {
        throw std::runtime_error("township calibration did not converge (worst error " +
                                 std::to_string(worst * 100) + " %)");
    }

    w.townships.name = "townships";
    w.townships.geometryType = wkbMultiPolygon;
    w.townships.fields = {{"code", FieldType::Text},
                          {"name", FieldType::Text},
                          {"area_km2", FieldType::Real},
                          {"generated_km2", FieldType::Real},
                          {"origin", FieldType::Text}};
    for (std::size_t i = 0; i < seeds.size(); ++i)
    {
        GeomPtr g = std::move(clipped[i]);
        if (GEOSGeomTypeId_r(geosContext(), g.get()) == GEOS_POLYGON)
        {
            std::vector<GeomPtr> one;
            one.push_back(std::move(g));
            g = makeCollection(GEOS_MULTIPOLYGON, std::move(one));
        }
        const double generated = area(g.get()) / 1e6;
        w.townships.add(std::move(g),
                        {{"code", seeds[i].code},
                         {"name", seeds[i].name},
                         {"area_km2", w.places.at(seeds[i].name).areaKm2},
                         {"generated_km2", generated},
                         {"origin", std::string("real name and code; synthetic boundary")}});
    }
}

} // namespace redline::datagen
