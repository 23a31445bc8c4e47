#pragma once
// Finds the columns of a site table by name (see VertexRowsImporter). Pure, thread-safe.

#include <optional>
#include <string>
#include <vector>

namespace redline::vertex_rows
{

enum class PairKind
{
    LonLat, // names say which is which
    EastNorth,
    Ambiguous // "x"/"y", "X坐标"/"Y坐标": decided by magnitude
};

struct TableLayout
{
    std::optional<std::size_t> wkt;
    std::optional<std::size_t> id;
    std::optional<std::size_t> order;
    std::optional<std::size_t> ring;
    std::optional<std::size_t> shape;
    std::optional<std::size_t> first;  // lon, easting, or "x"
    std::optional<std::size_t> second; // lat, northing, or "y"
    PairKind pair = PairKind::Ambiguous;

    [[nodiscard]] bool usable() const { return wkt || (first && second); }
};

[[nodiscard]] TableLayout findLayout(const std::vector<std::string>& fieldNames);

} // namespace redline::vertex_rows
