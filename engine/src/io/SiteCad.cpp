#include "redline/io/SiteCad.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "redline/core/Error.hpp"

namespace redline
{

namespace
{

bool isClosedLine(const Geometry& g)
{
    if (g.type() != GeometryType::LineString || g.parts().empty() || g.parts()[0].empty())
        return false;
    const Ring& r = g.parts()[0][0];
    return r.size() >= 4 && r.front() == r.back();
}

bool inside(const Point& p, const Ring& ring)
{
    bool in = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        if ((ring[i].y > p.y) != (ring[j].y > p.y) &&
            p.x < ring[i].x + (p.y - ring[i].y) / (ring[j].y - ring[i].y) * (ring[j].x - ring[i].x))
            in = !in;
    return in;
}

} // namespace

bool isCadSource(const std::string& path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".dxf";
}

Layer sitesFromCad(Layer layer, const std::optional<std::string>& cadLayer)
{
    if (cadLayer)
    {
        std::erase_if(layer.features, [&](const Feature& f)
                      { return f.attributes.text("Layer").value_or("") != *cadLayer; });
        if (layer.features.empty())
            throw IoError(describeLocation(layer.source) + ": no entity on CAD layer '" +
                          *cadLayer + "'.");
    }
    std::vector<Feature> polygons;
    std::vector<Feature> labels;
    std::vector<Feature> others;
    for (Feature& f : layer.features)
    {
        if (isClosedLine(f.geometry))
        {
            f.geometry = Geometry::polygon(f.geometry.parts()[0][0]);
            polygons.push_back(std::move(f));
        }
        else if (f.geometry.type() == GeometryType::Point && f.attributes.text("Text"))
            labels.push_back(std::move(f));
        else
            others.push_back(std::move(f));
    }
    if (polygons.empty())
        return layer;
    for (const Feature& label : labels)
    {
        const Point p = label.geometry.parts()[0][0][0];
        for (Feature& poly : polygons)
            if (inside(p, poly.geometry.parts()[0][0]) && !poly.attributes.text("name"))
            {
                const std::string text = *label.attributes.text("Text");
                poly.attributes.set("name", text);
                if (!poly.attributes.text("site_id"))
                    poly.attributes.set("site_id", text);
                break;
            }
    }
    for (const char* field : {"site_id", "name"})
        if (std::find(layer.fieldNames.begin(), layer.fieldNames.end(), field) ==
            layer.fieldNames.end())
            layer.fieldNames.emplace_back(field);
    if (!others.empty())
        layer.warnings.push_back(describeLocation(layer.source, layer.name) + ": " +
                                 std::to_string(others.size()) +
                                 " open lines or other entities ignored; sites are the closed "
                                 "polylines.");
    layer.features = std::move(polygons);
    return layer;
}

} // namespace redline
