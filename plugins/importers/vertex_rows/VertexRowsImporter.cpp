#include "VertexRowsImporter.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>

#include "TableLayout.hpp"
#include "importers/jzd/JzdRingAssembly.hpp"
#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"
#include "redline/io/JzdCrs.hpp"
#include "redline/io/SiteTable.hpp"

namespace redline
{

namespace
{

using vertex_rows::PairKind;
using vertex_rows::TableLayout;

bool isTableExtension(const std::string& path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".csv" || ext == ".xlsx" || ext == ".ods";
}

struct Context
{
    const SiteTable& table;
    const TableLayout& layout;

    [[nodiscard]] std::string where(std::size_t row) const
    {
        // Row numbers as a spreadsheet shows them: the header is row 1.
        return table.source + ", row " + std::to_string(row + 2);
    }
    [[nodiscard]] std::string text(std::size_t row, std::optional<std::size_t> col) const
    {
        if (!col)
            return {};
        return table.rows[row].text(table.fieldNames[*col]).value_or("");
    }
    [[nodiscard]] double number(std::size_t row, std::size_t col) const
    {
        const std::string& name = table.fieldNames[col];
        if (auto v = table.rows[row].number(name))
            return *v;
        const std::string t = text(row, col);
        if (auto v = parseNumber(t))
            return *v;
        throw IoError(where(row) + ": column '" + name + "' value '" + t + "' is not a number.");
    }
};

// Vertex order from "3", "3.0" or "J3" (digits only); rows without digits keep file order.
double orderKey(const std::string& s, std::size_t row)
{
    std::string digits;
    for (char c : s)
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.')
            digits.push_back(c);
    return parseNumber(digits).value_or(static_cast<double>(row));
}

// How the two coordinate columns map to (x, y) and which CRS they suggest.
struct Axes
{
    bool swap = false; // first column is y (latitude or northing)
    bool geographic = false;
    std::optional<int> zonePrefix;
};

bool allIn(const std::vector<double>& v, double lo, double hi)
{
    return std::all_of(v.begin(), v.end(), [&](double d) { return d >= lo && d <= hi; });
}

Axes decideAxes(const std::vector<double>& a, const std::vector<double>& b, PairKind kind)
{
    Axes axes;
    // Longitudes of China lie in 73–136°E, latitudes in 3–54°N.
    if (kind == PairKind::LonLat || (allIn(a, 73, 136) && allIn(b, 3, 54)))
    {
        axes.geographic = true;
        return axes;
    }
    if (kind == PairKind::Ambiguous && allIn(b, 73, 136) && allIn(a, 3, 54))
    {
        axes.geographic = true;
        axes.swap = true;
        return axes;
    }
    const auto eastingLike = [](const std::vector<double>& v, const std::vector<double>& other)
    {
        return std::all_of(v.begin(), v.end(), [](double d) { return std::abs(d) >= 1e7; }) ||
               (std::all_of(v.begin(), v.end(), [](double d) { return std::abs(d) < 1e6; }) &&
                std::all_of(other.begin(), other.end(),
                            [](double d) { return std::abs(d) >= 1e6; }));
    };
    if (kind == PairKind::Ambiguous && !eastingLike(a, b) && eastingLike(b, a))
        axes.swap = true;
    const std::vector<double>& east = axes.swap ? b : a;
    // 8-digit eastings carry the zone prefix; longer ones are no Gauss-Kruger easting.
    if (!east.empty() && std::abs(east.front()) >= 1e7 && std::abs(east.front()) < 1e8)
        axes.zonePrefix = static_cast<int>(std::abs(east.front()) / 1e6);
    return axes;
}

// CRS guess (with the warning saying so) for coordinates as decided by decideAxes.
void guessCrs(Layer& layer, const Axes& axes)
{
    const std::string where = layer.source;
    if (axes.geographic)
    {
        layer.crs = Crs::fromEpsg(4490);
        layer.warnings.push_back(
            where + ": no CRS in the table; the coordinates look like longitude/latitude, "
                    "assumed CGCS2000 (EPSG:4490, = WGS84 within 1 m). If they were picked on a "
                    "web map give --site-crs gcj02 (AutoNavi/Tencent) or bd09 (Baidu).");
        return;
    }
    if (axes.zonePrefix)
    {
        JzdGrid grid;
        grid.zone = *axes.zonePrefix;
        grid.zoneWidth = grid.zone <= 23 ? 6 : 3;
        if (auto code = epsgOf(grid))
        {
            layer.crs = Crs::fromEpsg(*code);
            layer.warnings.push_back(where + ": no CRS in the table; eastings carry zone prefix " +
                                     std::to_string(grid.zone) +
                                     ", assumed CGCS2000 (EPSG:" + std::to_string(*code) +
                                     "); give --site-crs for Xian 1980 or Beijing 1954 data.");
            return;
        }
    }
    layer.warnings.push_back(where + ": no CRS in the table and the coordinates do not say "
                                     "which; give it with --site-crs.");
}

enum class Shape
{
    Auto,
    Polygon,
    Line,
    Point
};

Shape shapeOf(const std::string& s)
{
    std::string k;
    for (char c : s)
        k.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (k == "面" || k == "polygon" || k == "area")
        return Shape::Polygon;
    if (k == "线" || k == "line" || k == "linestring")
        return Shape::Line;
    if (k == "点" || k == "point")
        return Shape::Point;
    return Shape::Auto;
}

Geometry buildGroup(const std::vector<std::vector<Point>>& rings, Shape shape,
                    const std::string& where)
{
    std::size_t vertices = 0;
    for (const auto& r : rings)
        vertices += r.size();
    if (shape == Shape::Auto)
        shape = vertices >= 3 ? Shape::Polygon : vertices == 2 ? Shape::Line : Shape::Point;
    std::vector<Part> parts;
    if (shape == Shape::Point)
    {
        for (const auto& r : rings)
            for (const Point& p : r)
                parts.push_back({{p}});
        const auto type = parts.size() == 1 ? GeometryType::Point : GeometryType::MultiPoint;
        return Geometry(type, std::move(parts));
    }
    if (shape == Shape::Line)
    {
        for (const auto& r : rings)
        {
            if (r.size() < 2)
                throw GeometryError(where + ": a line needs at least 2 vertices.");
            parts.push_back({r});
        }
        const auto type =
            parts.size() == 1 ? GeometryType::LineString : GeometryType::MultiLineString;
        return Geometry(type, std::move(parts));
    }
    std::vector<Ring> closed;
    for (Ring r : rings)
    {
        if (r.front() != r.back())
            r.push_back(r.front()); // vertex tables usually omit the closing repeat
        if (r.size() < 4)
            throw GeometryError(where + ": a polygon ring needs at least 3 distinct vertices.");
        closed.push_back(std::move(r));
    }
    return jzd::assembleRings(closed);
}

} // namespace

PluginInfo VertexRowsImporter::info()
{
    return {"import.vertex_rows",
            "CSV/XLSX/ODS site tables: WKT column, one row per vertex, or one row per point"};
}

bool VertexRowsImporter::canRead(const std::string& path) const
{
    if (!isTableExtension(path) || !std::filesystem::is_regular_file(path))
        return false;
    try
    {
        return vertex_rows::findLayout(readSiteTable(path).fieldNames).usable();
    }
    catch (const Error&)
    {
        return false;
    }
}

Layer VertexRowsImporter::read(const std::string& path) const
{
    const SiteTable table = readSiteTable(path);
    const TableLayout layout = vertex_rows::findLayout(table.fieldNames);
    if (!layout.usable())
        throw IoError(path + ": no WKT column and no coordinate columns (lon/lat, x/y, "
                             "easting/northing, 经度/纬度, X坐标/Y坐标).");
    if (table.rows.empty())
        throw IoError(path + ": the table has no rows.");
    const Context cx{table, layout};

    Layer layer;
    layer.source = path;
    layer.name = table.name;
    layer.warnings = table.warnings;
    layer.fieldNames.push_back("site_id");
    std::vector<std::size_t> keep; // ordinary attribute columns
    for (std::size_t i = 0; i < table.fieldNames.size(); ++i)
    {
        const auto special = {layout.wkt,   layout.id,    layout.order, layout.ring,
                              layout.shape, layout.first, layout.second};
        if (std::none_of(special.begin(), special.end(),
                         [&](const std::optional<std::size_t>& c) { return c && *c == i; }) &&
            table.fieldNames[i] != "site_id")
        {
            keep.push_back(i);
            layer.fieldNames.push_back(table.fieldNames[i]);
        }
    }
    const auto makeFeature = [&](std::size_t row, std::size_t index, Geometry g)
    {
        Feature f;
        f.fid = static_cast<std::int64_t>(index + 1);
        f.geometry = std::move(g);
        const std::string id = cx.text(row, layout.id);
        f.attributes.set("site_id", id.empty() ? std::to_string(index + 1) : id);
        for (std::size_t c : keep)
            if (const auto* v = table.rows[row].find(table.fieldNames[c]))
                f.attributes.set(table.fieldNames[c], *v);
        return f;
    };

    if (layout.wkt)
    {
        Envelope all;
        for (std::size_t r = 0; r < table.rows.size(); ++r)
        {
            const std::string wkt = cx.text(r, layout.wkt);
            try
            {
                layer.features.push_back(makeFeature(r, r, geometryFromWkt(wkt)));
            }
            catch (const GeometryError& e)
            {
                // One row that is not a geometry is one unusable site, not a bad table.
                layer.features.push_back(makeFeature(r, r, Geometry()));
                layer.features.back().error = cx.where(r) + ": " + e.what() + ".";
            }
            all.expandToInclude(layer.features.back().geometry.envelope());
        }
        guessCrs(layer,
                 decideAxes({all.minX, all.maxX}, {all.minY, all.maxY}, PairKind::Ambiguous));
        return layer;
    }

    std::vector<double> a;
    std::vector<double> b;
    for (std::size_t r = 0; r < table.rows.size(); ++r)
    {
        a.push_back(cx.number(r, *layout.first));
        b.push_back(cx.number(r, *layout.second));
    }
    const Axes axes = decideAxes(a, b, layout.pair);
    const auto pointAt = [&](std::size_t r) {
        return axes.swap ? Point{b[r], a[r]} : Point{a[r], b[r]};
    };

    // Groups of rows per site id, in order of first appearance.
    std::vector<std::string> ids;
    std::map<std::string, std::vector<std::size_t>> rowsOf;
    for (std::size_t r = 0; r < table.rows.size(); ++r)
    {
        const std::string id = layout.id ? cx.text(r, layout.id) : std::string("1");
        if (!rowsOf.count(id))
            ids.push_back(id);
        rowsOf[id].push_back(r);
    }
    const bool vertexRows = layout.order.has_value() || ids.size() < table.rows.size();
    if (!vertexRows)
    {
        for (std::size_t r = 0; r < table.rows.size(); ++r)
            layer.features.push_back(
                makeFeature(r, r, Geometry::point(pointAt(r).x, pointAt(r).y)));
        guessCrs(layer, axes);
        return layer;
    }

    for (std::size_t s = 0; s < ids.size(); ++s)
    {
        std::vector<std::size_t> rows = rowsOf[ids[s]];
        // Rings in order of first appearance, each sorted by the vertex order column.
        std::vector<std::string> ringIds;
        std::map<std::string, std::vector<std::size_t>> ringRows;
        for (std::size_t r : rows)
        {
            const std::string ring = cx.text(r, layout.ring);
            if (!ringRows.count(ring))
                ringIds.push_back(ring);
            ringRows[ring].push_back(r);
        }
        std::vector<std::vector<Point>> rings;
        for (const auto& ringId : ringIds)
        {
            auto& rr = ringRows[ringId];
            std::stable_sort(rr.begin(), rr.end(),
                             [&](std::size_t x, std::size_t y) {
                                 return orderKey(cx.text(x, layout.order), x) <
                                        orderKey(cx.text(y, layout.order), y);
                             });
            std::vector<Point> ring;
            for (std::size_t r : rr)
                ring.push_back(pointAt(r));
            rings.push_back(std::move(ring));
        }
        const std::string where =
            path + ", site '" + ids[s] + "' (row " + std::to_string(rows.front() + 2) + ")";
        try
        {
            Geometry g = buildGroup(rings, shapeOf(cx.text(rows.front(), layout.shape)), where);
            layer.features.push_back(makeFeature(rows.front(), s, std::move(g)));
        }
        catch (const GeometryError& e)
        {
            layer.features.push_back(makeFeature(rows.front(), s, Geometry()));
            layer.features.back().error = e.what();
        }
    }
    guessCrs(layer, axes);
    return layer;
}

} // namespace redline
