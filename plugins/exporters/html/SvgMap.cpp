#include "exporters/html/SvgMap.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <tuple>

#include "exporters/html/HtmlText.hpp"
#include "report/ReportTerms.hpp"

namespace redline
{
namespace
{

std::string rgb(Rgba c)
{
    return "rgb(" + std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) +
           ")";
}

std::string opacity(Rgba c)
{
    return formatFixed(c.a / 255.0, 3);
}

double strokePx(const ZoneSymbol& s)
{
    return std::max(s.strokeMm * kSvgPxPerMm, 0.8);
}

// Qt's dash patterns in multiples of the pen width (DashLine 4-2, DashDotDotLine 4-2-1-2-1-2).
std::string dashArray(DashPattern d, double width)
{
    const auto times = [&](std::initializer_list<double> m)
    {
        std::string out;
        for (const double v : m)
            out += (out.empty() ? "" : " ") + formatFixed(v * width, 2);
        return out;
    };
    switch (d)
    {
    case DashPattern::Solid:
        return "";
    case DashPattern::Dash:
        return times({4, 2});
    case DashPattern::DashDotDot:
        return times({4, 2, 1, 2, 1, 2});
    }
    return "";
}

// Hatch patterns of one <svg>: one <pattern> per colour, kind and spacing, defined once.
class Patterns
{
  public:
    explicit Patterns(std::string prefix) : m_prefix(std::move(prefix)) {}

    std::string idFor(const ZoneSymbol& s)
    {
        const auto key = std::make_tuple(s.hatchColor.r, s.hatchColor.g, s.hatchColor.b,
                                         s.hatchColor.a, static_cast<int>(s.hatch),
                                         static_cast<int>(std::lround(s.hatchSpacingMm * 100)));
        auto it = m_ids.find(key);
        if (it != m_ids.end())
            return it->second;
        const std::string id = m_prefix + "h" + std::to_string(m_ids.size());
        m_ids.emplace(key, id);
        // The viewer spaces its 45° lines hatchSpacingMm apart horizontally: that is
        // spacing / sqrt(2) between the lines, which is the tile size of a pattern turned 45°.
        const double tile = std::max(s.hatchSpacingMm * kSvgPxPerMm, 3.0) / std::sqrt(2.0);
        const std::string t = formatFixed(tile, 2);
        const std::string half = formatFixed(tile / 2, 2);
        const std::string line = "stroke=\"" + rgb(s.hatchColor) + "\" stroke-opacity=\"" +
                                 opacity(s.hatchColor) + "\" stroke-width=\"" +
                                 formatFixed(std::max(0.15 * kSvgPxPerMm, 0.6), 2) + "\"";
        m_defs << "<pattern id=\"" << id << "\" patternUnits=\"userSpaceOnUse\" width=\"" << t
               << "\" height=\"" << t << "\" patternTransform=\"rotate(45)\">"
               << "<line x1=\"" << half << "\" y1=\"0\" x2=\"" << half << "\" y2=\"" << t << "\" "
               << line << "/>";
        if (s.hatch == HatchPattern::Cross)
            m_defs << "<line x1=\"0\" y1=\"" << half << "\" x2=\"" << t << "\" y2=\"" << half
                   << "\" " << line << "/>";
        m_defs << "</pattern>";
        return id;
    }
    [[nodiscard]] std::string defs() const { return m_defs.str(); }

  private:
    std::string m_prefix;
    std::map<std::tuple<int, int, int, int, int, int>, std::string> m_ids;
    std::ostringstream m_defs;
};

// Analysis CRS -> SVG pixels (y down).
struct View
{
    Envelope box;
    double scale; // px per metre

