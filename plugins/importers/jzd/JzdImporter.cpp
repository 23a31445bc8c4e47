#include "JzdImporter.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <sstream>

#include "JzdParser.hpp"
#include "JzdRingAssembly.hpp"
#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"
#include "redline/io/JzdCrs.hpp"
#include "redline/io/JzdEncoding.hpp"
#include "redline/io/SiteValidation.hpp"

namespace redline
{

namespace
{

constexpr double kPrefixedEasting = 1.0e7; // 8-digit easting: carries the zone prefix
constexpr double kPlainEastingMax = 1.0e6; // 6-digit easting: no prefix (500 000 ± 350 000)

std::string readBytes(const std::string& path, std::size_t limit = std::string::npos)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError(path + ": cannot open the file.");
    std::string bytes;
    if (limit == std::string::npos)
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    else
    {
        bytes.resize(limit);
        in.read(bytes.data(), static_cast<std::streamsize>(limit));
        bytes.resize(static_cast<std::size_t>(in.gcount()));
    }
    return bytes;
}

std::optional<int> parseInt(const std::string& s)
{
    const auto v = parseInteger(s);
    if (!v || *v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max())
        return std::nullopt;
    return static_cast<int>(*v);
}

std::string field(const jzd::ParcelBlock& b, std::size_t i)
{
    return i < b.fields.size() ? b.fields[i] : std::string();
}

// Which column holds the easting: decided by magnitude over the whole file.
bool columnsSwapped(const jzd::ParsedFile& parsed, const std::string& file)
{
    int normal = 0;
    int swapped = 0;
    const jzd::PointLine* firstNormal = nullptr;
    const jzd::PointLine* firstSwapped = nullptr;
    for (const auto& parcel : parsed.parcels)
        for (const auto& p : parcel.points)
        {
            const double a = std::abs(p.first);
            const double b = std::abs(p.second);
            const bool bEast =
                b >= kPrefixedEasting || (b < kPlainEastingMax && a >= kPlainEastingMax);
            const bool aEast =
                a >= kPrefixedEasting || (a < kPlainEastingMax && b >= kPlainEastingMax);
            if (bEast && !aEast)
            {
                ++normal;
                firstNormal = firstNormal ? firstNormal : &p;
            }
            else if (aEast && !bEast)
            {
                ++swapped;
                firstSwapped = firstSwapped ? firstSwapped : &p;
            }
        }
    if (normal > 0 && swapped > 0)
        throw IoError(file + ": the X/Y column order changes within the file (line " +
                      std::to_string(firstNormal->line) + " has the easting in column 4, line " +
                      std::to_string(firstSwapped->line) + " in column 3).");
    return swapped > 0;
}

struct GridDecision
{
    std::optional<JzdGrid> grid;
    std::vector<std::string> warnings;
};

GridDecision decideGrid(const jzd::ParsedFile& parsed, bool swapped, const std::string& file)
{
    GridDecision out;
    const auto prop = [&](const char* key) -> std::string
    {
        auto it = parsed.properties.find(key);
        return it == parsed.properties.end() ? std::string() : it->second;
    };
    JzdGrid grid;
    const std::string datumText = prop("坐标系");
    if (auto d = datumOfHeader(datumText))
        grid.datum = *d;
    else
        out.warnings.push_back(file + ": header 坐标系='" + datumText +
                               "' not recognised; assumed 2000国家大地坐标系 (CGCS2000).");
    // 0 = not given. Plain ints: gcc 12 -O3 misreports optional<int> as maybe-uninitialised.
    const int headerWidth = parseInt(prop("几度分带")).value_or(0);
    int headerZone = parseInt(prop("带号")).value_or(0);
    if (headerZone == 0)
        headerZone = parseInt(prop("中央子午线")).value_or(0);
    // Some producers write the central meridian (75…135) in 带号 instead of the zone number.
    int headerCm = 0;
    if (headerZone >= 72)
    {
        headerCm = headerZone;
        headerZone = 0;
    }

    std::optional<int> prefix;
    bool firstPoint = true; // the first parcel may have no points (buildParcel reports it)
    for (const auto& parcel : parsed.parcels)
        for (const auto& p : parcel.points)
        {
            const double e = std::abs(swapped ? p.first : p.second);
            if (e >= 10 * kPrefixedEasting)
                throw IoError(file + ", line " + std::to_string(p.line) + ": easting " +
                              formatSignificant(e, 10) +
                              " has more than 8 digits before the decimal point; it is not a "
                              "Gauss-Kruger easting.");
            const std::optional<int> z = e >= kPrefixedEasting
                                             ? std::optional<int>(static_cast<int>(e / 1.0e6))
                                             : std::nullopt;
            if (!firstPoint && (prefix.has_value() != z.has_value() || (prefix && *prefix != *z)))
                throw IoError(file + ", line " + std::to_string(p.line) +
                              ": the easting's zone prefix differs from the first point's.");
            prefix = z;
            firstPoint = false;
        }

    if (prefix)
    {
        grid.prefixed = true;
        grid.zone = *prefix;
        if (*prefix >= 25 && *prefix <= 45)
            grid.zoneWidth = 3;
        else if (*prefix >= 13 && *prefix <= 23)
            grid.zoneWidth = 6;
        else
            throw IoError(file + ": easting zone prefix " + std::to_string(*prefix) +
                          " is not a Chinese Gauss-Kruger zone (3-degree 25-45, 6-degree 13-23).");
        if (headerWidth != 0 && headerWidth != grid.zoneWidth)
            out.warnings.push_back(file + ": header says 几度分带=" + std::to_string(headerWidth) +
                                   " but the eastings carry " + std::to_string(grid.zoneWidth) +
                                   "-degree zone prefix " + std::to_string(*prefix) +
                                   "; trusting the prefix.");
        else if (headerZone != 0 && headerZone != *prefix)
            out.warnings.push_back(file + ": header says 带号=" + std::to_string(headerZone) +
                                   " but the eastings carry zone prefix " +
                                   std::to_string(*prefix) + "; trusting the prefix.");
        else if (headerCm != 0 && headerCm != grid.centralMeridian())
            out.warnings.push_back(file + ": header central meridian " + std::to_string(headerCm) +
                                   " disagrees with zone prefix " + std::to_string(*prefix) +
                                   "; trusting the prefix.");
    }
    else
    {
        grid.prefixed = false;
        grid.zoneWidth = headerWidth != 0 ? headerWidth : 3;
        if (headerZone != 0)
            grid.zone = headerZone;
        else if (headerCm != 0)
            grid.zone = grid.zoneWidth == 3 ? headerCm / 3 : (headerCm + 3) / 6;
        else
        {
            out.warnings.push_back(file + ": the eastings have no zone prefix and the header gives "
                                          "no 带号, so the central meridian is unknown; give the "
                                          "CRS with --site-crs.");
            return out;
        }
    }
    if (!epsgOf(grid))
    {
        out.warnings.push_back(file + ": no EPSG CRS for " + std::to_string(grid.zoneWidth) +
                               "-degree zone " + std::to_string(grid.zone) +
                               "; give the CRS with --site-crs.");
        return out;
    }
    out.grid = grid;
    return out;
}

// Decimal places written in a number ("6.50" → 2).
int decimalsOf(const std::string& s)
{
    const auto dot = s.find('.');
    return dot == std::string::npos ? 0 : static_cast<int>(s.size() - dot - 1);
}

std::string parcelId(const jzd::ParcelBlock& block, std::size_t index)
{
    const std::string id = field(block, 2);
    return id.empty() ? std::to_string(index + 1) : id;
}

// The header's attributes, also kept for a parcel whose geometry cannot be used.
Feature parcelFeature(const jzd::ParcelBlock& block, std::size_t index)
{
    Feature f;
    f.fid = static_cast<std::int64_t>(index + 1);
    const std::optional<double> headerHa = parseNumber(field(block, 1));
    f.attributes.set("site_id", parcelId(block, index));
    f.attributes.set("name", field(block, 3));
    f.attributes.set("地块用途", field(block, 6));
    f.attributes.set("地类编码", field(block, 7));
    f.attributes.set("area_ha", headerHa ? AttributeValue(*headerHa) : AttributeValue());
    f.attributes.set("图幅号", field(block, 5));
    return f;
}

// The same repair every importer's sites get (SiteValidation.hpp), before the header area is
// compared; the warning also says which ring crosses itself where.
void repairParcel(Geometry& g, const std::vector<std::string>& crossings, const std::string& where,
                  std::vector<std::string>& warnings)
{
    std::string rings;
    for (const std::string& c : crossings)
        rings += "; " + c;
    try
    {
        if (auto why = repairPolygon(g))
            warnings.push_back(where + ": invalid polygon (" + *why +
                               ") repaired with GEOS make-valid" + rings +
                               "; check the point order.");
        else if (!crossings.empty())
            warnings.push_back(where + ":" + rings.substr(1) + "; check the point order.");
    }
    catch (const GeometryError& e)
    {
        throw GeometryError(where + ": " + e.what() + rings + "; check the point order.");
    }
}

Feature buildParcel(const jzd::ParcelBlock& block, std::size_t index, bool swapped,
                    const std::string& file, std::vector<std::string>& warnings)
{
    const std::string label =
        "parcel '" + parcelId(block, index) + "' (line " + std::to_string(block.line) + ")";
    const std::string where = file + ", " + label;
    if (block.points.empty())
        throw GeometryError(where + ": no point lines.");

    // Runs of equal 圈号 are rings (lines or point groups for 线/点 parcels).
    std::vector<Ring> rings;
    std::vector<std::string> ringNumbers;
    for (std::size_t i = 0; i < block.points.size(); ++i)
    {
        const auto& p = block.points[i];
        if (i == 0 || p.ring != block.points[i - 1].ring)
        {
            rings.emplace_back();
            ringNumbers.push_back(p.ring);
        }
        const double east = swapped ? p.first : p.second;
        const double north = swapped ? p.second : p.first;
        rings.back().push_back({east, north});
    }

    const std::string shape = field(block, 4);
    Feature f = parcelFeature(block, index);
    std::size_t closingRepeats = 0;
    if (shape == "点")
    {
        std::vector<Part> parts;
        for (const Ring& r : rings)
            for (const Point& p : r)
                parts.push_back({{p}});
        // Type first: argument evaluation order could move `parts` before size() is read.
        const auto type = parts.size() == 1 ? GeometryType::Point : GeometryType::MultiPoint;
        f.geometry = Geometry(type, std::move(parts));
    }
    else if (shape == "线")
    {
        std::vector<Part> parts;
        for (std::size_t r = 0; r < rings.size(); ++r)
        {
            if (rings[r].size() < 2)
                throw GeometryError(where + ": line 圈号 " + ringNumbers[r] +
                                    " has fewer than 2 points.");
            parts.push_back({rings[r]});
        }
        const auto type =
            parts.size() == 1 ? GeometryType::LineString : GeometryType::MultiLineString;
        f.geometry = Geometry(type, std::move(parts));
    }
    else
    {
        if (!shape.empty() && shape != "面")
            warnings.push_back(where + ": 记录图形属性 '" + shape +
                               "' unknown; read as 面 (polygon).");
        std::vector<std::string> crossings;
        for (std::size_t r = 0; r < rings.size(); ++r)
        {
            Ring& ring = rings[r];
            if (ring.size() > 1 && ring.front() == ring.back())
                ++closingRepeats;
            else
            {
                warnings.push_back(where + ": ring 圈号 " + ringNumbers[r] +
                                   " is not closed (its last point does not repeat the first); "
                                   "closed it.");
                ring.push_back(ring.front());
            }
            if (ring.size() < 4)
                throw GeometryError(where + ": ring 圈号 " + ringNumbers[r] +
                                    " has fewer than 3 distinct points.");
            if (auto p = jzd::selfIntersection(ring))
                crossings.push_back("ring 圈号 " + ringNumbers[r] + " crosses itself near (" +
                                    formatFixed(p->x, 3) + ", " + formatFixed(p->y, 3) + ")");
        }
        f.geometry = jzd::assembleRings(rings);
        repairParcel(f.geometry, crossings, where, warnings);
    }

    // Point count: producers count the closing repeats or not; accept both.
    if (auto count = parseInt(field(block, 0)))
    {
        const auto n = block.points.size();
        if (static_cast<std::size_t>(*count) != n &&
            static_cast<std::size_t>(*count) != n - closingRepeats)
            warnings.push_back(where + ": header 界址点数=" + std::to_string(*count) + " but " +
                               std::to_string(n) + " point lines follow.");
    }

    const std::string areaText = field(block, 1);
    std::optional<double> headerHa = parseNumber(areaText);
    if (!areaText.empty() && !headerHa)
        warnings.push_back(where + ": header area '" + areaText + "' is not a number.");
    if (headerHa && f.geometry.dimension() == Dimension::Area)
    {
        const double computedHa = f.geometry.planarArea() / 1.0e4;
        const double tolerance =
            std::max(0.5 * std::pow(10.0, -decimalsOf(areaText)), kJzdAreaTolerance * computedHa);
        if (std::abs(*headerHa - computedHa) > tolerance)
        {
            std::string hint;
            const double ratio = computedHa > 0 ? *headerHa / computedHa : 0;
            if (std::abs(ratio / 1.0e4 - 1) < kJzdAreaTolerance)
                hint = " (the header looks like square metres, not hectares)";
            else if (std::abs(ratio / 15 - 1) < kJzdAreaTolerance)
                hint = " (the header looks like 亩, not hectares)";
            warnings.push_back(where + ": header area " + areaText + " ha differs from the " +
                               "coordinates' Gauss-Kruger area " + formatFixed(computedHa, 4) +
                               " ha by more than the tolerance " + formatSignificant(tolerance, 4) +
                               " ha (larger of half a unit in the header's last decimal and 1 %)" +
                               hint + ".");
        }
    }

    return f;
}

} // namespace

