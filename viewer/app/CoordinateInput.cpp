#include "app/CoordinateInput.hpp"

#include <cmath>
#include <sstream>
#include <vector>

#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"
#include "redline/geo/CrsTransform.hpp"
#include "redline/io/JzdCrs.hpp"
#include "redline/rules/Terms.hpp"

namespace redline
{
namespace
{

// Markers the text is reduced to, besides numbers.
enum class Mark
{
    Number,
    Degree,
    Minute,
    Second,
    East,
    West,
    North,
    South,
};

struct Token
{
    Mark mark = Mark::Number;
    double value = 0;
};

// UTF-8 spellings of the markers (full-width ASCII is folded and letters lower-cased first).
const std::pair<const char*, Mark> kMarks[] = {
    {"东经", Mark::East},     {"西经", Mark::West},     {"北纬", Mark::North},
    {"南纬", Mark::South},    {"\u00b0", Mark::Degree}, {"度", Mark::Degree},
    {"\u2032", Mark::Minute}, {"\u2019", Mark::Minute}, {"'", Mark::Minute},
    {"分", Mark::Minute},     {"\u2033", Mark::Second}, {"\u201d", Mark::Second},
    {"\"", Mark::Second},     {"秒", Mark::Second},     {"e", Mark::East},
    {"w", Mark::West},        {"n", Mark::North},       {"s", Mark::South},
};

std::vector<Token> tokenize(const std::string& raw)
{
    const std::string text = normalizeSpelling(raw);
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < text.size())
    {
        const char c = text[i];
        if ((c >= '0' && c <= '9') || c == '.' ||
            ((c == '-' || c == '+') && i + 1 < text.size() &&
             ((text[i + 1] >= '0' && text[i + 1] <= '9') || text[i + 1] == '.')))
        {
            std::size_t j = i + 1;
            while (j < text.size() && ((text[j] >= '0' && text[j] <= '9') || text[j] == '.'))
                ++j;
            const auto v = parseNumber(std::string_view(text).substr(i, j - i));
            if (!v)
                throw ConfigError("'" + raw + "': '" + text.substr(i, j - i) +
                                  "' is not a number.");
            out.push_back({Mark::Number, *v});
            i = j;
            continue;
        }
        bool matched = false;
        for (const auto& [spelling, mark] : kMarks)
        {
            const std::string_view s(spelling);
            if (std::string_view(text).substr(i, s.size()) == s)
            {
                // A hemisphere letter only as a word of its own ("28.1n", "n 28.1").
                const bool letter = s.size() == 1 && s[0] >= 'a' && s[0] <= 'z';
                const bool wordEnd =
                    i + 1 >= text.size() || !(text[i + 1] >= 'a' && text[i + 1] <= 'z');
                const bool wordStart = i == 0 || !(text[i - 1] >= 'a' && text[i - 1] <= 'z');
                if (letter && !(wordEnd && wordStart))
                    continue;
                out.push_back({mark, 0});
                i += s.size();
                matched = true;
                break;
            }
        }
        if (!matched)
            ++i; // separators, labels such as "x=" and "y=", anything else
    }
    return out;
}

struct Angle
{
    double degrees = 0;
    std::optional<Mark> hemisphere;
    bool sexagesimal = false; // written with degree/minute/second marks
};

// Two angles from the tokens: numbers followed by their marks, hemisphere before or after.
std::optional<std::vector<Angle>> anglesOf(const std::vector<Token>& tokens)
{
    std::vector<Angle> angles;
    Angle current;
    bool open = false;  // a number belongs to `current`
    int unitLevel = -1; // last mark given: 0 degree, 1 minute, 2 second
    std::optional<Mark> pendingHemisphere;
    const auto close = [&]
    {
        if (open)
        {
            if (!current.hemisphere && pendingHemisphere)
                current.hemisphere = pendingHemisphere;
            pendingHemisphere.reset();
            angles.push_back(current);
        }
        current = Angle{};
        open = false;
        unitLevel = -1;
    };
    double lastNumber = 0;
    bool numberWaiting = false;
    for (const Token& t : tokens)
    {
        switch (t.mark)
        {
        case Mark::Number:
            if (numberWaiting)
            {
                // Two bare numbers in a row: the first was a whole angle.
                if (!open)
                {
                    current.degrees = lastNumber;
                    open = true;
                }
                close();
            }
            lastNumber = t.value;
            numberWaiting = true;
            break;
        case Mark::Degree:
        case Mark::Minute:
        case Mark::Second:
        {
            const int level = t.mark == Mark::Degree ? 0 : t.mark == Mark::Minute ? 1 : 2;
            if (!numberWaiting)
                return std::nullopt;
            if (level <= unitLevel)
                close(); // a new angle starts with its degrees
            const double sign = current.degrees < 0 ? -1 : 1;
            current.degrees += sign * std::fabs(lastNumber) / std::pow(60.0, level);
            if (level == 0)
                current.degrees = lastNumber;
            current.sexagesimal = true;
            unitLevel = level;
            open = true;
            numberWaiting = false;
            break;
        }
        default: // hemisphere: it follows its angle ("28.1N") or precedes it ("N28.1", "北纬28度")
        {
            const bool haveAngle = numberWaiting || open;
            if (numberWaiting && !open)
            {
                current.degrees = lastNumber;
                open = true;
            }
            numberWaiting = false;
            if (!haveAngle)
                pendingHemisphere = t.mark;
            else if (pendingHemisphere)
            {
                close(); // the angle so far belongs to the earlier mark
                pendingHemisphere = t.mark;
            }
            else
            {
                current.hemisphere = t.mark;
                close();
            }
        }
        }
    }
    if (numberWaiting)
    {
        if (!open)
        {
            current.degrees = lastNumber;
            open = true;
        }
        else
            return std::nullopt; // a trailing number without its mark
    }
    close();
    return angles;
}

Point toAnalysis(const Crs& from, Point p, const Crs& analysisCrs)
{
    const CrsTransform t(from, analysisCrs);
    return t.apply(p);
}

std::string fmt(double v, int decimals)
{
    return formatFixed(v, decimals);
}

} // namespace

