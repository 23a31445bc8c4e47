#include "TableLayout.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace redline::vertex_rows
{

namespace
{

// Lower-case ASCII, without spaces, underscores, dashes and parentheses (so "Site ID", "site_id"
// and "SITEID" match; Chinese text is kept as is).
std::string key(const std::string& name)
{
    std::string out;
    for (char ch : name)
    {
        const auto c = static_cast<unsigned char>(ch);
        if (c == ' ' || c == '_' || c == '-' || c == '(' || c == ')')
            continue;
        out.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : ch);
    }
    return out;
}

std::optional<std::size_t> findColumn(const std::vector<std::string>& keys,
                                      std::initializer_list<const char*> names)
{
    for (const char* n : names)
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == n)
                return i;
    return std::nullopt;
}

} // namespace

TableLayout findLayout(const std::vector<std::string>& fieldNames)
{
    std::vector<std::string> keys;
    for (const auto& n : fieldNames)
        keys.push_back(key(n));
    TableLayout t;
    t.wkt = findColumn(keys, {"wkt", "geometry", "geom", "thegeom", "几何", "shapewkt"});
    t.id = findColumn(
        keys, {"siteid", "id", "parcelid", "地块编号", "编号", "宗地号", "项目编号", "fid"});
    t.order = findColumn(keys, {"order", "seq", "sequence", "vertex", "vertexno", "pointno", "序号",
                                "点序", "点号", "界址点号"});
    t.ring = findColumn(keys, {"ring", "ringno", "part", "圈号"});
    t.shape = findColumn(keys, {"shape", "geomtype", "geometrytype", "记录图形属性", "图形属性"});
    if (auto lon = findColumn(keys, {"lon", "lng", "long", "longitude", "经度"}))
        if (auto lat = findColumn(keys, {"lat", "latitude", "纬度"}))
        {
            t.first = lon;
            t.second = lat;
            t.pair = PairKind::LonLat;
            return t;
        }
    if (auto e = findColumn(keys, {"east", "easting", "东坐标", "e"}))
        if (auto n = findColumn(keys, {"north", "northing", "北坐标", "n"}))
        {
            t.first = e;
            t.second = n;
            t.pair = PairKind::EastNorth;
            return t;
        }
    if (auto x = findColumn(keys, {"x", "x坐标", "xcoord", "坐标x"}))
        if (auto y = findColumn(keys, {"y", "y坐标", "ycoord", "坐标y"}))
        {
            t.first = x;
            t.second = y;
            t.pair = PairKind::Ambiguous;
        }
    return t;
}

} // namespace redline::vertex_rows
