#pragma once
// Header-only test fixture. A hand-made zoning store of squares (EPSG:4549 metres, 2 km × 2 km
// county) whose areas, overlaps and gaps can be computed by hand. Offsets are relative to kX0/kY0
// (near Yongjia).

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "redline/data/Layer.hpp"
#include "redline/model/ZoneLayer.hpp"

namespace redline::test
{

constexpr double kX0 = 560000;
constexpr double kY0 = 3110000;

struct SyntheticFeature
{
    Geometry geometry;
    std::vector<std::pair<std::string, std::string>> attributes;
};

struct SyntheticLayer
{
    std::string name;
    std::string kind;
    std::string idField;
    std::vector<SyntheticFeature> features;
    std::optional<double> officialAreaKm2;
};

inline Geometry rect(double x0, double y0, double x1, double y1)
{
    return Geometry::polygon({{kX0 + x0, kY0 + y0},
                              {kX0 + x1, kY0 + y0},
                              {kX0 + x1, kY0 + y1},
                              {kX0 + x0, kY0 + y1},
                              {kX0 + x0, kY0 + y0}});
}

inline Geometry rectWithHole(double x0, double y0, double x1, double y1, double hx0, double hy0,
                             double hx1, double hy1)
{
    const Geometry outer = rect(x0, y0, x1, y1);
    const Geometry hole = rect(hx0, hy0, hx1, hy1);
    return Geometry::polygon(outer.parts()[0][0], {hole.parts()[0][0]});
}

inline std::vector<SyntheticLayer> cleanSyntheticStore()
{
    std::vector<SyntheticLayer> layers;
    layers.push_back({"county",
                      "county",
                      "code",
                      {{rect(0, 0, 2000, 2000), {{"code", "330324"}, {"name", "永嘉县"}}}},
                      {}});
    layers.push_back({"control_units",
                      "control_units",
                      "unit_code",
                      {{rect(0, 0, 1000, 1000),
                        {{"unit_code", "ZH33032410001"},
                         {"name", "U1"},
                         {"unit_type", "priority"},
                         {"key_subtype", ""}}},
                       {rect(1000, 0, 2000, 1000),
                        {{"unit_code", "ZH33032420001"},
                         {"name", "U2"},
                         {"unit_type", "key"},
                         {"key_subtype", "urban_living"}}},
                       {rect(0, 1000, 1000, 2000),
                        {{"unit_code", "ZH33032430001"},
                         {"name", "U3"},
                         {"unit_type", "general"},
                         {"key_subtype", ""}}},
                       {rect(1000, 1000, 2000, 2000),
                        {{"unit_code", "ZH33032430002"},
                         {"name", "U4"},
                         {"unit_type", "general"},
                         {"key_subtype", ""}}}},
                      {}});
    layers.push_back({"townships",
                      "townships",
                      "code",
                      {{rect(0, 0, 2000, 1000), {{"code", "330324001"}, {"name", "T1"}}},
                       {rect(0, 1000, 2000, 2000), {{"code", "330324002"}, {"name", "T2"}}}},
                      {}});
    layers.push_back(
        {"ecological_redline",
         "ecological_redline",
         "zone_id",
         {{rect(100, 100, 600, 600),
           {{"zone_id", "R1"}, {"name", "红线1"}, {"redline_type", "water_conservation"}}}},
         0.25});
    layers.push_back(
        {"water_protection_zones",
         "water_protection_zones",
         "zone_id",
         {{rect(1200, 1200, 1400, 1400),
           {{"zone_id", "S-I"}, {"source_name", "S"}, {"level", "I"}}},
          {rect(1100, 1100, 1500, 1500),
           {{"zone_id", "S-II"}, {"source_name", "S"}, {"level", "II"}}},
          {rect(1200, 200, 1300, 300), {{"zone_id", "T-I"}, {"source_name", "T"}, {"level", "I"}}},
          {rectWithHole(1100, 100, 1400, 400, 1200, 200, 1300, 300),
           {{"zone_id", "T-II"}, {"source_name", "T"}, {"level", "II"}}}},
         {}});
    layers.push_back(
        {"protected_areas",
         "protected_areas",
         "zone_id",
         {{rect(1500, 100, 1900, 900),
           {{"zone_id", "P1"}, {"name", "P1"}, {"category", "forest_park"}, {"zoning", "core"}}}},
         {}});
    return layers;
}

inline SyntheticLayer& layerNamed(std::vector<SyntheticLayer>& layers, const std::string& name)
{
    for (auto& l : layers)
        if (l.name == name)
            return l;
    throw std::runtime_error("no synthetic layer " + name);
}

inline std::vector<ZoneLayer> toZoneLayers(const std::vector<SyntheticLayer>& layers)
{
    std::vector<ZoneLayer> out;
    for (const auto& s : layers)
    {
        auto layer = std::make_shared<Layer>();
        layer->name = s.name;
        layer->crs = Crs::fromEpsg(4549);
        std::int64_t fid = 1;
        for (const auto& sf : s.features)
        {
            Feature f;
            f.fid = fid++;
            f.geometry = sf.geometry;
            for (const auto& [k, v] : sf.attributes)
            {
                f.attributes.set(k, v);
                if (f.fid == 1)
                    layer->fieldNames.push_back(k);
            }
            layer->features.push_back(std::move(f));
        }
        ZoneLayer zl;
        zl.name = s.name;
        zl.kind = s.kind;
        zl.idField = s.idField;
        zl.nameField = "name";
        zl.officialAreaKm2 = s.officialAreaKm2;
        zl.layer = layer;
        out.push_back(std::move(zl));
    }
    return out;
}

inline void writeSyntheticGpkg(const std::vector<SyntheticLayer>& layers, const std::string& path)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        throw std::runtime_error("cannot create " + path);
    OGRSpatialReference srs;
    srs.importFromEPSG(4549);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    for (const auto& s : layers)
    {
        OGRLayer* layer = ds->CreateLayer(s.name.c_str(), &srs, wkbMultiPolygon, nullptr);
        std::vector<std::string> fields;
        for (const auto& sf : s.features)
            for (const auto& [k, v] : sf.attributes)
                if (std::find(fields.begin(), fields.end(), k) == fields.end())
                    fields.push_back(k);
        for (const auto& k : fields)
        {
            OGRFieldDefn defn(k.c_str(), OFTString);
            layer->CreateField(&defn);
        }
        for (const auto& sf : s.features)
        {
            OGRFeature feature(layer->GetLayerDefn());
            for (const auto& [k, v] : sf.attributes)
                feature.SetField(k.c_str(), v.c_str());
            auto* multi = new OGRMultiPolygon();
            for (const auto& part : sf.geometry.parts())
            {
                auto* poly = new OGRPolygon();
                for (const auto& ring : part)
                {
                    auto* r = new OGRLinearRing();
                    for (const auto& p : ring)
                        r->addPoint(p.x, p.y);
                    poly->addRingDirectly(r);
                }
                multi->addGeometryDirectly(poly);
            }
            feature.SetGeometryDirectly(multi);
            if (layer->CreateFeature(&feature) != OGRERR_NONE)
                throw std::runtime_error("cannot write a feature to " + path);
        }
    }
}

} // namespace redline::test