bool isCoordinateList(const std::string& text)
{
    std::istringstream in(text);
    std::string line;
    int rows = 0;
    while (std::getline(in, line))
    {
        int digits = 0;
        for (const char c : line)
            digits += c >= '0' && c <= '9' ? 1 : 0;
        rows += digits >= 6 ? 1 : 0;
    }
    return rows > 2;
}

CoordinateTarget parseCoordinate(const std::string& text, const Crs& analysisCrs)
{
    const std::vector<Token> tokens = tokenize(text);
    bool marks = false;
    std::vector<double> numbers;
    for (const Token& t : tokens)
    {
        if (t.mark == Mark::Number)
            numbers.push_back(t.value);
        else
            marks = true;
    }
    if (numbers.size() < 2)
        throw ConfigError("'" + text + "': give two coordinates (X/Y, or longitude and latitude).");

    // Projected: two bare numbers, at least one beyond any angle.
    if (!marks && numbers.size() == 2 &&
        (std::fabs(numbers[0]) > 360 || std::fabs(numbers[1]) > 360))
    {
        // The northing has 7 digits (1,000,000–9,999,999 m); the other is the easting.
        const bool firstIsNorthing = numbers[0] >= 1e6 && numbers[0] < 1e7;
        const bool secondIsNorthing = numbers[1] >= 1e6 && numbers[1] < 1e7;
        if (firstIsNorthing == secondIsNorthing)
            throw ConfigError("'" + text +
                              "': cannot tell the northing (7 digits) from the "
                              "easting.");
        const double northing = firstIsNorthing ? numbers[0] : numbers[1];
        const double easting = firstIsNorthing ? numbers[1] : numbers[0];
        if (easting >= 1e7 && easting < 1e8)
        {
            // Zone-prefixed: the first two digits are the zone number.
            const int zone = static_cast<int>(easting / 1e6);
            JzdGrid grid;
            grid.zone = zone;
            grid.zoneWidth = zone >= 25 && zone <= 45 ? 3 : 6;
            grid.prefixed = true;
            const auto epsg = epsgOf(grid);
            if (!epsg)
                throw ConfigError("'" + text + "': zone " + std::to_string(zone) +
                                  " is not a CGCS2000 Gauss-Krüger zone (3° 25–45, 6° 13–23).");
            const Crs source = Crs::fromEpsg(*epsg);
            CoordinateTarget t;
            t.point = toAnalysis(source, {easting, northing}, analysisCrs);
            t.sourceCrs = source.label();
            t.description = "CGCS2000 " + std::to_string(grid.zoneWidth) + "° zone " +
                            std::to_string(zone) + " (" + t.sourceCrs + ") Y " + fmt(easting, 2) +
                            ", X " + fmt(northing, 2);
            return t;
        }
        if (easting < 0 || easting >= 1e6)
            throw ConfigError("'" + text + "': the easting " + fmt(easting, 2) +
                              " is neither a 6-digit easting nor zone-prefixed.");
        CoordinateTarget t;
        t.point = {easting, northing};
        t.sourceCrs = analysisCrs.label();
        t.description =
            t.sourceCrs + " X " + fmt(northing, 2) + " (N), Y " + fmt(easting, 2) + " (E)";
        return t;
    }

    // Longitude / latitude, decimal or 度分秒.
    const auto angles = anglesOf(tokens);
    if (!angles || angles->size() != 2)
        throw ConfigError("'" + text +
                          "': not a coordinate pair Redline reads (X/Y, zone-prefixed "
                          "Y/X, lon/lat in degrees or 度分秒).");
    const Angle& a = (*angles)[0];
    const Angle& b = (*angles)[1];
    const auto isLon = [](const Angle& x)
    { return x.hemisphere == Mark::East || x.hemisphere == Mark::West; };
    const auto isLat = [](const Angle& x)
    { return x.hemisphere == Mark::North || x.hemisphere == Mark::South; };
    bool firstIsLon = true;
    if (isLon(a) || isLat(b))
        firstIsLon = true;
    else if (isLat(a) || isLon(b))
        firstIsLon = false;
    else
        firstIsLon = std::fabs(a.degrees) > 60 || std::fabs(b.degrees) <= 60;
    const Angle& lonA = firstIsLon ? a : b;
    const Angle& latA = firstIsLon ? b : a;
    const double lon = (lonA.hemisphere == Mark::West ? -1 : 1) * lonA.degrees;
    const double lat = (latA.hemisphere == Mark::South ? -1 : 1) * latA.degrees;
    if (std::fabs(lon) > 180 || std::fabs(lat) > 90)
        throw ConfigError("'" + text + "': longitude " + fmt(lon, 6) + " / latitude " +
                          fmt(lat, 6) + " out of range.");
    const Crs cgcs = Crs::fromEpsg(4490);
    CoordinateTarget t;
    t.point = toAnalysis(cgcs, {lon, lat}, analysisCrs);
    t.sourceCrs = cgcs.label();
    t.description = "CGCS2000 " +
                    std::string(lonA.sexagesimal || latA.sexagesimal ? "度分秒 " : "") + "lon " +
                    fmt(lon, 7) + "°, lat " + fmt(lat, 7) + "°";
    return t;
}

} // namespace redline
