#include "redline/io/SiteCad.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>

#include "redline/core/Error.hpp"

namespace redline
{

namespace
{

// A polyline whose last point repeats the first: GDAL's DXF driver returns closed polylines
// (flag 70 = 1) that way too.
bool isClosedLine(const Geometry& g)
{
    if (g.type() != GeometryType::LineString || g.parts().empty() || g.parts()[0].empty())
        return false;
    const Ring& r = g.parts()[0][0];
    return r.size() >= 4 && r.front() == r.back();
}

bool isOpenLine(const Geometry& g)
{
    return g.type() == GeometryType::LineString && !g.parts().empty() && !g.parts()[0].empty() &&
           g.parts()[0][0].size() >= 2;
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

// "entity 2A on layer ROAD" for messages.
std::string entityLabel(const Feature& f)
{
    std::string s = "entity " + f.attributes.text("EntityHandle").value_or("fid " +
                                                                           std::to_string(f.fid));
    if (auto layer = f.attributes.text("Layer"); layer && !layer->empty())
        s += " on layer " + *layer;
    return s;
}

std::string listOf(const std::vector<Feature>& features)
{
    constexpr std::size_t kNamed = 5;
    std::string s;
    for (std::size_t i = 0; i < features.size() && i < kNamed; ++i)
        s += (i == 0 ? "" : ", ") + entityLabel(features[i]);
    if (features.size() > kNamed)
        s += " and " + std::to_string(features.size() - kNamed) + " more";
    return s;
}

} // namespace

bool isCadSource(const std::string& path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".dxf";
}

std::optional<std::string> cadTextEncoding(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::string head(64 * 1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    // Group code 9 "$ACADVER", then group code 1 with the version, e.g. "AC1021".
    static const std::regex version(R"(\$ACADVER\s+1\s+AC(\d{4}))");
    std::smatch m;
    if (std::regex_search(head, m, version) && std::stoi(m[1].str()) >= 1021)
        return std::string("UTF-8");
    return std::nullopt;
}

Layer sitesFromCad(Layer layer, const std::optional<std::string>& cadLayer)
{
    const std::string where = describeLocation(layer.source, cadLayer.value_or(""));
    if (cadLayer)
    {
        std::erase_if(layer.features, [&](const Feature& f)
                      { return f.attributes.text("Layer").value_or("") != *cadLayer; });
        if (layer.features.empty())
            throw IoError(describeLocation(layer.source) + ": no entity on CAD layer '" +
                          *cadLayer + "'.");
    }
    std::vector<Feature> polygons;
    std::vector<Feature> lines;
    std::vector<Feature> labels;
    std::vector<Feature> others;
    for (Feature& f : layer.features)
    {
        if (!f.error.empty())
            others.push_back(std::move(f)); // geometry GDAL could not hand over
        else if (isClosedLine(f.geometry))
        {
            f.geometry = Geometry::polygon(f.geometry.parts()[0][0]);
            polygons.push_back(std::move(f));
        }
        else if (isOpenLine(f.geometry))
            lines.push_back(std::move(f));
        else if (f.geometry.type() == GeometryType::Point && f.attributes.text("Text"))
            labels.push_back(std::move(f));
        else
            others.push_back(std::move(f));
    }
    if (polygons.empty() && lines.empty())
        throw IoError(where + ": no polyline to screen (" + std::to_string(labels.size()) +
                      " texts, " + std::to_string(others.size()) +
                      " other entities); draw the site boundary as a closed polyline" +
                      (cadLayer ? "." : " or name its CAD layer with --site-layer."));
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
    // Unlabelled sites are named by their DXF entity handle, which the designer can look up.
    for (std::vector<Feature>* sites : {&polygons, &lines})
        for (Feature& f : *sites)
            if (!f.attributes.text("site_id"))
                if (auto handle = f.attributes.text("EntityHandle"); handle && !handle->empty())
                    f.attributes.set("site_id", *handle);
    for (const char* field : {"site_id", "name"})
        if (std::find(layer.fieldNames.begin(), layer.fieldNames.end(), field) ==
            layer.fieldNames.end())
            layer.fieldNames.emplace_back(field);
    if (!lines.empty())
        layer.warnings.push_back(
            where + ": " + std::to_string(lines.size()) + " open polyline(s) (" + listOf(lines) +
            ") screened as line sites; a parcel boundary must be a closed polyline or end on "
            "its first point.");
    if (!others.empty())
        layer.warnings.push_back(where + ": " + std::to_string(others.size()) +
                                 " entities that are neither polylines nor text labels ignored (" +
                                 listOf(others) + ").");
    layer.features = std::move(polygons);
    std::move(lines.begin(), lines.end(), std::back_inserter(layer.features));
    return layer;
}

} // namespace redline