    [[nodiscard]] double x(double mx) const { return (mx - box.minX) * scale; }
    [[nodiscard]] double y(double my) const { return (box.maxY - my) * scale; }
};

std::string pathData(const Geometry& g, const View& v)
{
    std::string d;
    const bool closed = g.dimension() == Dimension::Area;
    for (const Part& part : g.parts())
        for (const Ring& ring : part)
        {
            for (std::size_t i = 0; i < ring.size(); ++i)
                d += (i == 0 ? "M" : "L") + formatFixed(v.x(ring[i].x), 1) + " " +
                     formatFixed(v.y(ring[i].y), 1) + " ";
            if (closed)
                d += "Z ";
        }
    return d;
}

std::string strokeAttributes(const ZoneSymbol& s)
{
    if (s.stroke.a == 0)
        return "stroke=\"none\"";
    const double w = strokePx(s);
    std::string a = "stroke=\"" + rgb(s.stroke) + "\" stroke-opacity=\"" + opacity(s.stroke) +
                    "\" stroke-width=\"" + formatFixed(w, 2) + "\" stroke-linejoin=\"bevel\"";
    const std::string dash = dashArray(s.dash, w);
    if (!dash.empty())
        a += " stroke-dasharray=\"" + dash + "\"";
    return a;
}

void writePart(const MapPart& p, const View& v, Patterns& patterns, std::ostream& out)
{
    const ZoneSymbol& s = p.symbol;
    switch (p.geometry.dimension())
    {
    case Dimension::Area:
    {
        // Fill, then hatch, then outline (the outline goes with the last of the two paths).
        const std::string d = pathData(p.geometry, v);
        const bool hatched = s.hatch != HatchPattern::None;
        if (s.fill.a != 0)
            out << "<path d=\"" << d << "\" fill-rule=\"evenodd\" fill=\"" << rgb(s.fill)
                << "\" fill-opacity=\"" << opacity(s.fill) << "\" "
                << (hatched ? std::string("stroke=\"none\"") : strokeAttributes(s)) << "/>\n";
        if (hatched)
            out << "<path d=\"" << d << "\" fill-rule=\"evenodd\" fill=\"url(#" << patterns.idFor(s)
                << ")\" " << strokeAttributes(s) << "/>\n";
        if (s.fill.a == 0 && !hatched)
            out << "<path d=\"" << d << "\" fill=\"none\" " << strokeAttributes(s) << "/>\n";
        break;
    }
    case Dimension::Line:
        out << "<path d=\"" << pathData(p.geometry, v) << "\" fill=\"none\" " << strokeAttributes(s)
            << "/>\n";
        break;
    case Dimension::Point:
        for (const Part& part : p.geometry.parts())
            for (const Ring& ring : part)
                for (const Point& pt : ring)
                    out << "<circle cx=\"" << formatFixed(v.x(pt.x), 1) << "\" cy=\""
                        << formatFixed(v.y(pt.y), 1) << "\" r=\"6\" fill=\"none\" "
                        << strokeAttributes(s) << "/>\n";
        break;
    }
}

// 1, 2 or 5 times a power of ten, the longest not over `maxMetres`.
double roundLength(double maxMetres)
{
    const double p = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (const double m : {5.0, 2.0, 1.0})
        if (m * p <= maxMetres)
            return m * p;
    return p;
}

void writeScaleBar(const View& v, double height, std::ostream& out)
{
    const double metres = roundLength(v.box.width() * 0.25);
    const double len = metres * v.scale;
    const std::string label =
        metres >= 1000 ? formatFixed(metres / 1000, 0) + " km" : formatFixed(metres, 0) + " m";
    const double x0 = 10;
    const double y0 = height - 14;
    out << "<g class=\"scale-bar\"><rect x=\"" << x0 - 5 << "\" y=\"" << y0 - 17 << "\" width=\""
        << formatFixed(len + 42, 1) << "\" height=\"26\" fill=\"white\" fill-opacity=\"0.85\"/>"
        << "<path d=\"M" << x0 << " " << y0 - 4 << " V" << y0 << " H" << formatFixed(x0 + len, 1)
        << " V" << y0 - 4 << "\" fill=\"none\" stroke=\"black\" stroke-width=\"1.5\"/>"
        << "<text x=\"" << x0 << "\" y=\"" << y0 - 6 << "\" font-size=\"11\">0</text>"
        << "<text x=\"" << formatFixed(x0 + len + 3, 1) << "\" y=\"" << y0 - 1
        << "\" font-size=\"11\">" << label << "</text></g>\n";
}

void writeNorthArrow(double width, std::ostream& out)
{
    const double x = width - 22;
    out << "<g class=\"north-arrow\"><path d=\"M" << x << " 8 L" << x + 8 << " 34 L" << x << " 28 L"
        << x - 8 << " 34 Z\" fill=\"black\"/><text x=\"" << x
        << "\" y=\"48\" font-size=\"12\" text-anchor=\"middle\">北</text></g>\n";
}

} // namespace

