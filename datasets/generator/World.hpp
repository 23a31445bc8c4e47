#pragma once
// Everything the layer builders share: projection, sources, the county, river lines, the warp,
// and the output layers in the order they are built.

#include <map>
#include <string>
#include <vector>

#include "Geos.hpp"
#include "Projection.hpp"
#include "Rng.hpp"
#include "Shapes.hpp"
#include "Sources.hpp"
#include "Store.hpp"

namespace redline::datagen
{

struct Figures
{
    double countyPlanarKm2 = 0;
    double countyEllipsoidalKm2 = 0;
    double redlineEllipsoidalKm2 = 0;
    double redlinePlanarKm2 = 0;
    double protectedEllipsoidalKm2 = 0;
    double protectedPlanarKm2 = 0;
    double beachForestEllipsoidalKm2 = 0;
    double longwantanEllipsoidalKm2 = 0;
};

struct River
{
    std::string id;
    std::string name;
    std::string origin; // "real points" / "synthetic"
    XyRing line;        // EPSG:4549, upstream -> downstream
};

struct World
{
    explicit World(std::uint64_t seed) : rng(seed), warp(260.0, rng) {}

    GkProjection proj;
    Rng rng;
    Warp warp;
    std::map<std::string, Place> places;
    std::vector<CountyOutline> counties;
    GeomPtr county; // 永嘉县 in EPSG:4549
    std::vector<River> rivers;

    // Intermediate unions used by later layers.
    GeomPtr scenicExtent;
    GeomPtr scenicCore;
    GeomPtr redlineUnion;
    GeomPtr protectedUnion;
    GeomPtr waterUnion;     // all levels
    GeomPtr waterCoreUnion; // levels I and II
    GeomPtr urbanUnion;
    std::map<std::string, GeomPtr> reservoirWater; // source name -> water surface
    std::map<std::string, GeomPtr> namedPoints;    // handy anchors (e.g. intakes)

    OutLayer countyLayer;
    OutLayer neighbours;
    OutLayer townships;
    OutLayer riversLayer;
    OutLayer redline;
    OutLayer protectedAreas;
    OutLayer waterZones;
    OutLayer controlUnits;
    OutLayer prohibited;
    OutLayer developmentBoundary; // urban_development_boundary (issue 14)
    OutLayer farmland;            // permanent_farmland (issue 14)
    OutLayer sites;
    OutLayer sitesGcj02;               // lon/lat GCJ-02 copy of one designed site
    std::vector<std::string> jzdLines; // 界址点 file text (UTF-8, converted to GBK on write)

    Figures figures;

    [[nodiscard]] Xy lonLat(double lon, double lat) const { return proj.toGk(Xy{lon, lat}); }
    [[nodiscard]] Xy place(const std::string& name) const;
    [[nodiscard]] const River& river(const std::string& id) const;
    [[nodiscard]] double ellipsoidalKm2(const GEOSGeometry* g) const
    {
        return proj.ellipsoidalArea(g) / 1e6;
    }
};

void buildBase(World& w, const std::string& sharedDir);
void buildTownships(World& w);
void buildRivers(World& w);
void buildProtectedAreas(World& w);
void buildRedline(World& w);
void buildWaterZones(World& w);
void buildProhibited(World& w);
void buildControlUnits(World& w);
void buildSites(World& w);
// After the sites, on a random stream of its own: the urban development boundary and permanent
// basic farmland, with planted overlaps on the red line.
void buildControlLines(World& w);

// Value of a text field of a feature ("" when NULL or missing).
std::string textOf(const OutLayer& layer, const OutFeature& f, const std::string& field);

} // namespace redline::datagen