PluginInfo JzdImporter::info()
{
    return {"import.jzd", "界址点 coordinate lists (.txt with [地块坐标]; GBK or UTF-8)"};
}

bool JzdImporter::canRead(const std::string& path) const
{
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".txt" || !std::filesystem::is_regular_file(path))
        return false;
    try
    {
        // The section marker in UTF-8 or GBK bytes, within the first 64 KiB.
        const std::string head = readBytes(path, 64 * 1024);
        return head.find("[地块坐标]") != std::string::npos ||
               head.find("[\xB5\xD8\xBF\xE9\xD7\xF8\xB1\xEA]") != std::string::npos;
    }
    catch (const IoError&)
    {
        return false;
    }
}

Layer JzdImporter::read(const std::string& path) const
{
    const DecodedText text = decodeChineseText(readBytes(path), path);
    const jzd::ParsedFile parsed = jzd::parseJzdText(text.utf8, path);

    Layer layer;
    layer.source = path;
    layer.name = std::filesystem::path(path).stem().string();
    layer.fieldNames = {"site_id", "name", "地块用途", "地类编码", "area_ha", "图幅号"};

    const bool swapped = columnsSwapped(parsed, path);
    if (swapped)
        layer.warnings.push_back(path + ": column 3 holds the easting (8-digit with zone prefix "
                                        "or 6-digit), so X and Y were read as easting, northing.");
    GridDecision grid = decideGrid(parsed, swapped, path);
    layer.warnings.insert(layer.warnings.end(), grid.warnings.begin(), grid.warnings.end());
    if (grid.grid)
        layer.crs = Crs::fromEpsg(*epsgOf(*grid.grid));

    // A parcel whose geometry cannot be built or repaired is one unusable site, not a bad file.
    for (std::size_t i = 0; i < parsed.parcels.size(); ++i)
    {
        try
        {
            layer.features.push_back(
                buildParcel(parsed.parcels[i], i, swapped, path, layer.warnings));
        }
        catch (const GeometryError& e)
        {
            Feature f = parcelFeature(parsed.parcels[i], i);
            f.error = e.what();
            layer.features.push_back(std::move(f));
        }
    }
    return layer;
}

} // namespace redline
