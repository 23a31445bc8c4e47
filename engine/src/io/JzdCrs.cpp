#include "redline/io/JzdCrs.hpp"

#include <array>

namespace redline
{

namespace
{

// First EPSG code of each family (zone 25 for 3°, zone 13 for 6°, i.e. central meridian 75°E);
// the codes then run consecutively up to 135°E. Checked against `projinfo EPSG:<code>`.
struct Family
{
    JzdDatum datum;
    int zoneWidth;
    bool prefixed;
    int firstCode;
};

constexpr std::array<Family, 12> kFamilies{{
    {JzdDatum::Cgcs2000, 3, true, 4513},      // CGCS2000 / 3-degree Gauss-Kruger zone 25
    {JzdDatum::Cgcs2000, 3, false, 4534},     // CGCS2000 / 3-degree Gauss-Kruger CM 75E
    {JzdDatum::Cgcs2000, 6, true, 4491},      // CGCS2000 / Gauss-Kruger zone 13
    {JzdDatum::Cgcs2000, 6, false, 4502},     // CGCS2000 / Gauss-Kruger CM 75E
    {JzdDatum::Xian1980, 3, true, 2349},      // Xian 1980 / 3-degree Gauss-Kruger zone 25
    {JzdDatum::Xian1980, 3, false, 2370},     // Xian 1980 / 3-degree Gauss-Kruger CM 75E
    {JzdDatum::Xian1980, 6, true, 2327},      // Xian 1980 / Gauss-Kruger zone 13
    {JzdDatum::Xian1980, 6, false, 2338},     // Xian 1980 / Gauss-Kruger CM 75E
    {JzdDatum::Beijing1954, 3, true, 2401},   // Beijing 1954 / 3-degree Gauss-Kruger zone 25
    {JzdDatum::Beijing1954, 3, false, 2422},  // Beijing 1954 / 3-degree Gauss-Kruger CM 75E
    {JzdDatum::Beijing1954, 6, true, 21413},  // Beijing 1954 / Gauss-Kruger zone 13
    {JzdDatum::Beijing1954, 6, false, 21453}, // Beijing 1954 / Gauss-Kruger CM 75E
}};

int firstZone(int zoneWidth)
{
    return zoneWidth == 3 ? 25 : 13;
}
int zoneCount(int zoneWidth)
{
    return zoneWidth == 3 ? 21 : 11;
}

} // namespace

std::optional<int> epsgOf(const JzdGrid& grid)
{
    if (grid.zoneWidth != 3 && grid.zoneWidth != 6)
        return std::nullopt;
    const int index = grid.zone - firstZone(grid.zoneWidth);
    if (index < 0 || index >= zoneCount(grid.zoneWidth))
        return std::nullopt;
    for (const Family& f : kFamilies)
        if (f.datum == grid.datum && f.zoneWidth == grid.zoneWidth && f.prefixed == grid.prefixed)
            return f.firstCode + index;
    return std::nullopt;
}

std::optional<JzdGrid> gridOfEpsg(int code)
{
    for (const Family& f : kFamilies)
    {
        const int index = code - f.firstCode;
        if (index >= 0 && index < zoneCount(f.zoneWidth))
            return JzdGrid{f.datum, f.zoneWidth, firstZone(f.zoneWidth) + index, f.prefixed};
    }
    return std::nullopt;
}

std::optional<JzdDatum> datumOfHeader(const std::string& text)
{
    const auto has = [&](const char* s) { return text.find(s) != std::string::npos; };
    if (has("2000") || has("CGCS") || has("cgcs"))
        return JzdDatum::Cgcs2000;
    if (has("西安") || has("1980") || has("80"))
        return JzdDatum::Xian1980;
    if (has("北京") || has("1954") || has("54"))
        return JzdDatum::Beijing1954;
    return std::nullopt;
}

const char* headerOf(JzdDatum datum)
{
    switch (datum)
    {
    case JzdDatum::Cgcs2000:
        return "2000国家大地坐标系";
    case JzdDatum::Xian1980:
        return "1980西安坐标系";
    case JzdDatum::Beijing1954:
        return "1954北京坐标系";
    }
    return "";
}

} // namespace redline
