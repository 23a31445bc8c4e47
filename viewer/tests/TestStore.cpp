#include "TestStore.hpp"

namespace redline::test
{
namespace
{

Feature square(std::int64_t fid, double x0, double y0, double x1, double y1,
               std::vector<std::pair<std::string, std::string>> attrs, std::vector<Ring> holes = {})
{
    Feature f;
    f.fid = fid;
    f.geometry = Geometry::polygon(squareRing(x0, y0, x1, y1), std::move(holes));
    for (auto& [k, v] : attrs)
        f.attributes.set(k, v);
    return f;
}

Layer layer(const std::string& name, std::vector<Feature> features)
{
    Layer l;
    l.name = name;
    l.source = "tiny";
    l.crs = Crs::fromEpsg(4549);
    for (const auto& [k, v] : features.front().attributes.items())
    {
        (void)v;
        l.fieldNames.push_back(k);
    }
    l.features = std::move(features);
    return l;
}

} // namespace

Ring squareRing(double x0, double y0, double x1, double y1)
{
    return {{kX0 + x0, kY0 + y0},
            {kX0 + x1, kY0 + y0},
            {kX0 + x1, kY0 + y1},
            {kX0 + x0, kY0 + y1},
            {kX0 + x0, kY0 + y0}};
}

Feature squareSite(const std::string& id, const std::string& name, double x0, double y0, double x1,
                   double y1)
{
    return square(1, x0, y0, x1, y1, {{"site_id", id}, {"name", name}});
}

std::vector<Layer> tinyStoreLayers()
{
    std::vector<Layer> out;
    out.push_back(layer(
        "control_units",
        {square(1, 0, 0, 2000, 2000,
                {{"unit_code", "ZH33032410001"}, {"name", "优先单元A"}, {"unit_type", "priority"}}),
         square(2, 2000, 0, 4000, 2000,
                {{"unit_code", "ZH33032420002"}, {"name", "重点单元B"}, {"unit_type", "key"}})}));
    out.push_back(
        layer("water_protection_zones",
              {square(1, 500, 500, 1500, 1500,
                      {{"zone_id", "W1"}, {"source_name", "测试水库"}, {"level", "I"}})}));
    out.push_back(layer(
        "ecological_redline",
        {square(1, 2500, 500, 3500, 1500,
                {{"zone_id", "R1"}, {"name", "测试红线"}, {"redline_type", "water_conservation"}},
                {squareRing(2900, 900, 3100, 1100)})}));
    out.push_back(layer(
        "county", {square(1, -500, -500, 4500, 2500, {{"code", "330324"}, {"name", "测试县"}})}));
    return out;
}

std::shared_ptr<const ZoningStore> makeTinyStore()
{
    std::vector<ZoneLayer> zones;
    const char* kinds[][3] = {{"control_units", "unit_code", "name"},
                              {"water_protection_zones", "zone_id", "source_name"},
                              {"ecological_redline", "zone_id", "name"},
                              {"county", "code", "name"}};
    std::size_t i = 0;
    for (Layer& l : tinyStoreLayers())
    {
        ZoneLayer z;
        z.name = l.name;
        z.kind = kinds[i][0];
        z.idField = kinds[i][1];
        z.nameField = kinds[i][2];
        z.screened = z.kind != "county";
        z.layer = std::make_shared<const Layer>(std::move(l));
        zones.push_back(std::move(z));
        ++i;
    }
    return std::make_shared<const ZoningStore>("tiny", Crs::fromEpsg(4549), std::move(zones));
}

} // namespace redline::test