void writeSvgMap(const MapExcerpt& excerpt, double width, double height,
                 const std::string& idPrefix, const std::string& siteLabel, std::ostream& out)
{
    const View v{excerpt.box, width / excerpt.box.width()};
    Patterns patterns(idPrefix);
    std::ostringstream body;
    for (const MapExcerptLayer& layer : excerpt.layers)
    {
        body << "<g class=\"layer\" data-kind=\"" << htmlEscape(layer.kind) << "\">\n";
        for (const MapPart& p : layer.parts)
            writePart(p, v, patterns, body);
        body << "</g>\n";
    }
    body << "<g class=\"site\">\n";
    for (const MapPart& p : excerpt.site)
        writePart(p, v, patterns, body);
    if (!excerpt.site.empty() && !siteLabel.empty())
    {
        const Envelope& e = excerpt.site.back().geometry.envelope();
        body << "<text x=\"" << formatFixed(v.x(e.maxX) + 4, 1) << "\" y=\""
             << formatFixed(v.y(e.maxY) - 4, 1)
             << "\" font-size=\"13\" font-weight=\"bold\" paint-order=\"stroke\" stroke=\"white\" "
                "stroke-width=\"3\">"
             << htmlEscape(siteLabel) << "</text>\n";
    }
    body << "</g>\n";
    writeScaleBar(v, height, body);
    writeNorthArrow(width, body);
    out << "<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" width=\""
        << formatFixed(width, 0) << "\" height=\"" << formatFixed(height, 0) << "\" viewBox=\"0 0 "
        << formatFixed(width, 0) << ' ' << formatFixed(height, 0)
        << "\" font-family=\"'Noto Sans CJK SC','Noto Sans SC',sans-serif\">\n"
        << "<defs>" << patterns.defs() << "</defs>\n"
        << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        << body.str() << "<rect width=\"100%\" height=\"100%\" fill=\"none\" stroke=\"#333\"/>\n"
        << "</svg>\n";
}

void writeHtmlLegend(const std::vector<LegendItem>& items, const std::string& idPrefix,
                     std::ostream& out)
{
    out << "<ul class=\"legend\">\n";
    std::size_t n = 0;
    for (const LegendItem& item : items)
    {
        Patterns patterns(idPrefix + "l" + std::to_string(n++));
        std::ostringstream swatch;
        MapPart p;
        p.symbol = item.symbol;
        // A 28 x 14 px swatch: a rectangle, or a horizontal line for line symbols.
        const View v{{0, 0, 28, 14}, 1};
        p.geometry = item.line ? Geometry::lineString({{2, 7}, {26, 7}})
                               : Geometry::polygon({{2, 2}, {26, 2}, {26, 12}, {2, 12}, {2, 2}});
        writePart(p, v, patterns, swatch);
        out << "<li><svg width=\"28\" height=\"14\" viewBox=\"0 0 28 14\"><defs>" << patterns.defs()
            << "</defs>" << swatch.str() << "</svg>" << htmlEscape(item.label) << "</li>\n";
    }
    out << "</ul>\n";
}

} // namespace redline
