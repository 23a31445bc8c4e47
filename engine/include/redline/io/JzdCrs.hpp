#pragma once
// Gauss–Krüger CRSs used by 界址点 lists (JZD_FORMAT.md): datum × zone width × zone, with or
// without the zone prefix in the easting, mapped to and from EPSG codes. Pure, thread-safe.

#include <optional>
#include <string>

namespace redline
{

enum class JzdDatum
{
    Cgcs2000,
    Xian1980,
    Beijing1954
};

struct JzdGrid
{
    JzdDatum datum = JzdDatum::Cgcs2000;
    int zoneWidth = 3;    // degrees: 3 (zones 25–45) or 6 (zones 13–23)
    int zone = 40;        // 3° zone n has central meridian 3n°E; 6° zone n has 6n−3°E
    bool prefixed = true; // false easting n·10⁶ + 500 000 (true) or 500 000 ("CM" variant)

    [[nodiscard]] int centralMeridian() const { return zoneWidth == 3 ? 3 * zone : 6 * zone - 3; }
};

// EPSG code of the grid, nullopt when EPSG has none (zone out of range, width not 3 or 6).
[[nodiscard]] std::optional<int> epsgOf(const JzdGrid& grid);
// Inverse of epsgOf.
[[nodiscard]] std::optional<JzdGrid> gridOfEpsg(int code);

// Datum from the header's 坐标系 text ("2000国家大地坐标系", "1980西安坐标系", "80国家大地坐标系",
// "1954北京坐标系"); nullopt when not recognised.
[[nodiscard]] std::optional<JzdDatum> datumOfHeader(const std::string& text);
// Header text for a datum ("2000国家大地坐标系" …).
[[nodiscard]] const char* headerOf(JzdDatum datum);

} // namespace redline
